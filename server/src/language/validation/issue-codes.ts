// Stable diagnostic codes. They appear in `sfbtopo validate` output and in
// `diagnostic.data.code`, where code actions look them up: never rename one.
export const IssueCodes = {
    DuplicateName: 'duplicate-name',
    DuplicateAddress: 'duplicate-address',
    DuplicateFqdn: 'duplicate-fqdn',
    InvalidAddress: 'invalid-address',
    InvalidSubnet: 'invalid-subnet',
    SubnetHostBits: 'subnet-host-bits',
    InvalidFqdn: 'invalid-fqdn',
    PortOutOfRange: 'port-out-of-range',
    PortRangeReversed: 'port-range-reversed',
} as const;

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];
