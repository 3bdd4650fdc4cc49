import type { Locale } from '../../language/l10n/locale.js';
import type { Endpoints, Rule } from '../../rules/rule.js';
import { groupChanges } from '../change-groups.js';
import { groupHeading, type DiffSides } from '../change-request.js';
import { countChanges, isEndpointChange, type ChangeType, type FieldChange, type RuleChange, type RuleDiff } from '../rule-diff.js';

export interface TextOptions {
    locale: Locale;
    /** ANSI colours, for a terminal only: a file or a pipe gets plain text. */
    colour: boolean;
}

const MARK: Record<ChangeType, string> = { added: '+', removed: '-', changed: '~', renamed: '=' };
/** Green, red, yellow, cyan; bold for the group headings. */
const COLOUR: Record<ChangeType | 'heading', string> = { added: '32', removed: '31', changed: '33', renamed: '36', heading: '1' };

/**
 * `sfbtopo diff`'s default output, in the manner of a unified diff: a summary line, then
 * per firewall, site and destination one line per rule (`+` open, `-` close, `~` changed,
 * `=` renamed only), a changed rule followed by what changed in it, a renamed one by its old id.
 */
export function renderDiffText(diff: RuleDiff, sides: DiffSides, options: TextOptions): string {
    const paint = (kind: ChangeType | 'heading', text: string) => (options.colour ? `\u001b[${COLOUR[kind]}m${text}\u001b[0m` : text);
    const ja = options.locale === 'ja';
    const lines = [
        ja ? `トポロジ ${diff.topology.after} のルールの変更 (${sides.before} → ${sides.after})` : `Rule changes of topology ${diff.topology.after} (${sides.before} -> ${sides.after})`,
        `  ${summary(diff, options.locale)}`,
    ];
    for (const group of groupChanges(diff)) {
        lines.push('', paint('heading', groupHeading(group, options.locale)));
        for (const change of group.changes) {
            lines.push(paint(change.change, `${MARK[change.change]} ${ruleLine(change)}`));
            if (change.change === 'changed') for (const field of change.fields) lines.push(`      ${fieldLine(field)}`);
            if (change.change === 'renamed') lines.push(`      ${renamedLine(change.before.id, options.locale)}`);
        }
    }
    return `${lines.join('\n')}\n`;
}

function summary(diff: RuleDiff, locale: Locale): string {
    const counts = countChanges(diff);
    const part = (kind: 'firewall' | 'ipsec') => {
        const c = counts[kind];
        if (locale === 'ja') {
            return `${kind === 'firewall' ? 'ファイアウォール ルール' : 'IPsec の例外'}: 追加 ${c.added}、削除 ${c.removed}、変更 ${c.changed}、名前変更 ${c.renamed}`;
        }
        return `${kind === 'firewall' ? 'firewall rules' : 'IPsec exceptions'}: ${c.added} added, ${c.removed} removed, ${c.changed} changed, ${c.renamed} renamed`;
    };
    if (diff.changes.length === 0) return locale === 'ja' ? 'ルールの変更はありません。' : 'no rule changes';
    return `${part('firewall')}; ${part('ipsec')}`;
}

/** `SOURCE -> DESTINATION  TCP/5061  inbound  SERVICE  [ID]`: a rule as a firewall lists it, its id last. */
function ruleLine(change: RuleChange): string {
    const rule: Rule = 'rule' in change ? change.rule : change.after;
    const sourcePorts = rule.sourcePorts ? ` from ports ${rule.sourcePorts}` : '';
    return `${endpoints(rule.source)} -> ${endpoints(rule.destination)}  ${rule.transport}/${rule.ports}${sourcePorts}  ${rule.direction}  ${rule.service}  [${rule.id}]`;
}

function renamedLine(before: string, locale: Locale): string {
    return locale === 'ja' ? `${before} から名前が変わっただけで、開く内容は同じです` : `renamed from ${before}; opens the same`;
}

function fieldLine(field: FieldChange): string {
    if (isEndpointChange(field)) {
        const added = field.after === 'any' ? ['+any'] : field.added.map((a) => `+${a}`);
        const removed = field.before === 'any' ? ['-any'] : field.removed.map((a) => `-${a}`);
        return `${field.field}: ${[...added, ...removed].join(' ')}`;
    }
    return `${field.field}: ${field.before || '-'} -> ${field.after || '-'}`;
}

function endpoints(list: Endpoints): string {
    return list === 'any' ? 'any' : list.join(',');
}
