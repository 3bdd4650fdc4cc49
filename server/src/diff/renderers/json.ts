import { jsonRule } from '../../export/renderers/json.js';
import type { Rule } from '../../rules/rule.js';
import type { RuleDiff, RuleKind } from '../rule-diff.js';

/**
 * `{ topology, added, removed, changed: [{ before, after, fields }], renamed: [{ before, after }] }`,
 * each RULE as rules.json writes it, after a `list` field (`firewall` or `ipsec`). Renames
 * are listed apart: they open nothing new.
 */
export function renderDiffJson(diff: RuleDiff): string {
    const result = { topology: diff.topology, added: [] as object[], removed: [] as object[], changed: [] as object[], renamed: [] as object[] };
    const rule = (list: RuleKind, r: Rule) => ({ list, ...jsonRule(r) });
    for (const change of diff.changes) {
        if (change.change === 'added' || change.change === 'removed') result[change.change].push(rule(change.kind, change.rule));
        else if (change.change === 'renamed') result.renamed.push({ before: rule(change.kind, change.before), after: rule(change.kind, change.after) });
        else result.changed.push({ before: rule(change.kind, change.before), after: rule(change.kind, change.after), fields: change.fields.map((f) => f.field) });
    }
    return `${JSON.stringify(result, null, 2)}\n`;
}
