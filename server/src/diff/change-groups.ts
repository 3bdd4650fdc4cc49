import type { FirewallName, Rule } from '../rules/rule.js';
import { shownRule, type RuleChange, type RuleDiff, type RuleKind } from './rule-diff.js';

/** The changes one team applies in one place: one firewall (or the IPsec policy), one site, one destination. */
export interface ChangeGroup {
    kind: RuleKind;
    firewall: FirewallName;
    site: string;
    /** The pool or file share receiving the traffic; else what the rule id names (a load balancer, `clients`, a pool's gateways). */
    destination: string;
    changes: RuleChange[];
}

const FIREWALL_ORDER: readonly FirewallName[] = ['internal', 'perimeter-internal', 'perimeter-external'];
const KIND_ORDER: readonly RuleKind[] = ['firewall', 'ipsec'];

/**
 * The changes by firewall, site and destination, each group in the diff's order. A
 * changed rule is placed where it stands now. Groups are sorted so that two runs, or the
 * CLI and VS Code, list them alike.
 */
export function groupChanges(diff: RuleDiff): ChangeGroup[] {
    const groups = new Map<string, ChangeGroup>();
    for (const change of diff.changes) {
        const rule = shownRule(change);
        const destination = destinationOf(rule);
        const key = [change.kind, rule.firewall, rule.site, destination].join('\u0000');
        let group = groups.get(key);
        if (!group) {
            group = { kind: change.kind, firewall: rule.firewall, site: rule.site, destination, changes: [] };
            groups.set(key, group);
        }
        group.changes.push(change);
    }
    return [...groups.values()].sort(
        (a, b) =>
            KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
            FIREWALL_ORDER.indexOf(a.firewall) - FIREWALL_ORDER.indexOf(b.firewall) ||
            compare(a.site, b.site) ||
            compare(a.destination, b.destination),
    );
}

/**
 * From fields rules.json has too, so that a diff against a last export groups as one
 * between two topologies: the rule's host, else the target part of its id (site/target/row/transport).
 */
function destinationOf(rule: Rule): string {
    return rule.host ?? rule.id.split('/')[1] ?? rule.id;
}

function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
