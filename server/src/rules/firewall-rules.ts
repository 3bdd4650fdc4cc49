import { CATALOGUE } from '../catalogue/catalogue.js';
import { cmsReplicationEntries, hasLoadBalancerTable, loadBalancerEntries } from '../catalogue/queries.js';
import { SKYPE_SERVER_ROLES } from '../catalogue/roles.js';
import type { CatalogueEntry, PerimeterEntry, PortEntry } from '../catalogue/types.js';
import { effectivePorts } from '../model/effective-ports.js';
import type { ResolvedPool, ResolvedServer, ResolvedSite, ResolvedTopology } from '../model/resolved-topology.js';
import { DESTINATION_PEERS, MEDIATION_TO_GATEWAY_ROWS, SOURCE_PEERS, type Peer } from './flows.js';
import type { EndpointGroup, Endpoints, Rule } from './rule.js';
import { endpoints, rulesFor } from './rule-builder.js';

/**
 * The firewall rules of a topology: each pool's servers receive their role's rows
 * (with the pool's overrides), flows the seed describes get concrete endpoints, each
 * load balancer VIP receives its table's ports, and clients their rows.
 */
export function firewallRules(topology: ResolvedTopology): Rule[] {
    const peers = new PeerAddresses(topology);
    const rules: Rule[] = [];
    for (const site of topology.sites) {
        for (const pool of site.pools) rules.push(...poolRules(pool, peers));
        rules.push(...loadBalancerRules(site, peers), ...clientRules(site));
    }
    return rules;
}

function poolRules(pool: ResolvedPool, peers: PeerAddresses): Rule[] {
    const destinationGroup: EndpointGroup = { kind: 'pool', name: pool.name, site: pool.site };
    const rules: Rule[] = [];
    for (const port of effectivePorts(pool.context, pool.moves)) {
        const sendsTo = DESTINATION_PEERS[port.entry.id];
        if (sendsTo) {
            rules.push(...peers.rulesTowards(sendsTo, pool, port.entry, port.from, port.to));
            continue;
        }
        const from = SOURCE_PEERS[port.entry.id];
        rules.push(
            ...rulesFor(port.entry, {
                site: pool.site,
                target: pool.name,
                host: pool.name,
                source: from ? peers.endpoints(from, pool) : 'any',
                destination: peers.servers(pool),
                sourceGroup: from ? peerGroup(from, pool) : undefined,
                destinationGroup,
                direction: 'inbound',
                from: port.from,
                to: port.to,
            }),
        );
    }
    if (pool.role === 'mediation') {
        for (const id of MEDIATION_TO_GATEWAY_ROWS) {
            const entry = CATALOGUE.find((e) => e.id === id)!;
            rules.push(...peers.rulesTowards('gateways', pool, entry, entry.from, entry.to, 'mediation'));
        }
    }
    return rules;
}

function loadBalancerRules(site: ResolvedSite, peers: PeerAddresses): Rule[] {
    return site.loadBalancers.flatMap((lb) => {
        const pool = peers.pool(lb.pool);
        if (!pool?.loadBalancing || pool.standardEdition || !hasLoadBalancerTable(pool.role)) return [];
        const vip = [lb.vip];
        return loadBalancerEntries(pool.role, pool.loadBalancing, pool.context.colocatedMediation).flatMap((entry) => {
            const from = SOURCE_PEERS[entry.id];
            return rulesFor(entry, {
                site: site.name,
                target: lb.name,
                source: from ? peers.endpoints(from, pool) : 'any',
                destination: vip,
                sourceGroup: from ? peerGroup(from, pool) : undefined,
                destinationGroup: { kind: 'load-balancer', name: lb.name, site: site.name },
                direction: 'inbound',
                from: entry.from,
                to: entry.to,
            });
        });
    });
}

const CLIENT_ROWS = CATALOGUE.filter((entry): entry is PortEntry => entry.table === 'client');

/** Client rows, from the site's client subnets, with the configured media ranges where the site sets them. */
function clientRules(site: ResolvedSite): Rule[] {
    const clients = site.clients;
    if (!clients) return [];
    const subnets = endpoints(clients.subnets);
    return CLIENT_ROWS.flatMap((entry) => {
        const span = (entry.media && clients.media[entry.media]) || entry;
        return rulesFor(entry, {
            site: site.name,
            target: 'clients',
            source: subnets,
            destination: 'any',
            sourceGroup: { kind: 'clients', name: site.name, site: site.name },
            direction: 'outbound',
            from: span.from,
            to: span.to,
        });
    });
}

/** The name of the group a peer's addresses form, seen from one pool. */
function peerGroup(peer: Peer, pool: ResolvedPool): EndpointGroup {
    switch (peer) {
        case 'gateways':
            return { kind: 'gateways', name: pool.name, site: pool.site };
        case 'reverse-proxies':
            return { kind: 'reverse-proxies' };
        default:
            return { kind: 'frontend-servers' };
    }
}

/**
 * The addresses the topology knows for each kind of peer. Lookups by name and the
 * topology-wide lists are computed once: asking the topology again for every pool made
 * exporting a large topology quadratic. A list of endpoints is built once too, and all
 * the rules towards or from the same servers share it, so that renderers can work out
 * each list's text once (rules are read-only; the TCP and UDP rules of a row always
 * shared their lists).
 */
class PeerAddresses {
    private readonly pools: ResolvedPool[];
    /** The first pool of each name, as a search from the start would find it. */
    private readonly poolsByName = new Map<string, ResolvedPool>();
    /** Every gateway of each name, in topology order. */
    private readonly gatewaysByName = new Map<string, ResolvedSite['gateways']>();
    private readonly sitesByName = new Map<string, ResolvedSite>();
    private readonly lists = new Map<'reverse-proxies' | 'frontend-servers', Endpoints>();
    private readonly serverLists = new Map<{ servers: ResolvedServer[] }, Endpoints>();

    constructor(private readonly topology: ResolvedTopology) {
        this.pools = topology.sites.flatMap((site) => site.pools);
        for (const pool of this.pools) if (!this.poolsByName.has(pool.name)) this.poolsByName.set(pool.name, pool);
        for (const site of topology.sites) {
            if (!this.sitesByName.has(site.name)) this.sitesByName.set(site.name, site);
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

    /** A peer's addresses as the source of a pool's rules. */
    endpoints(peer: Peer, pool: ResolvedPool): Endpoints {
        switch (peer) {
            case 'gateways':
                return endpoints(this.gatewaysOf(pool).map((gateway) => gateway.address));
            case 'reverse-proxies':
                return this.list(peer, () => this.topology.sites.flatMap((site) => site.reverseProxies.map((proxy) => proxy.address)));
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
                ...(instead ? { from: instead.from, to: instead.to } : { from, to, role }),
            });
        switch (peer) {
            case 'file-shares': {
                const sameSite = this.sitesByName.get(pool.site)!.fileShares;
                const shares = sameSite.length > 0 ? sameSite : this.topology.sites.flatMap((site) => site.fileShares);
                return shares.flatMap((share) =>
                    towards(share.site, share.name, this.servers(share), { kind: 'file-share', name: share.name, site: share.site }, share.name),
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
