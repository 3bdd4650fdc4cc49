import { AstUtils } from 'langium';
import {
    isLoadBalancer,
    isTopology,
    type CmsHosting,
    type Colocation,
    type Edition,
    type Fqdn,
    type GatewayLink,
    type LoadBalancer,
    type LoadBalancing,
    type MediaRange,
    type Pool,
    type PortOverride,
    type Server,
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
}

export function poolFacts(pool: Pool): PoolFacts {
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

/** The load balancers whose `for` names this pool, anywhere in its topology. */
export function loadBalancersOf(pool: Pool): LoadBalancer[] {
    const topology = AstUtils.getContainerOfType(pool, isTopology);
    if (!topology) return [];
    return topology.sites.flatMap((site) => site.members.filter(isLoadBalancer)).filter((lb) => lb.pool?.ref === pool);
}
