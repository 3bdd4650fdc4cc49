import { AstUtils, type AstNode } from 'langium';
import { ALL_CATALOGUE_ROWS } from '../../../catalogue/tables.js';
import type { CatalogueEntry } from '../../../catalogue/types.js';
import { resolveTopology } from '../../../model/resolved-topology.js';
import type { EndpointGroup, Rule } from '../../../rules/rule.js';
import { buildRuleSet } from '../../../rules/rule-model.js';
import { isTopology, type Topology } from '../../generated/ast.js';

// Perimeter hovers answer from the rule model, as the exports do: the rows that apply
// to the topology, at its addresses, with its peers and translations.

/**
 * The firewall rules of each syntax tree. Every parse makes a new topology node (see
 * pool-facts.ts), so a tree's rules are built once, on the first hover that needs them.
 */
const rulesByTopology = new WeakMap<Topology, Rule[]>();

/** The firewall rules of the topology a node belongs to. */
export function firewallRulesOf(node: AstNode): Rule[] {
    const topology = AstUtils.getContainerOfType(node, isTopology);
    if (!topology) return [];
    let rules = rulesByTopology.get(topology);
    if (!rules) {
        rules = buildRuleSet(resolveTopology(topology)).firewall;
        rulesByTopology.set(topology, rules);
    }
    return rules;
}

const ROWS_BY_ID = new Map<string, CatalogueEntry>(ALL_CATALOGUE_ROWS.map((entry) => [entry.id, entry]));

/** The catalogue row a rule instantiates. */
export function rowOf(rule: Rule): CatalogueEntry | undefined {
    return ROWS_BY_ID.get(rule.catalogueId);
}

/** Rules with `address` as a source or destination, or as the public address the Internet reaches it by. */
export function rulesAt(rules: Rule[], address: string): Rule[] {
    const has = (endpoints: Rule['source']) => endpoints !== 'any' && endpoints.includes(address);
    return rules.filter((rule) => has(rule.source) || has(rule.destination) || rule.nat?.some((t) => t.public === address));
}

/**
 * Whether a rule's source or destination is a group of an Edge pool: its servers, its
 * services or one of its load balancers (only those when `pool` is undefined).
 */
export function touchesPool(rule: Rule, pool: string | undefined, loadBalancers: ReadonlySet<string>): boolean {
    const mine = (group: EndpointGroup | undefined) =>
        group !== undefined &&
        (group.kind === 'load-balancer' ? loadBalancers.has(group.name ?? '') : (group.kind === 'pool' || group.kind.startsWith('edge-')) && group.name === pool);
    return mine(rule.sourceGroup) || mine(rule.destinationGroup);
}
