// Stable diagnostic codes. They appear in `sfbtopo validate` output and in
// `diagnostic.data.code`, where code actions look them up: never rename one.
export const IssueCodes = {
    // names, addresses and FQDNs
    DuplicateName: 'duplicate-name',
    DuplicateAddress: 'duplicate-address',
    DuplicateFqdn: 'duplicate-fqdn',
    InvalidAddress: 'invalid-address',
    InvalidSubnet: 'invalid-subnet',
    SubnetHostBits: 'subnet-host-bits',
    SubnetsOverlap: 'subnets-overlap',
    AddressOutsideSubnets: 'address-outside-subnets',
    InvalidFqdn: 'invalid-fqdn',
    // facts an imported topology leaves for the administrator (0.0.0.0, 0.0.0.0/0)
    AddressUnknown: 'address-unknown',
    SubnetUnknown: 'subnet-unknown',
    // port ranges
    PortOutOfRange: 'port-out-of-range',
    PortRangeReversed: 'port-range-reversed',
    // pools, roles and options
    OptionNotForRole: 'option-not-for-role',
    DuplicateStatement: 'duplicate-statement',
    GatewayNotAllowed: 'gateway-not-allowed',
    ServerAddressShape: 'server-address-shape',
    CmsDuplicate: 'cms-duplicate',
    CmsMissing: 'cms-missing',
    StandardEditionServers: 'standard-edition-servers',
    StandardEditionLoadBalancing: 'standard-edition-load-balancing',
    PoolNeedsLoadBalancing: 'pool-needs-load-balancing',
    // load balancers
    LoadBalancerRole: 'load-balancer-role',
    LoadBalancerWithoutMode: 'load-balancer-without-mode',
    LoadBalancerNotNeeded: 'load-balancer-not-needed',
    LoadBalancerVip: 'load-balancer-vip',
    LoadBalancerMissingPorts: 'load-balancer-missing-ports',
    LoadBalancerExtraPort: 'load-balancer-extra-port',
    DnsLoadBalancingNeedsHlb: 'dns-load-balancing-needs-hlb',
    HardwareLoadBalancerMissing: 'hardware-load-balancer-missing',
    // perimeter: Edge pools and reverse proxies
    NextHopRole: 'nexthop-role',
    ImplicitNextHop: 'implicit-nexthop',
    NextHopMissing: 'nexthop-missing',
    EdgeNatWithHardwareLoadBalancing: 'edge-nat-with-hardware-load-balancing',
    EdgePrivateExternalAddress: 'edge-private-external-address',
    EdgeExternalInSubnet: 'edge-external-in-subnet',
    EdgeServiceAddresses: 'edge-service-addresses',
    EdgeAddressFormsMixed: 'edge-address-forms-mixed',
    ReverseProxyWithoutExternal: 'reverse-proxy-without-external',
    // media ranges
    MediaRangeBounds: 'media-range-bounds',
    ClientMediaTooSmall: 'client-media-too-small',
    MediaRangesOverlap: 'media-ranges-overlap',
    DuplicateMediaKind: 'duplicate-media-kind',
    MediaKindNotForRole: 'media-kind-not-for-role',
    MediaCollidesWithPort: 'media-collides-with-port',
    // port overrides
    UnknownService: 'unknown-service',
    PortOverrideCollision: 'port-override-collision',
} as const;

export type IssueCode = (typeof IssueCodes)[keyof typeof IssueCodes];
