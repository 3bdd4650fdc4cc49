import type { Bilingual, Locale } from '../language/l10n/locale.js';
import { RULE_COLUMNS } from '../language/lsp/export/rule-columns.js';
import type { Endpoints, FirewallName, Rule } from '../rules/rule.js';
import { groupChanges, type ChangeGroup } from './change-groups.js';
import { CHANGE_ORDER, countChanges, isEndpointChange, type ChangeType, type EndpointChange, type RuleChange, type RuleDiff } from './rule-diff.js';

/** A piece of a cell: text that was added or removed is marked, so each renderer can show it its way. */
export interface Segment {
    text: string;
    mark?: 'added' | 'removed';
}

export interface ChangeRequestRow {
    change: ChangeType;
    /** One list of segments per column of {@link ChangeRequest.columns}. */
    cells: Segment[][];
}

/**
 * A firewall change request in the reader's language, for the markdown renderer and the
 * VS Code view alike: a summary of counts, then a table per firewall, site and destination.
 */
export interface ChangeRequest {
    title: string;
    /** Which two topologies (or exports) are compared. */
    intro: string;
    /** Row titles and the counts for firewall rules and IPsec exceptions; `summaryColumns` head them. */
    summaryColumns: string[];
    summary: Array<{ change: ChangeType; title: string; firewall: number; ipsec: number }>;
    /** Said instead of the tables when nothing changed. */
    nothing?: string;
    columns: string[];
    groups: Array<{ heading: string; rows: ChangeRequestRow[] }>;
}

/** What the two sides are called: file names, `rules.json of the last export`, `HEAD:path`. */
export interface DiffSides {
    before: string;
    after: string;
}

const ACTION: Record<ChangeType, Bilingual> = {
    added: { en: 'Open', ja: '開く' },
    removed: { en: 'Close', ja: '閉じる' },
    changed: { en: 'Change', ja: '変更' },
    renamed: { en: 'Rename', ja: '名前変更' },
};

const SUMMARY_TITLE: Record<ChangeType, Bilingual> = {
    added: { en: 'Open (new rules)', ja: '開く (新しいルール)' },
    removed: { en: 'Close (rules no longer needed)', ja: '閉じる (不要になったルール)' },
    changed: { en: 'Change (same rule, other addresses or ports)', ja: '変更 (同じルールでアドレスまたはポートが異なる)' },
    renamed: { en: 'Rename only (opens the same)', ja: '名前の変更のみ (開く内容は同じ)' },
};

const FIREWALL_TITLE: Record<FirewallName, Bilingual> = {
    internal: { en: 'Internal firewall', ja: '内部ファイアウォール' },
    'perimeter-internal': { en: 'Perimeter firewall, internal side', ja: '境界ファイアウォール (内部側)' },
    'perimeter-external': { en: 'Perimeter firewall, Internet side', ja: '境界ファイアウォール (インターネット側)' },
};

const IPSEC_TITLE: Bilingual = { en: 'IPsec exceptions', ja: 'IPsec の例外' };

const FIELD_TITLE: Record<'firewall' | 'nat' | 'sourcePorts', Bilingual> = {
    firewall: { en: 'firewall', ja: 'ファイアウォール' },
    nat: { en: 'NAT', ja: 'NAT' },
    sourcePorts: { en: 'source ports', ja: '送信元ポート' },
};

const COLUMN_KEYS = ['source', 'destination', 'transport', 'ports', 'direction', 'service', 'rule'] as const;

export function changeRequest(diff: RuleDiff, sides: DiffSides, locale: Locale): ChangeRequest {
    const pick = (message: Bilingual) => message[locale];
    const counts = countChanges(diff);
    const topology = diff.topology.after;
    return {
        title: pick({ en: `Firewall change request: topology ${topology}`, ja: `ファイアウォール変更依頼: トポロジ ${topology}` }),
        intro: pick({
            en: `Rules of ${sides.after} compared with ${sides.before}.`,
            ja: `${sides.after} のルールを ${sides.before} と比較しました。`,
        }),
        summaryColumns: [pick({ en: 'Change', ja: '変更' }), pick({ en: 'Firewall rules', ja: 'ファイアウォール ルール' }), pick(IPSEC_TITLE)],
        summary: CHANGE_ORDER.map((change) => ({ change, title: pick(SUMMARY_TITLE[change]), firewall: counts.firewall[change], ipsec: counts.ipsec[change] })),
        nothing:
            diff.changes.length === 0
                ? pick({ en: 'No rule changes: the firewalls need no change.', ja: 'ルールの変更はありません。ファイアウォールの変更は不要です。' })
                : undefined,
        columns: [pick({ en: 'Change', ja: '変更' }), ...COLUMN_KEYS.map((key) => pick(RULE_COLUMNS.find((column) => column.key === key)!.title))],
        groups: groupChanges(diff).map((group) => ({ heading: groupHeading(group, locale), rows: group.changes.map((change) => row(change, locale)) })),
    };
}

/** `Internal firewall · Redmond · fe01`. */
export function groupHeading(group: ChangeGroup, locale: Locale): string {
    const list = group.kind === 'ipsec' ? IPSEC_TITLE : FIREWALL_TITLE[group.firewall];
    return [list[locale], group.site, group.destination].join(' · ');
}

function row(change: RuleChange, locale: Locale): ChangeRequestRow {
    const action: Segment[] = [{ text: ACTION[change.change][locale] }];
    if (change.change === 'added' || change.change === 'removed') {
        const { rule } = change;
        return { change: change.change, cells: [action, ...COLUMN_KEYS.map((key) => [{ text: plainCell(rule, key, locale, false) }])] };
    }
    const { before, after } = change;
    if (change.change === 'renamed') {
        const cells = COLUMN_KEYS.map((key): Segment[] => (key === 'rule' ? arrow(before.id, after.id) : [{ text: plainCell(after, key, locale, true) }]));
        return { change: 'renamed', cells: [action, ...cells] };
    }
    // Fields without a column of their own are noted beside the action.
    for (const field of change.fields) {
        if (field.field === 'firewall' || field.field === 'nat' || field.field === 'sourcePorts') {
            action.push({ text: `; ${FIELD_TITLE[field.field][locale]} ` }, ...arrow(field.before || '-', field.after || '-'));
        }
    }
    const cells = COLUMN_KEYS.map((key): Segment[] => {
        const field = change.fields.find((f) => f.field === key);
        if (!field) return [{ text: plainCell(after, key, locale, true) }];
        return isEndpointChange(field) ? endpointSegments(field, locale) : arrow(field.before, field.after);
    });
    return { change: 'changed', cells: [action, ...cells] };
}

/** `shorten`: a rule edited in place, whose unchanged addresses the reader need not copy. */
function plainCell(rule: Rule, key: (typeof COLUMN_KEYS)[number], locale: Locale, shorten: boolean): string {
    switch (key) {
        case 'source':
        case 'destination': {
            const list = rule[key];
            return shorten && list !== 'any' && list.length > SHOWN ? shortened(list, list.length, locale) : endpointsText(list);
        }
        case 'ports':
            return rule.sourcePorts ? `${rule.ports} (${locale === 'ja' ? '送信元' : 'source'} ${rule.sourcePorts})` : rule.ports;
        case 'rule':
            return rule.id;
        default:
            return rule[key];
    }
}

function endpointsText(endpoints: Endpoints): string {
    return endpoints === 'any' ? 'any' : endpoints.join(', ');
}

function arrow(before: string, after: string): Segment[] {
    return [{ text: before, mark: 'removed' }, { text: ' → ' }, { text: after, mark: 'added' }];
}

/**
 * In rules edited in place, address lists longer than this are cut short: the list of every
 * Front End server runs to hundreds, and the rule's id says which rule it is.
 */
const SHOWN = 6;

/** `10.0.1.11, 10.0.1.12, … (300 unchanged)`: the first addresses of a list, and how many there are. */
function shortened(list: string[], count: number, locale: Locale): string {
    const more = locale === 'ja' ? `… (変更なし ${count} 件)` : `… (${count} unchanged)`;
    return `${list.slice(0, SHOWN - 2).join(', ')}, ${more}`;
}

/** The addresses kept (a long list cut short), then the added ones (`+`), then the removed ones (`-`): only the difference is marked. */
function endpointSegments(field: EndpointChange, locale: Locale): Segment[] {
    const pieces: Segment[] = [];
    const added = new Set(field.added);
    const kept = field.after === 'any' || field.before === 'any' ? [] : field.after.filter((address) => !added.has(address));
    if (kept.length > SHOWN) pieces.push({ text: shortened(kept, kept.length, locale) });
    else for (const address of kept) pieces.push({ text: address });
    if (field.after === 'any') pieces.push({ text: '+any', mark: 'added' });
    for (const address of field.added) pieces.push({ text: `+${address}`, mark: 'added' });
    if (field.before === 'any') pieces.push({ text: '-any', mark: 'removed' });
    for (const address of field.removed) pieces.push({ text: `-${address}`, mark: 'removed' });
    return pieces.flatMap((piece, index) => (index === 0 ? [piece] : [{ text: ', ' }, piece]));
}
