import type { Endpoints, Rule } from '../../../rules/rule.js';
import type { Bilingual } from '../../l10n/locale.js';

/** One column of a rule listing: a key for clients, its heading, and the cell text of a rule. */
export interface RuleColumn {
    key: string;
    title: Bilingual;
    cell: (rule: Rule) => string;
    /** True when a listing can be filtered on the column's values (few distinct values, all meaningful). */
    filter?: boolean;
}

/** The columns every rule listing shows (the markdown preview and the preview table). */
export const RULE_COLUMNS: readonly RuleColumn[] = [
    { key: 'site', title: { en: 'Site', ja: 'サイト' }, cell: (rule) => rule.site, filter: true },
    { key: 'pool', title: { en: 'Pool', ja: 'プール' }, cell: (rule) => rule.host ?? '', filter: true },
    // The spec's names (as in rules.json and the CSV): the network team asked to open a rule knows its firewall by them.
    { key: 'firewall', title: { en: 'Firewall', ja: 'ファイアウォール' }, cell: (rule) => rule.firewall, filter: true },
    { key: 'rule', title: { en: 'Rule', ja: 'ルール' }, cell: (rule) => rule.id },
    { key: 'source', title: { en: 'Source', ja: '送信元' }, cell: (rule) => endpoints(rule.source) },
    { key: 'destination', title: { en: 'Destination', ja: '宛先' }, cell: (rule) => endpoints(rule.destination) },
    { key: 'transport', title: { en: 'Transport', ja: 'トランスポート' }, cell: (rule) => rule.transport, filter: true },
    { key: 'ports', title: { en: 'Ports', ja: 'ポート' }, cell: (rule) => rule.ports },
    { key: 'direction', title: { en: 'Direction', ja: '方向' }, cell: (rule) => rule.direction, filter: true },
    { key: 'service', title: { en: 'Service', ja: 'サービス' }, cell: (rule) => rule.service },
];

function endpoints(value: Endpoints): string {
    return value === 'any' ? 'any' : value.join(', ');
}
