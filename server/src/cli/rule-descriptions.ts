import type { IssueCode } from '../language/validation/issue-codes.js';

/** Codes Langium's document validator sets on parser and linker diagnostics, and the CLI's own code for a file it cannot read. */
type OtherCode = 'lexing-error' | 'parsing-error' | 'linking-error' | 'unreadable-file';

/** One short English sentence per diagnostic code, for the rule table of `validate --format sarif`. */
export const RULE_DESCRIPTIONS: Readonly<Record<IssueCode | OtherCode, string>> = {
    'duplicate-name': 'A site, pool, server, subnet, gateway, reverse proxy, load balancer or file share reuses a name.',
    'duplicate-address': 'Two servers, gateways, reverse proxies or load balancer VIPs share an IP address.',
    'duplicate-fqdn': 'Two pools or file shares share an FQDN.',
    'invalid-address': 'A value that should be an IPv4 address is not one.',
    'invalid-subnet': 'A subnet is not a valid IPv4 CIDR.',
    'subnet-host-bits': 'A subnet CIDR has host bits set.',
    'subnets-overlap': 'Two subnets of a site overlap.',
    'address-outside-subnets': "An address lies in none of its site's subnets.",
    'invalid-fqdn': 'A DNS name is not a valid FQDN.',
    'address-unknown': 'An address is still the placeholder 0.0.0.0 (not yet known, as after sfbtopo import).',
    'subnet-unknown': 'A subnet is still the placeholder 0.0.0.0/0 (not yet known, as after sfbtopo import).',
    'port-out-of-range': 'A port number is outside 1-65535.',
    'port-range-reversed': 'A port range has its higher port first.',
    'option-not-for-role': "A pool option does not apply to the pool's role.",
    'duplicate-statement': 'A statement that may appear once is repeated.',
    'gateway-not-allowed': 'A pool that does not run Mediation lists a PSTN gateway.',
    'server-address-shape': 'A server has the wrong form of address (edge servers need internal and external legs, others one address).',
    'cms-duplicate': 'More than one pool hosts the Central Management Store.',
    'cms-missing': 'No frontend pool hosts the Central Management Store.',
    'standard-edition-servers': 'A Standard Edition pool does not have exactly one server.',
    'standard-edition-load-balancing': 'A Standard Edition pool is given load balancing.',
    'pool-needs-load-balancing': 'A pool of several servers has no load balancing mode.',
    'load-balancer-role': 'A load balancer serves a pool role that has no load balancer ports.',
    'load-balancer-without-mode': 'A load balancer serves a pool that states no load balancing mode.',
    'load-balancer-not-needed': 'A load balancer serves a pool whose DNS load balancing needs none.',
    'load-balancer-vip': 'A load balancer has no virtual IP, or more than one.',
    'load-balancer-missing-ports': 'A load balancer lacks ports the catalogue requires for its pool.',
    'load-balancer-extra-port': 'A load balancer lists a port the catalogue does not require, or lists one twice.',
    'dns-load-balancing-needs-hlb': 'A DNS load balanced pool still needs a hardware load balancer for web traffic.',
    'hardware-load-balancer-missing': 'A pool uses hardware load balancing but no load balancer serves it.',
    'nexthop-role': 'An Edge pool\'s nexthop names a pool that is neither a Director nor a Front End pool.',
    'implicit-nexthop': 'An Edge pool has no nexthop and hands SIP to its site\'s first Director, else Front End, pool.',
    'nexthop-missing': 'An Edge pool has no nexthop, and its site has no Director or Front End pool to take.',
    'edge-nat-with-hardware-load-balancing': 'An Edge server behind hardware load balancing has a NAT address; NAT needs DNS load balancing.',
    'edge-private-external-address': 'An Edge server behind hardware load balancing has a private (RFC 1918) external address.',
    'edge-external-in-subnet': 'An Edge server\'s external or NAT address is inside one of its site\'s subnets.',
    'edge-service-addresses': 'An Edge server\'s per-service addresses lack a service, repeat one, or come with an external address.',
    'edge-address-forms-mixed': 'The servers of an Edge pool mix one external address and per-service addresses.',
    'reverse-proxy-without-external': 'A reverse proxy has no external address, so it gets no Internet-facing rule.',
    'media-range-bounds': 'A media port range starts below the lowest allowed media port.',
    'client-media-too-small': 'A client media port range is smaller than the required minimum.',
    'media-ranges-overlap': 'Client media port ranges of different kinds overlap.',
    'duplicate-media-kind': 'A media kind is given more than one port range.',
    'media-kind-not-for-role': "A media port range is given for a kind the pool's role does not use.",
    'media-collides-with-port': "A media port range takes a port another service of the pool's servers uses.",
    'unknown-service': "A port override names a service the pool's role does not have.",
    'port-override-collision': "A port override moves a service onto a port another service of the pool's servers uses.",
    'lexing-error': 'The text contains characters that form no token of the topology language.',
    'parsing-error': 'The text does not follow the grammar of the topology language.',
    'linking-error': 'A reference names something not declared in the topology.',
    'unreadable-file': 'A file could not be read as UTF-8 topology text.',
};

/** The description of `code`, or a generic one for a code not in the table. */
export function ruleDescription(code: string): string {
    return (RULE_DESCRIPTIONS as Readonly<Record<string, string>>)[code] ?? `Diagnostic ${code}.`;
}
