import { natText, type Endpoints, type Rule, type RuleSet } from '../rules/rule.js';

/** Which of a topology's rule lists a rule belongs to. */
export type RuleKind = 'firewall' | 'ipsec';

/** One field a rule kept its id through but opens differently. */
export type FieldChange =
    | { field: 'source' | 'destination'; before: Endpoints; after: Endpoints; added: string[]; removed: string[] }
    | { field: 'transport' | 'ports' | 'sourcePorts' | 'direction' | 'firewall' | 'nat'; before: string; after: string };

export type ChangedField = FieldChange['field'];

export type EndpointChange = Extract<FieldChange, { before: Endpoints }>;

export function isEndpointChange(field: FieldChange): field is EndpointChange {
    return field.field === 'source' || field.field === 'destination';
}

/**
 * One line of a firewall change request. `renamed`: a rule whose id changed (a pool or
 * site renamed) but that opens exactly what the old one did.
 */
export type RuleChange =
    | { change: 'added'; kind: RuleKind; rule: Rule }
    | { change: 'removed'; kind: RuleKind; rule: Rule }
    | { change: 'changed'; kind: RuleKind; before: Rule; after: Rule; fields: FieldChange[] }
    | { change: 'renamed'; kind: RuleKind; before: Rule; after: Rule };

export type ChangeType = RuleChange['change'];

export interface RuleDiff {
    /** The topology names before and after (a rename of the topology itself is no rule change). */
    topology: { before: string; after: string };
    /** Firewall rules first, then IPsec exceptions; within each, in the order of {@link CHANGE_ORDER}, each in rule order. */
    changes: RuleChange[];
}

/** The order of a change request: what to open, to close, to edit, then what only changes its name. */
export const CHANGE_ORDER: readonly ChangeType[] = ['added', 'removed', 'changed', 'renamed'];

/**
 * What a topology change does to its rules. Rules are matched by their stable id; what
 * is left on both sides is paired as renames where a removed and an added rule open the
 * same thing (a renamed pool changes the ids of its rules, not its ports or addresses).
 */
export function diffRuleSets(before: RuleSet, after: RuleSet): RuleDiff {
    return {
        topology: { before: before.topology, after: after.topology },
        changes: [...diffRules('firewall', before.firewall, after.firewall), ...diffRules('ipsec', before.ipsec, after.ipsec)],
    };
}

/** The one rule a change is about, where it stands now: the new rule, or the removed one. */
export function shownRule(change: RuleChange): Rule {
    return 'rule' in change ? change.rule : change.after;
}

/** How many changes of each type, per rule list. */
export function countChanges(diff: RuleDiff): Record<RuleKind, Record<ChangeType, number>> {
    const zero = (): Record<ChangeType, number> => ({ added: 0, removed: 0, changed: 0, renamed: 0 });
    const counts = { firewall: zero(), ipsec: zero() };
    for (const change of diff.changes) counts[change.kind][change.change]++;
    return counts;
}

function diffRules(kind: RuleKind, before: readonly Rule[], after: readonly Rule[]): RuleChange[] {
    const pairs = pairById(before, after);
    const sameList = listComparison();
    const added: Rule[] = [];
    const changed: RuleChange[] = [];
    for (const rule of after) {
        const previous = pairs.get(rule);
        if (!previous) {
            added.push(rule);
            continue;
        }
        const fields = fieldChanges(previous, rule, sameList);
        if (fields.length > 0) changed.push({ change: 'changed', kind, before: previous, after: rule, fields });
    }
    const paired = new Set(pairs.values());
    const removed = before.filter((rule) => !paired.has(rule));

    // Removed rules by what they open; an added rule opening the same is the same rule renamed.
    const unclaimed = new Map<string, Rule[]>();
    for (const rule of removed) {
        const key = openingKey(rule);
        unclaimed.set(key, [...(unclaimed.get(key) ?? []), rule]);
    }
    const renamedFrom = new Set<Rule>();
    const renamed: RuleChange[] = [];
    const opened: RuleChange[] = [];
    for (const rule of added) {
        const previous = unclaimed.get(openingKey(rule))?.shift();
        if (previous) {
            renamedFrom.add(previous);
            renamed.push({ change: 'renamed', kind, before: previous, after: rule });
        } else {
            opened.push({ change: 'added', kind, rule });
        }
    }
    const closed = removed.filter((rule) => !renamedFrom.has(rule)).map((rule): RuleChange => ({ change: 'removed', kind, rule }));
    return [...opened, ...closed, ...changed, ...renamed];
}

/**
 * Each after rule's old rule with the same id, where there is one. Ids are meant to be
 * unique, but a few are not (every Front End pool's rule towards a file share shares the
 * share's id): among rules of one id, those opening exactly the same pair first, then the
 * rest in order.
 */
function pairById(before: readonly Rule[], after: readonly Rule[]): Map<Rule, Rule> {
    const old = byId(before);
    const now = byId(after);
    const pairs = new Map<Rule, Rule>();
    const repeats = new Map<string, Rule[]>();
    for (const [id, rules] of now) {
        const candidates = old.get(id);
        if (!candidates) continue;
        if (candidates.length === 1 && rules.length === 1) pairs.set(rules[0], candidates[0]);
        else repeats.set(id, rules);
    }
    for (const [id, rules] of repeats) {
        const candidates = old.get(id) ?? [];
        const unmatched: Rule[] = [];
        for (const rule of rules) {
            const key = openingKey(rule);
            const same = candidates.findIndex((candidate) => openingKey(candidate) === key);
            if (same < 0) unmatched.push(rule);
            else pairs.set(rule, candidates.splice(same, 1)[0]);
        }
        for (const rule of unmatched) {
            const next = candidates.shift();
            if (next) pairs.set(rule, next);
        }
    }
    return pairs;
}

/** Rules by id, a list each (see pairById). */
function byId(rules: readonly Rule[]): Map<string, Rule[]> {
    const map = new Map<string, Rule[]>();
    for (const rule of rules) {
        const same = map.get(rule.id);
        if (same) same.push(rule);
        else map.set(rule.id, [rule]);
    }
    return map;
}

/** The fields that decide what a firewall lets through; names, services and purposes are only labels. */
const SCALAR_FIELDS = ['transport', 'ports', 'sourcePorts', 'direction', 'firewall'] as const;

function fieldChanges(before: Rule, after: Rule, sameList: ListComparison): FieldChange[] {
    const changes: FieldChange[] = [];
    for (const field of ['source', 'destination'] as const) {
        if (sameList(before[field], after[field])) continue;
        const change = endpointChange(field, before[field], after[field]);
        if (change) changes.push(change);
    }
    for (const field of SCALAR_FIELDS) {
        const was = before[field] ?? 'any';
        const now = after[field] ?? 'any';
        if (was !== now) changes.push({ field, before: was, after: now });
    }
    const nat = [natText(before), natText(after)];
    if (nat[0] !== nat[1]) changes.push({ field: 'nat', before: nat[0], after: nat[1] });
    return changes;
}

function endpointChange(field: 'source' | 'destination', before: Endpoints, after: Endpoints): FieldChange | undefined {
    const was = before === 'any' ? [] : before;
    const now = after === 'any' ? [] : after;
    // Sets: the topology-wide lists (every Front End server) hold hundreds of addresses.
    const wasSet = new Set(was);
    const nowSet = new Set(now);
    const added = now.filter((address) => !wasSet.has(address));
    const removed = was.filter((address) => !nowSet.has(address));
    // `any` on one side only is a change even when no address is listed on the other.
    if (added.length === 0 && removed.length === 0 && (before === 'any') === (after === 'any')) return undefined;
    return { field, before, after, added, removed };
}

type ListComparison = (before: Endpoints, after: Endpoints) => boolean;

/**
 * Whether two lists hold the same addresses in the same order (most rules of two versions
 * of a topology), each pair compared once: the rules of a rule set share their lists, and
 * the longest (every Front End server) are shared by thousands of rules.
 */
function listComparison(): ListComparison {
    const known = new Map<Endpoints, Map<Endpoints, boolean>>();
    return (before, after) => {
        if (before === after) return true;
        if (before === 'any' || after === 'any' || before.length !== after.length) return false;
        let row = known.get(before);
        if (!row) known.set(before, (row = new Map()));
        let same = row.get(after);
        if (same === undefined) row.set(after, (same = before.every((address, index) => address === after[index])));
        return same;
    };
}

/** Everything a rule opens and where it comes from in the catalogue, without the names in its id. */
function openingKey(rule: Rule): string {
    const addresses = (endpoints: Endpoints) => (endpoints === 'any' ? 'any' : [...endpoints].sort().join(' '));
    return [
        rule.firewall,
        rule.catalogueId,
        rule.role,
        rule.transport,
        rule.ports,
        rule.sourcePorts ?? '',
        rule.direction,
        addresses(rule.source),
        addresses(rule.destination),
        natText(rule),
    ].join('\u0000');
}
