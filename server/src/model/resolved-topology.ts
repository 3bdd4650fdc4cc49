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
    type Topology,
} from '../language/generated/ast.js';
import type { LoadBalancingMode, PoolRoleContext } from '../catalogue/queries.js';
import type { MediaKind, PoolRole } from '../catalogue/types.js';
import { portMoves, type PortMoves, type PortSpan } from './effective-ports.js';
import { isStandardEdition, loadBalancingMode, poolFacts, roleContext } from './pool-facts.js';

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
    reverseProxies: Array<{ name: string; address: string }>;
    loadBalancers: ResolvedLoadBalancer[];
    /** Absent when the site has no `clients` block. */
    clients?: ResolvedClients;
}

export interface ResolvedServer {
    name: string;
    /** The one address of an internal server; the internal leg of an edge server. */
    address: string;
    /** Edge servers only. */
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
    vip: string;
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
                    };
                }),
                fileShares: members.filter(isFileShare).map((share) => ({
                    name: share.name,
                    site: site.name,
                    fqdn: share.statements.find((s) => s.$type === 'Fqdn')?.value,
                    servers: share.statements.filter(isServer).map(resolveServer),
                })),
                gateways: members.filter(isGateway).map((gateway) => ({ name: gateway.name, address: gateway.address })),
                reverseProxies: members.filter(isReverseProxy).map((proxy) => ({ name: proxy.name, address: proxy.address })),
                loadBalancers: members.filter(isLoadBalancer).flatMap((lb) => {
                    const vip = lb.statements.find(isVip)?.address;
                    return lb.pool?.ref && vip ? [{ name: lb.name, site: site.name, pool: lb.pool.ref.name, vip }] : [];
                }),
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

function resolveServer(server: { name: string; address?: string; internal?: string; external?: string }): ResolvedServer {
    return { name: server.name, address: server.address ?? server.internal ?? '', ...(server.external ? { external: server.external } : {}) };
}
