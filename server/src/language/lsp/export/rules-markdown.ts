import type { Rule, RuleSet } from '../../../rules/rule.js';
import type { LocaleSetting } from '../../l10n/locale.js';
import { RULE_COLUMNS } from './rule-columns.js';


/**
 * The rules as a markdown document: one table for the firewall rules and one for the
 * IPsec exceptions, one row per rule. Cells are padded so that the source reads as a
 * table too (a preview document is shown as text).
 */
export function rulesMarkdown(rules: RuleSet, sourceFile: string, locale: LocaleSetting): string {
    const lines = [
        `# ${escapeCell(locale.pick({ en: `Rules of topology ${rules.topology}`, ja: `トポロジ ${rules.topology} のルール` }))}`,
        '',
        escapeCell(
            locale.pick({
                en: `Generated from ${sourceFile}. Read only: change the topology and preview again.`,
                ja: `${sourceFile} から生成しました。読み取り専用です。トポロジを変更してからもう一度プレビューしてください。`,
            }),
        ),
        '',
        ...section(locale.pick({ en: `Firewall rules (${rules.firewall.length})`, ja: `ファイアウォール ルール (${rules.firewall.length})` }), rules.firewall, locale),
        '',
        ...section(locale.pick({ en: `IPsec exceptions (${rules.ipsec.length})`, ja: `IPsec の例外 (${rules.ipsec.length})` }), rules.ipsec, locale),
    ];
    return `${lines.join('\n')}\n`;
}

function section(heading: string, rules: Rule[], locale: LocaleSetting): string[] {
    if (rules.length === 0) return [`## ${heading}`, '', locale.pick({ en: '_None._', ja: '_なし_' })];
    return [`## ${heading}`, '', ...table(rules, locale)];
}

function table(rules: Rule[], locale: LocaleSetting): string[] {
    const header = RULE_COLUMNS.map((column) => escapeCell(locale.pick(column.title)));
    const rows = rules.map((rule) => RULE_COLUMNS.map((column) => escapeCell(column.cell(rule))));
    const widths = header.map((title, i) => Math.max(3, displayWidth(title), ...rows.map((row) => displayWidth(row[i]))));
    const line = (cells: string[]) => `| ${cells.map((cell, i) => cell + ' '.repeat(widths[i] - displayWidth(cell))).join(' | ')} |`;
    return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)];
}

/** Text safe inside a table cell: no line breaks, and markdown's special characters escaped. */
export function escapeCell(text: string): string {
    return text.replace(/[\r\n]+/g, ' ').replace(/[\\|*_`<>[\]#]/g, (c) => `\\${c}`);
}

/** Columns a string takes in a monospaced editor: East Asian wide characters take two. */
function displayWidth(text: string): number {
    let width = 0;
    for (const char of text) {
        const code = char.codePointAt(0) ?? 0;
        const wide =
            (code >= 0x1100 && code <= 0x115f) ||
            (code >= 0x2e80 && code <= 0xa4cf) ||
            (code >= 0xac00 && code <= 0xd7a3) ||
            (code >= 0xf900 && code <= 0xfaff) ||
            (code >= 0xfe30 && code <= 0xfe4f) ||
            (code >= 0xff00 && code <= 0xff60) ||
            (code >= 0xffe0 && code <= 0xffe6);
        width += wide ? 2 : 1;
    }
    return width;
}
