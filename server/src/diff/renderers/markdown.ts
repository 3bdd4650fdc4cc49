import { escapeCell } from '../../language/lsp/export/rules-markdown.js';
import type { ChangeRequest, Segment } from '../change-request.js';

/**
 * The change request as markdown, to paste into a ticket: title, the counts, then one
 * table per firewall, site and destination. Added text is bold, removed text struck
 * through; both also carry `+`/`-` or an arrow, so the text reads unrendered too.
 */
export function renderDiffMarkdown(request: ChangeRequest): string {
    const lines = [`# ${escapeCell(request.title)}`, '', escapeCell(request.intro), ''];
    lines.push(tableRow(request.summaryColumns), tableRow(request.summaryColumns.map((_, i) => (i === 0 ? '---' : '---:'))));
    for (const { title, firewall, ipsec } of request.summary) lines.push(tableRow([escapeCell(title), String(firewall), String(ipsec)]));
    if (request.nothing) lines.push('', escapeCell(request.nothing));
    for (const group of request.groups) {
        lines.push('', `## ${escapeCell(group.heading)}`, '', tableRow(request.columns.map(escapeCell)), tableRow(request.columns.map(() => '---')));
        for (const row of group.rows) lines.push(tableRow(row.cells.map((cell) => cell.map(segment).join(''))));
    }
    return `${lines.join('\n')}\n`;
}

function tableRow(cells: string[]): string {
    return `| ${cells.join(' | ')} |`;
}

function segment(piece: Segment): string {
    const text = escapeCell(piece.text);
    if (piece.mark === 'added') return `**${text}**`;
    if (piece.mark === 'removed') return `~~${text}~~`;
    return text;
}
