import { natText, type Endpoints, type Rule } from '../../rules/rule.js';
import type { Renderer } from '../export-file.js';
import { memoize } from '../memoize.js';
import { csvCell, csvLine, csvRecord, UTF8_BOM } from '../quoting/csv.js';
import { renderInBlocks } from '../text-joins.js';

/**
 * The columns of `firewall-rules.csv`: the ten, then the catalogue table the rule
 * came from (`ipsec` marks an IPsec exception), the purpose in Japanese, the source
 * ports the client IPsec exception is restricted to, the firewall the rule belongs to, and
 * the public addresses of translated A/V Edge addresses (`private=public`, space-separated).
 */
export const CSV_COLUMNS = [
    'site',
    'rule',
    'source',
    'destination',
    'transport',
    'ports',
    'direction',
    'service',
    'role',
    'purpose',
    'table',
    'purpose_ja',
    'source_ports',
    'firewall',
    'nat',
] as const;

/**
 * `firewall-rules.csv`: a report for Excel, one row per firewall rule, then one per IPsec
 * exception. UTF-8 with a BOM, CRLF, RFC 4180 quoting, cells guarded against formula
 * injection (see csvCell). CSV has no comments, so there is no header comment: the file
 * stays one header row and the data.
 */
export const renderCsv: Renderer = (rules) => {
    const row = csvRows();
    return [{ name: 'firewall-rules.csv', content: [UTF8_BOM + csvRecord(CSV_COLUMNS), ...renderInBlocks([...rules.firewall, ...rules.ipsec], row, '')].join('') }];
};

/**
 * The records of the rules. Every cell but the rule id repeats from rule to rule (sites,
 * ports, catalogue texts, the address lists rules share), so each distinct value is
 * made a cell once.
 */
export function csvRows(): (rule: Rule) => string {
    const cell = memoize(csvCell);
    const addresses = memoize((endpoints: Endpoints) => cell(endpoints === 'any' ? 'any' : endpoints.join(' ')));
    return (rule) =>
        csvLine([
            cell(rule.site),
            csvCell(rule.id),
            addresses(rule.source),
            addresses(rule.destination),
            cell(rule.transport),
            cell(rule.ports),
            cell(rule.direction),
            cell(rule.service),
            cell(rule.role),
            cell(rule.purpose.en),
            cell(rule.table),
            cell(rule.purpose.ja),
            cell(rule.sourcePorts ?? 'any'),
            cell(rule.firewall),
            cell(natText(rule)),
        ]);
}
