import {
    isClients,
    isClientSubnet,
    isFileShare,
    isGateway,
    isLoadBalancer,
    isMediaRange,
    isPool,
    isReverseProxy,
    isServer,
    isSubnet,
    isVip,
    type LoadBalancer,
    type Server,
    type Topology,
} from '../language/generated/ast.js';
import type { LoadBalancingMode, PoolRoleContext } from '../catalogue/queries.js';
import type { MediaKind, PoolRole } from '../catalogue/types.js';
import { portMoves, type PortMoves, type PortSpan } from './effective-ports.js';
import { isStandardEdition, loadBalancingMode, nextHopOf, poolFacts, roleContext, type PoolFacts } from './pool-facts.js';

// A topology as plain data, read from a document that validated without errors.
// The rule model and everything after it work on this, never on the syntax tree.

export interface ResolvedTopology {
    name: string;
    sites: ResolvedSite[];
}

export interface ResolvedSite {
    name: string;
    subnets: Array<{ name: string; cidr: string }>;
    pools: ResolvedPool[];
    fileShares: ResolvedFileShare[];
    gateways: Array<{ name: string; address: string }>;
    reverseProxies: ResolvedReverseProxy[];
    loadBalancers: ResolvedLoadBalancer[];
    /** Absent when the site has no `clients` block. */
    clients?: ResolvedClients;
}

export interface ResolvedServer {
    name: string;
    /** The one address of an internal server; the internal leg of an edge server. */
    address: string;
    /** Edge servers only. */
    external?: EdgeExternal;
}

/** An Edge server's Internet-facing side. */
export interface EdgeExternal {
    access: string;
    webconf: string;
    av: string;
    /** One address for the three services (`external ADDRESS`), each then listening on a port of its own. */
    singleAddress: boolean;
    /** The public address the A/V Edge address is translated to. */
    nat?: string;
}

/** An Edge server's external addresses, each once (one for the single-address form). */
export function externalAddresses(external: EdgeExternal | undefined): string[] {
    return external ? [...new Set([external.access, external.webconf, external.av])] : [];
}

/** What only an Edge pool has. */
export interface EdgePerimeter {
    /** The Director or Front End pool it hands SIP to; absent when the topology has none to take. */
    nextHop?: string;
    federation: boolean;
    xmpp: boolean;
}

export interface ResolvedReverseProxy {
    name: string;
    /** Its inside, towards the pools it publishes. */
    address: string;
    /** Its Internet-facing listener; without it the topology states no Internet-facing rule for it. */
    external?: string;
}

export interface ResolvedPool {
    name: string;
    site: string;
    role: PoolRole;
    fqdn?: string;
    standardEdition: boolean;
    servers: ResolvedServer[];
    context: PoolRoleContext;
    loadBalancing?: LoadBalancingMode;
    /** Names of the gateways this pool's Mediation service talks to. */
    gateways: string[];
    moves: PortMoves;
    /** Edge pools only. */
    perimeter?: EdgePerimeter;
}

export interface ResolvedFileShare {
    name: string;
    site: string;
    fqdn?: string;
    servers: ResolvedServer[];
}

/** A load balancer's ports are the catalogue's set for its pool (an explicit `ports` list is validated to equal it). */
export interface ResolvedLoadBalancer {
    name: string;
    site: string;
    pool: string;
    /** The virtual IP; an Edge pool's internal one. */
    vip: string;
    /** An Edge pool's external virtual IPs, by service (the same address for all three with `vip external`). */
    externalVips?: Partial<Record<'access' | 'webconf' | 'av', string>>;
}

export interface ResolvedClients {
    /** CIDRs of the subnets the `clients` block names. */
    subnets: string[];
    media: Partial<Record<MediaKind, PortSpan>>;
}

export function resolveTopology(topology: Topology): ResolvedTopology {
    return {
        name: topology.name,
        sites: topology.sites.map((site) => {
            const members = site.members;
            const clients = members.find(isClients);
            return {
                name: site.name,
                subnets: members.filter(isSubnet).map((subnet) => ({ name: subnet.name, cidr: subnet.cidr })),
                pools: members.filter(isPool).map((pool) => {
                    const facts = poolFacts(pool);
                    return {
                        name: pool.name,
                        site: site.name,
                        role: facts.role,
                        fqdn: facts.fqdns[0]?.value,
                        standardEdition: isStandardEdition(facts),
                        servers: facts.servers.map(resolveServer),
                        context: roleContext(facts),
                        loadBalancing: loadBalancingMode(facts),
                        gateways: facts.gateways.flatMap((link) => (link.gateway?.ref ? [link.gateway.ref.name] : [])),
                        moves: portMoves(facts),
                        ...(facts.role === 'edge' ? { perimeter: edgePerimeter(facts) } : {}),
                    };
                }),
                fileShares: members.filter(isFileShare).map((share) => ({
                    name: share.name,
                    site: site.name,
                    fqdn: share.statements.find((s) => s.$type === 'Fqdn')?.value,
                    servers: share.statements.filter(isServer).map(resolveServer),
                })),
                gateways: members.filter(isGateway).map((gateway) => ({ name: gateway.name, address: gateway.address })),
                reverseProxies: members.filter(isReverseProxy).map((proxy) => ({
                    name: proxy.name,
                    address: proxy.address,
                    ...(proxy.external ? { external: proxy.external } : {}),
                })),
                loadBalancers: members.filter(isLoadBalancer).flatMap((lb) => (lb.pool?.ref ? resolveLoadBalancer(lb, site.name, lb.pool.ref.name) : [])),
                clients: clients && {
                    subnets: clients.statements.filter(isClientSubnet).flatMap((s) => (s.subnet?.ref ? [s.subnet.ref.cidr] : [])),
                    media: Object.fromEntries(
                        clients.statements.filter(isMediaRange).map((m) => [m.kind, { from: m.range.first, to: m.range.last ?? m.range.first }]),
                    ),
                },
            };
        }),
    };
}

function resolveServer(server: Server): ResolvedServer {
    const address = server.address ?? server.internal ?? '';
    const service = (name: string) => server.services.find((s) => s.service === name)?.address;
    const single = server.external;
    const [access, webconf, av] = [service('access') ?? single, service('webconf') ?? single, service('av') ?? single];
    if (!access || !webconf || !av) return { name: server.name, address };
    const singleAddress = single !== undefined && server.services.length === 0;
    return { name: server.name, address, external: { access, webconf, av, singleAddress, ...(server.nat ? { nat: server.nat } : {}) } };
}

function edgePerimeter(facts: PoolFacts): EdgePerimeter {
    const nextHop = nextHopOf(facts);
    return { ...(nextHop ? { nextHop: nextHop.pool.name } : {}), federation: facts.federations.length > 0, xmpp: facts.xmpps.length > 0 };
}

function resolveLoadBalancer(lb: LoadBalancer, site: string, pool: string): ResolvedLoadBalancer[] {
    const vips = lb.statements.filter(isVip);
    const vip = (vips.find((v) => v.side === undefined) ?? vips.find((v) => v.side === 'internal'))?.address;
    if (!vip) return [];
    const single = vips.find((v) => v.side === 'external')?.address;
    const external = (side: string) => vips.find((v) => v.side === side)?.address ?? single;
    const externalVips = Object.fromEntries((['access', 'webconf', 'av'] as const).flatMap((side) => (external(side) ? [[side, external(side)]] : [])));
    return [{ name: lb.name, site, pool, vip, ...(Object.keys(externalVips).length > 0 ? { externalVips } : {}) }];
}
