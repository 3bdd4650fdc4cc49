import { AstUtils } from 'langium';
import {
    isLoadBalancer,
    isPool,
    isSite,
    isTopology,
    type CmsHosting,
    type Colocation,
    type Edition,
    type Federation,
    type Fqdn,
    type GatewayLink,
    type LoadBalancer,
    type LoadBalancing,
    type MediaRange,
    type NextHop,
    type Pool,
    type PortOverride,
    type Server,
    type Topology,
    type Xmpp,
} from '../language/generated/ast.js';
import type { LoadBalancingMode, PoolRoleContext } from '../catalogue/queries.js';
import type { PoolRole } from '../catalogue/types.js';

/**
 * A pool's statements sorted by kind. Lists, not single values, so that validators
 * can point at a repeated statement; the accessors below read the first of each.
 */
export interface PoolFacts {
    pool: Pool;
    role: PoolRole;
    fqdns: Fqdn[];
    editions: Edition[];
    servers: Server[];
    colocations: Colocation[];
    cmsHostings: CmsHosting[];
    loadBalancings: LoadBalancing[];
    gateways: GatewayLink[];
    media: MediaRange[];
    ports: PortOverride[];
    nextHops: NextHop[];
    federations: Federation[];
    xmpps: Xmpp[];
}

/**
 * A pool's facts, sorted once per syntax tree: every validator of a pool, and the
 * load balancers' validators, ask for them. A pool's statements never change after
 * parsing (an edit parses anew the site it touches), so the facts stay right; callers
 * only read them.
 */
export function poolFacts(pool: Pool): PoolFacts {
    let facts = factsByPool.get(pool);
    if (!facts) {
        facts = sortStatements(pool);
        factsByPool.set(pool, facts);
    }
    return facts;
}

const factsByPool = new WeakMap<Pool, PoolFacts>();

function sortStatements(pool: Pool): PoolFacts {
    const facts: PoolFacts = {
        pool,
        role: pool.role as PoolRole,
        fqdns: [],
        editions: [],
        servers: [],
        colocations: [],
        cmsHostings: [],
        loadBalancings: [],
        gateways: [],
        media: [],
        ports: [],
        nextHops: [],
        federations: [],
        xmpps: [],
    };
    for (const statement of pool.statements) {
        switch (statement.$type) {
            case 'Fqdn': facts.fqdns.push(statement); break;
            case 'Edition': facts.editions.push(statement); break;
            case 'Server': facts.servers.push(statement); break;
            case 'Colocation': facts.colocations.push(statement); break;
            case 'CmsHosting': facts.cmsHostings.push(statement); break;
            case 'LoadBalancing': facts.loadBalancings.push(statement); break;
            case 'GatewayLink': facts.gateways.push(statement); break;
            case 'MediaRange': facts.media.push(statement); break;
            case 'PortOverride': facts.ports.push(statement); break;
            case 'NextHop': facts.nextHops.push(statement); break;
            case 'Federation': facts.federations.push(statement); break;
            case 'Xmpp': facts.xmpps.push(statement); break;
        }
    }
    return facts;
}

/** Front End pools are Enterprise Edition unless they say otherwise; other roles have no edition. */
export function isStandardEdition(facts: PoolFacts): boolean {
    return facts.role === 'frontend' && facts.editions[0]?.value === 'standard';
}

export function loadBalancingMode(facts: PoolFacts): LoadBalancingMode | undefined {
    return facts.loadBalancings[0]?.mode as LoadBalancingMode | undefined;
}

/** Collocation and CMS hosting only count on Front End pools, the only role that can have them. */
export function roleContext(facts: PoolFacts): PoolRoleContext {
    const frontend = facts.role === 'frontend';
    return {
        role: facts.role,
        colocatedMediation: frontend && facts.colocations.length > 0,
        hostsCms: frontend && facts.cmsHostings.length > 0,
    };
}

/**
 * The pool an Edge pool hands SIP to: the one its `nexthop` names, else its site's first
 * Director pool, else its site's first Front End pool (`implicit` then). Undefined when
 * there is none, or while the `nexthop` reference does not resolve.
 */
export function nextHopOf(facts: PoolFacts): { pool: Pool; implicit: boolean } | undefined {
    const stated = facts.nextHops[0];
    if (stated) return stated.pool?.ref ? { pool: stated.pool.ref, implicit: false } : undefined;
    const site = AstUtils.getContainerOfType(facts.pool, isSite);
    const pools = site?.members.filter(isPool) ?? [];
    const taken = pools.find((pool) => pool.role === 'director') ?? pools.find((pool) => pool.role === 'frontend');
    return taken && { pool: taken, implicit: true };
}

/** The load balancers whose `for` names this pool, anywhere in its topology. */
export function loadBalancersOf(pool: Pool): LoadBalancer[] {
    const topology = AstUtils.getContainerOfType(pool, isTopology);
    if (!topology) return [];
    return loadBalancersByPool(topology).get(pool) ?? [];
}

/**
 * Every load balancer of a topology by the pool its `for` names, in document order,
 * built once per syntax tree: validating each pool would otherwise scan the whole
 * topology. Every parse, of a whole file or of one edited site, makes a new topology
 * node, whose references are linked once, so the index stays right.
 */
const balancersByTopology = new WeakMap<Topology, Map<Pool, LoadBalancer[]>>();

function loadBalancersByPool(topology: Topology): Map<Pool, LoadBalancer[]> {
    let index = balancersByTopology.get(topology);
    if (!index) {
        index = new Map();
        for (const site of topology.sites) {
            for (const lb of site.members.filter(isLoadBalancer)) {
                const target = lb.pool?.ref;
                if (!target) continue;
                const list = index.get(target);
                if (list) list.push(lb);
                else index.set(target, [lb]);
            }
        }
        balancersByTopology.set(topology, index);
    }
    return index;
}
