import type { Bilingual, CatalogueRole, CatalogueTable } from '../catalogue/types.js';

/**
 * The firewall a rule belongs to (spec §2.1): the internal network's (the seed's tables,
 * including each server's own firewall), the perimeter's Internet-facing one, or the one
 * between the perimeter and the internal network.
 */
export type FirewallName = 'internal' | 'perimeter-external' | 'perimeter-internal';

/** A private address and the public one the Internet knows it by. */
export interface Translation {
    address: string;
    public: string;
}

/** A rule's translations as `private=public` pairs, space-separated; empty without any. */
export function natText(rule: { nat?: Translation[] }): string {
    return rule.nat ? rule.nat.map((t) => `${t.address}=${t.public}`).join(' ') : '';
}

/** A list of addresses or CIDRs, or any address. */
export type Endpoints = 'any' | string[];

/** The external addresses of one Edge service across an Edge pool's servers. */
export type EdgeServiceGroup = 'edge-access' | 'edge-webconf' | 'edge-av';

/** What the topology calls a rule's source or destination, for formats that name address sets. */
export interface EndpointGroup {
    kind: 'pool' | 'file-share' | 'load-balancer' | 'gateways' | 'reverse-proxies' | 'frontend-servers' | 'clients' | EdgeServiceGroup | 'reverse-proxy';
    /**
     * The pool, file share or load balancer; for `gateways` the pool that uses them; for
     * `clients` and a site's own `reverse-proxies` the site; for an Edge service the Edge
     * pool; for `reverse-proxy` the proxy (either of its addresses). Absent for
     * topology-wide groups.
     */
    name?: string;
    /** The site the group belongs to; absent for topology-wide groups. */
    site?: string;
}

/**
 * One firewall rule or IPsec exception, in the shape of spec §4's `rules.json`
 * (`id` … `role`), plus what the renderers need to place and explain it.
 */
export interface Rule {
    /** Unique in its rule set and stable across exports: site/target/catalogue row/transport. */
    id: string;
    site: string;
    source: Endpoints;
    destination: Endpoints;
    transport: 'TCP' | 'UDP';
    /** Destination ports: `5061`, `49152-57500` or `any`. */
    ports: string;
    /** Source ports, where the seed restricts them (the client media range of the IPsec exception). */
    sourcePorts?: string;
    direction: 'inbound' | 'outbound' | 'any';
    service: string;
    table: CatalogueTable;
    role: CatalogueRole;
    firewall: FirewallName;
    /**
     * Perimeter-external rules to or from a translated A/V Edge address: the public address
     * the Internet side uses for each such address of `destination` (inbound) or `source`.
     */
    nat?: Translation[];
    /** Names for `source` and `destination` when they are a group the topology knows (firewall rules only). */
    sourceGroup?: EndpointGroup;
    destinationGroup?: EndpointGroup;
    /** The pool or file share whose servers receive the traffic; per-pool scripts are cut along it. */
    host?: string;
    /** The catalogue row the rule instantiates. */
    catalogueId: string;
    purpose: Bilingual;
}

export interface RuleSet {
    topology: string;
    firewall: Rule[];
    ipsec: Rule[];
}
