// CSV for spreadsheets (RFC 4180): comma-separated cells, CRLF between records, a cell in
// double quotes when it holds a comma, quote, CR or LF (quotes doubled inside).

/** RFC 4180 ends every record, the last one included, with CRLF. */
export const CSV_EOL = '\r\n';

/** Written first so that Excel reads the file as UTF-8 (Japanese purposes would be garbled otherwise). */
export const UTF8_BOM = '\uFEFF';

/**
 * Characters that make Excel (and other spreadsheets) read a cell as a formula, or that
 * hide one: `=`, `+`, `-`, `@`, tab and CR.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. A cell that starts like a formula gets a leading `'`, which spreadsheets
 * show as text (CSV/formula injection guard); then the cell is quoted when RFC 4180
 * requires it. `;` is quoted too, for spreadsheets whose list separator it is.
 */
export function csvCell(value: string): string {
    const text = FORMULA_START.test(value) ? `'${value}` : value;
    return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRecord(values: readonly string[]): string {
    return csvLine(values.map(csvCell));
}

/** One record of cells already made by csvCell, with its CRLF. */
export function csvLine(cells: readonly string[]): string {
    return cells.join(',') + CSV_EOL;
}
