import { CSV_COLUMNS, csvRows } from '../../export/renderers/csv.js';
import { csvCell, csvRecord, UTF8_BOM } from '../../export/quoting/csv.js';
import type { Endpoints } from '../../rules/rule.js';
import { isEndpointChange, shownRule, type FieldChange, type RuleChange, type RuleDiff } from '../rule-diff.js';

/**
 * One record per changed rule for a spreadsheet: `change` (added, removed, changed,
 * renamed) and `before` (what the changed fields held, or the old id of a renamed rule),
 * then the CSV export's columns with the rule as it is now (as it was, for a removed one).
 * UTF-8 with a BOM and the export's quoting.
 */
export function renderDiffCsv(diff: RuleDiff): string {
    const row = csvRows();
    const records = diff.changes.map((change) => `${csvCell(change.change)},${csvCell(before(change))},${row(shownRule(change))}`);
    return [UTF8_BOM + csvRecord(['change', 'before', ...CSV_COLUMNS]), ...records].join('');
}

function before(change: RuleChange): string {
    if (change.change === 'renamed') return `rule=${change.before.id}`;
    if (change.change !== 'changed') return '';
    return change.fields.map((field) => `${field.field}=${was(field)}`).join('; ');
}

function was(field: FieldChange): string {
    if (isEndpointChange(field)) return addresses(field.before);
    return field.before || '-';
}

function addresses(endpoints: Endpoints): string {
    return endpoints === 'any' ? 'any' : endpoints.join(' ');
}
