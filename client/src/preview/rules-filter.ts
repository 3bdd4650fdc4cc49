import type { RulesTable } from '../../../server/src/language/lsp/export/export-command-ids.js';
import type { RulesViewState } from './rules-messages.js';

/**
 * The rows of the table the preview shows: those with every filtered column's value and
 * every search word in some cell (any case), sorted on the chosen column. Pure, so that
 * it runs in the webview and in the unit tests alike.
 */
export function visibleRows(table: RulesTable, state: Pick<RulesViewState, 'filters' | 'search' | 'sort'>): string[][] {
    const wanted = table.columns.map((column) => state.filters[column.key]);
    const words = state.search.toLowerCase().split(/\s+/).filter((word) => word !== '');
    const rows = table.rows.filter(
        (row) => wanted.every((value, i) => value === undefined || row[i] === value) && words.every((word) => row.some((cell) => cell.toLowerCase().includes(word))),
    );
    const index = table.columns.findIndex((column) => column.key === state.sort?.key);
    if (index < 0) return rows;
    const sign = state.sort!.descending ? -1 : 1;
    // Array.prototype.sort is stable: rows with equal cells keep the server's order.
    return rows.sort((a, b) => sign * compareText(a[index], b[index]));
}

/** Natural order, so that port 443 comes before 5061 and fe2 before fe10. */
export function compareText(a: string, b: string): number {
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}
