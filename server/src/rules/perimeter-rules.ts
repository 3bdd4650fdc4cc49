import { PERIMETER_CATALOGUE } from '../catalogue/perimeter.js';
import type { PerimeterEntry, PoolRole } from '../catalogue/types.js';
import type { EdgeExternal, ResolvedPool, ResolvedReverseProxy, ResolvedServer, ResolvedSite } from '../model/resolved-topology.js';
import type { PeerAddresses } from './peer-addresses.js';
import type { EdgeServiceGroup, EndpointGroup, Endpoints, FirewallName, Rule, Translation } from './rule.js';
import { endpoints, rulesFor } from './rule-builder.js';

// The perimeter network's rules (spec §2.1): each Edge pool's rows of the Edge tables that
// apply to its load balancing and options, at its servers' addresses and its load
// balancers' virtual IPs, and each reverse proxy's rows. A row's `address` says which side
// of the Edge it is on, and so which firewall carries it.

/** One side of an Edge pool or its load balancer: addresses, what to call them, which firewall sees them. */
interface Side {
    addresses: Endpoints;
    group: EndpointGroup;
    firewall: FirewallName;
    nat?: Translation[];
}

const EDGE_ROWS = PERIMETER_CATALOGUE.filter((entry) => entry.role === 'edge');
const PROXY_ROWS = PERIMETER_CATALOGUE.filter((entry) => entry.role === 'reverseproxy');
const WEB_SERVICE_ROLES: ReadonlySet<PoolRole> = new Set(['frontend', 'director']);
const OFFICE_WEB_APPS: ReadonlySet<PoolRole> = new Set(['officewebapps']);

export function perimeterRules(site: ResolvedSite, peers: PeerAddresses): Rule[] {
    return [
        ...site.pools.filter((pool) => pool.role === 'edge').flatMap((pool) => edgeRules(pool, peers)),
        ...site.reverseProxies.flatMap((proxy) => reverseProxyRules(site.name, proxy, peers)),
    ];
}

/** Does a row apply to this Edge pool: its load balancing, its options? */
function applies(entry: PerimeterEntry, pool: ResolvedPool): boolean {
    const loadBalancing = pool.loadBalancing === 'hardware' ? 'hardware' : 'dns-or-none';
    if (entry.loadBalancing !== loadBalancing) return false;
    if (entry.condition === 'federation') return pool.perimeter?.federation === true;
    if (entry.condition === 'xmpp') return pool.perimeter?.xmpp === true;
    // The Central Management Store's replication is built from the CMS pool's side, with its other replication rows.
    return entry.peer !== 'cms';
}

function edgeRules(pool: ResolvedPool, peers: PeerAddresses): Rule[] {
    const servers = pool.servers.filter((server): server is ResolvedServer & { external: EdgeExternal } => server.external !== undefined);
    // With one address for the three services each listens on a port of its own. A pool holds one form (validated).
    const singleAddress = servers[0]?.external.singleAddress === true;
    const rows = EDGE_ROWS.filter((entry) => applies(entry, pool));
    const rules = rows
        .filter((entry) => entry.at === 'server')
        .flatMap((entry) => edgeRowRules(entry, pool, pool.name, serverSide(entry, pool, servers, peers), peers, singleAddress, pool.name));
    for (const lb of peers.loadBalancersOf(pool)) {
        for (const entry of rows.filter((row) => row.at === 'vip')) {
            const side = vipSide(entry, lb.name, lb.site, lb.vip, lb.externalVips);
            if (side) rules.push(...edgeRowRules(entry, pool, lb.name, side, peers, singleAddress));
        }
    }
    return rules;
}

/** The servers' addresses a row opens: their internal side, or one service's external addresses. */
function serverSide(entry: PerimeterEntry, pool: ResolvedPool, servers: Array<{ external: EdgeExternal }>, peers: PeerAddresses): Side {
    if (entry.address === 'internal') {
        return { addresses: peers.servers(pool), group: { kind: 'pool', name: pool.name, site: pool.site }, firewall: 'perimeter-internal' };
    }
    const service = edgeService(entry);
    const addresses = servers.map((server) => server.external[service]);
    // Internet peers reach a translated A/V Edge address (and, with one address, every service) by its public address.
    const nat = servers.flatMap(({ external }) => (external.nat && external[service] === external.av ? [{ address: external.av, public: external.nat }] : []));
    return {
        addresses: endpoints(addresses),
        group: { kind: EDGE_GROUPS[service], name: pool.name, site: pool.site },
        firewall: 'perimeter-external',
        ...(nat.length > 0 ? { nat } : {}),
    };
}

/** A load balancer's virtual IP for a row, when it declares that side. */
function vipSide(entry: PerimeterEntry, name: string, site: string, internal: string, external: Partial<Record<'access' | 'webconf' | 'av', string>> | undefined): Side | undefined {
    const group: EndpointGroup = { kind: 'load-balancer', name, site };
    if (entry.address === 'internal') return { addresses: [internal], group, firewall: 'perimeter-internal' };
    const address = external?.[edgeService(entry)];
    return address ? { addresses: [address], group, firewall: 'perimeter-external' } : undefined;
}

const EDGE_GROUPS: Record<'access' | 'webconf' | 'av', EdgeServiceGroup> = { access: 'edge-access', webconf: 'edge-webconf', av: 'edge-av' };

/** The Edge service whose external address a row opens: the XMPP Proxy shares the Access Edge's. */
function edgeService(entry: PerimeterEntry): 'access' | 'webconf' | 'av' {
    return entry.address === 'xmpp' || entry.address === 'external' || entry.address === 'internal' ? 'access' : entry.address;
}

/** A row's rules between one side of the Edge and the row's peer; none when the topology has no such peer. */
function edgeRowRules(entry: PerimeterEntry, pool: ResolvedPool, target: string, side: Side, peers: PeerAddresses, singleAddress: boolean, host?: string): Rule[] {
    const peer = edgePeer(entry, pool, peers);
    if (!peer) return [];
    const port = singleAddress && entry.singleAddressPort ? entry.singleAddressPort.port : undefined;
    return rulesFor(entry, {
        site: pool.site,
        target,
        host,
        ...towardsOrFrom(entry, side, peer),
        direction: entry.direction,
        from: port ?? entry.from,
        to: port ?? entry.to,
        firewall: side.firewall,
        nat: side.nat,
    });
}

/** The other end of an Edge row. */
function edgePeer(entry: PerimeterEntry, pool: ResolvedPool, peers: PeerAddresses): { addresses: Endpoints; group?: EndpointGroup } | undefined {
    switch (entry.peer) {
        case 'next-hop': {
            const nextHop = pool.perimeter?.nextHop === undefined ? undefined : peers.pool(pool.perimeter.nextHop);
            return nextHop && { addresses: peers.servers(nextHop), group: { kind: 'pool', name: nextHop.name, site: nextHop.site } };
        }
        case 'frontend-servers':
        case 'xmpp-gateway':
            return { addresses: peers.endpoints('frontend-servers', pool), group: { kind: 'frontend-servers' } };
        default:
            return { addresses: 'any' };
    }
}

/** Source and destination of a row, from the Edge's (or proxy's) side and its peer, by the row's direction. */
function towardsOrFrom(entry: PerimeterEntry, side: Side, peer: { addresses: Endpoints; group?: EndpointGroup }) {
    return entry.direction === 'inbound'
        ? { source: peer.addresses, sourceGroup: peer.group, destination: side.addresses, destinationGroup: side.group }
        : { source: side.addresses, sourceGroup: side.group, destination: peer.addresses, destinationGroup: peer.group };
}

/**
 * A reverse proxy's rows: the Internet to its listener when it has an external address,
 * and from its inside to each pool it publishes (its site's, and those of sites without a
 * proxy of their own), at the pool's load balancer where it has one (web services always
 * sit behind one) and else at its servers.
 */
function reverseProxyRules(site: string, proxy: ResolvedReverseProxy, peers: PeerAddresses): Rule[] {
    const group: EndpointGroup = { kind: 'reverse-proxy', name: proxy.name, site };
    const inside: Side = { addresses: [proxy.address], group, firewall: 'perimeter-internal' };
    return PROXY_ROWS.flatMap((entry) => {
        if (entry.address === 'external') {
            if (!proxy.external) return [];
            const listener: Side = { addresses: [proxy.external], group, firewall: 'perimeter-external' };
            return rulesFor(entry, { site, target: proxy.name, ...towardsOrFrom(entry, listener, { addresses: 'any' }), direction: entry.direction, from: entry.from, to: entry.to, firewall: listener.firewall });
        }
        const published = peers.poolsOf(entry.peer === 'officewebapps' ? OFFICE_WEB_APPS : WEB_SERVICE_ROLES).filter((pool) => peers.publishes(site, pool));
        return published.flatMap((pool) => {
            const lb = peers.loadBalancersOf(pool)[0];
            const peer = lb
                ? { addresses: [lb.vip], group: { kind: 'load-balancer', name: lb.name, site: lb.site } as EndpointGroup }
                : { addresses: peers.servers(pool), group: { kind: 'pool', name: pool.name, site: pool.site } as EndpointGroup };
            return rulesFor(entry, {
                site,
                target: `${proxy.name}-${pool.name}`,
                ...towardsOrFrom(entry, inside, peer),
                direction: entry.direction,
                from: entry.from,
                to: entry.to,
                firewall: inside.firewall,
            });
        });
    });
}
