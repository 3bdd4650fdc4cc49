import { cmsReplicationEntries } from '../catalogue/queries.js';
import { SKYPE_SERVER_ROLES } from '../catalogue/roles.js';
import type { CatalogueEntry, PerimeterEntry } from '../catalogue/types.js';
import type { ResolvedLoadBalancer, ResolvedPool, ResolvedServer, ResolvedSite, ResolvedTopology } from '../model/resolved-topology.js';
import type { Peer } from './flows.js';
import type { EndpointGroup, Endpoints, Rule } from './rule.js';
import { endpoints, rulesFor } from './rule-builder.js';

/**
 * The addresses the topology knows for each kind of peer. Lookups by name and the
 * topology-wide lists are computed once: asking the topology again for every pool made
 * exporting a large topology quadratic. A list of endpoints is built once too, and all
 * the rules towards or from the same servers share it, so that renderers can work out
 * each list's text once (rules are read-only; the TCP and UDP rules of a row always
 * shared their lists).
 */
export class PeerAddresses {
    private readonly pools: ResolvedPool[];
    /** The first pool of each name, as a search from the start would find it. */
    private readonly poolsByName = new Map<string, ResolvedPool>();
    /** Every gateway of each name, in topology order. */
    private readonly gatewaysByName = new Map<string, ResolvedSite['gateways']>();
    private readonly sitesByName = new Map<string, ResolvedSite>();
    private readonly lists = new Map<'reverse-proxies' | 'frontend-servers', Endpoints>();
    /** The addresses of each site's own reverse proxies, for sites that have some. */
    private readonly proxiesBySite = new Map<string, Endpoints>();
    private readonly serverLists = new Map<{ servers: ResolvedServer[] }, Endpoints>();
    private readonly balancersByPool = new Map<string, ResolvedLoadBalancer[]>();

    constructor(private readonly topology: ResolvedTopology) {
        this.pools = topology.sites.flatMap((site) => site.pools);
        for (const pool of this.pools) if (!this.poolsByName.has(pool.name)) this.poolsByName.set(pool.name, pool);
        for (const site of topology.sites) {
            if (!this.sitesByName.has(site.name)) this.sitesByName.set(site.name, site);
            if (site.reverseProxies.length > 0 && !this.proxiesBySite.has(site.name)) {
                this.proxiesBySite.set(site.name, endpoints(site.reverseProxies.map((proxy) => proxy.address)));
            }
            for (const lb of site.loadBalancers) this.balancersByPool.set(lb.pool, [...(this.balancersByPool.get(lb.pool) ?? []), lb]);
            for (const gateway of site.gateways) {
                const same = this.gatewaysByName.get(gateway.name);
                if (same) same.push(gateway);
                else this.gatewaysByName.set(gateway.name, [gateway]);
            }
        }
    }

    pool(name: string): ResolvedPool | undefined {
        return this.poolsByName.get(name);
    }

    /** The pools of some roles, in topology order. */
    poolsOf(roles: ReadonlySet<ResolvedPool['role']>): ResolvedPool[] {
        return this.pools.filter((pool) => roles.has(pool.role));
    }

    /** The load balancers whose `for` names a pool, anywhere in the topology. */
    loadBalancersOf(pool: ResolvedPool): ResolvedLoadBalancer[] {
        return this.balancersByPool.get(pool.name) ?? [];
    }

    /**
     * Whether the reverse proxies of a site publish a pool's web services: a site's proxies
     * publish its own pools, and every proxy publishes the pools of a site that has none.
     */
    publishes(proxySite: string, pool: ResolvedPool): boolean {
        return pool.site === proxySite || !this.proxiesBySite.has(pool.site);
    }

    /** The name of the group a peer's addresses form, seen from one pool. */
    group(peer: Peer, pool: ResolvedPool): EndpointGroup {
        switch (peer) {
            case 'gateways':
                return { kind: 'gateways', name: pool.name, site: pool.site };
            case 'reverse-proxies':
                return this.proxiesBySite.has(pool.site) ? { kind: 'reverse-proxies', name: pool.site, site: pool.site } : { kind: 'reverse-proxies' };
            default:
                return { kind: 'frontend-servers' };
        }
    }

    /** A peer's addresses as the source of a pool's rules. */
    endpoints(peer: Peer, pool: ResolvedPool): Endpoints {
        switch (peer) {
            case 'gateways':
                return endpoints(this.gatewaysOf(pool).map((gateway) => gateway.address));
            case 'reverse-proxies':
                // The proxies that publish the pool (see `publishes`).
                return this.proxiesBySite.get(pool.site) ?? this.list(peer, () => this.topology.sites.flatMap((site) => site.reverseProxies.map((proxy) => proxy.address)));
            case 'frontend-servers':
                return this.list(peer, () => this.pools.filter((p) => p.role === 'frontend').flatMap((p) => p.servers.map((server) => server.address)));
            case 'file-shares':
            case 'other-servers':
                return 'any'; // only ever destinations
        }
    }

    /** The addresses of a pool's or file share's servers. */
    servers(holder: { servers: ResolvedServer[] }): Endpoints {
        let list = this.serverLists.get(holder);
        if (!list) {
            list = endpoints(holder.servers.map((server) => server.address));
            this.serverLists.set(holder, list);
        }
        return list;
    }

    /** Rules on the peers a pool's servers send to: the peer receives, the pool's servers are the source. */
    rulesTowards(peer: Peer, pool: ResolvedPool, entry: CatalogueEntry, from: number, to: number, role = entry.role): Rule[] {
        const source = this.servers(pool);
        const sourceGroup: EndpointGroup = { kind: 'pool', name: pool.name, site: pool.site };
        // `instead`: a perimeter row that replaces this one for the destination, with its own ports and role.
        const towards = (site: string, target: string, destination: Endpoints, destinationGroup: EndpointGroup, host?: string, instead?: PerimeterEntry) =>
            rulesFor(instead ?? entry, {
                site, target, host, source, destination, sourceGroup, destinationGroup, direction: 'inbound',
                ...(instead ? { from: instead.from, to: instead.to, firewall: 'perimeter-internal' } : { from, to, role }),
            });
        switch (peer) {
            case 'file-shares': {
                const sameSite = this.sitesByName.get(pool.site)!.fileShares;
                const shares = sameSite.length > 0 ? sameSite : this.topology.sites.flatMap((site) => site.fileShares);
                // Every pool of a role sends the same row to a share: its id names the sending pool.
                return shares.flatMap((share) =>
                    towards(share.site, `${share.name}-from-${pool.name}`, this.servers(share), { kind: 'file-share', name: share.name, site: share.site }, share.name),
                );
            }
            case 'other-servers':
                return this.pools
                    .filter((other) => other !== pool && SKYPE_SERVER_ROLES.has(other.role))
                    .flatMap((other) => {
                        const group: EndpointGroup = { kind: 'pool', name: other.name, site: other.site };
                        // A role the perimeter catalogue gives its own replication rows (the Edge, over
                        // HTTPS 4443) takes those instead of the seed's SMB 445.
                        const own = cmsReplicationEntries(other.role, other.loadBalancing);
                        if (own.length === 0) return towards(other.site, other.name, this.servers(other), group, other.name);
                        return own.flatMap((row) => towards(other.site, other.name, this.servers(other), group, other.name, row));
                    });
            case 'gateways': {
                const gateways = this.gatewaysOf(pool);
                const group: EndpointGroup = { kind: 'gateways', name: pool.name, site: pool.site };
                return gateways.length > 0 ? towards(pool.site, `${pool.name}-gateways`, endpoints(gateways.map((g) => g.address)), group) : [];
            }
            default:
                return [];
        }
    }

    private gatewaysOf(pool: ResolvedPool) {
        return pool.gateways.flatMap((name) => this.gatewaysByName.get(name) ?? []);
    }

    /** A topology-wide address list, computed on first use. */
    private list(peer: 'reverse-proxies' | 'frontend-servers', compute: () => string[]): Endpoints {
        let list = this.lists.get(peer);
        if (!list) {
            list = endpoints(compute());
            this.lists.set(peer, list);
        }
        return list;
    }
}
