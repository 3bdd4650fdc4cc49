import type { Bilingual, CatalogueRole, CatalogueTable } from '../catalogue/types.js';

/** A list of addresses or CIDRs, or any address. */
export type Endpoints = 'any' | string[];

/** What the topology calls a rule's source or destination, for formats that name address sets. */
export interface EndpointGroup {
    kind: 'pool' | 'file-share' | 'load-balancer' | 'gateways' | 'reverse-proxies' | 'frontend-servers' | 'clients';
    /** The pool, file share or load balancer; for `gateways` the pool that uses them; for `clients` the site. Absent for topology-wide groups. */
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
