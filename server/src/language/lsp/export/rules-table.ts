import type { RuleSet } from '../../../rules/rule.js';
import type { Bilingual, LocaleSetting } from '../../l10n/locale.js';
import type { RulesTable } from './export-command-ids.js';
import { RULE_COLUMNS } from './rule-columns.js';

const KIND: { title: Bilingual; firewall: Bilingual; ipsec: Bilingual } = {
    title: { en: 'List', ja: '種類' },
    firewall: { en: 'Firewall rule', ja: 'ファイアウォール ルール' },
    ipsec: { en: 'IPsec exception', ja: 'IPsec の例外' },
};

/**
 * The rules as one table for a client to sort and filter: the firewall rules, then the
 * IPsec exceptions, told apart by a first "List" column. Headings and list names are in
 * the client's language; cells are the rules' own values.
 */
export function rulesTable(rules: RuleSet, sourceFile: string, locale: LocaleSetting): RulesTable {
    const columns = [
        { key: 'list', title: locale.pick(KIND.title), filter: true },
        ...RULE_COLUMNS.map((column) => ({ key: column.key, title: locale.pick(column.title), filter: column.filter === true })),
    ];
    const rows = (list: string, from: RuleSet['firewall']) => from.map((rule) => [list, ...RULE_COLUMNS.map((column) => column.cell(rule))]);
    return {
        ok: true,
        topology: rules.topology,
        title: locale.pick({ en: `Rules of topology ${rules.topology}`, ja: `トポロジ ${rules.topology} のルール` }),
        note: locale.pick({
            en: `Generated from ${sourceFile}: ${rules.firewall.length} firewall rules and ${rules.ipsec.length} IPsec exceptions. Read only: edit the topology and the table follows.`,
            ja: `${sourceFile} から生成しました: ファイアウォール ルール ${rules.firewall.length} 件、IPsec の例外 ${rules.ipsec.length} 件。読み取り専用です。トポロジを編集すると表も更新されます。`,
        }),
        columns,
        rows: [...rows(locale.pick(KIND.firewall), rules.firewall), ...rows(locale.pick(KIND.ipsec), rules.ipsec)],
    };
}
