import type { Endpoints, Rule } from '../../rules/rule.js';
import type { Renderer } from '../export-file.js';
import { csvRecord, UTF8_BOM } from '../quoting/csv.js';

/**
 * The columns of `firewall-rules.csv`: the ten, then the catalogue table the rule
 * came from (`ipsec` marks an IPsec exception), the purpose in Japanese, and the source
 * ports the client IPsec exception is restricted to.
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
] as const;

/**
 * `firewall-rules.csv`: a report for Excel, one row per firewall rule, then one per IPsec
 * exception. UTF-8 with a BOM, CRLF, RFC 4180 quoting, cells guarded against formula
 * injection (see csvCell). CSV has no comments, so there is no header comment: the file
 * stays one header row and the data.
 */
export const renderCsv: Renderer = (rules) => [
    {
        name: 'firewall-rules.csv',
        content: UTF8_BOM + csvRecord(CSV_COLUMNS) + [...rules.firewall, ...rules.ipsec].map((rule) => csvRecord(csvRow(rule))).join(''),
    },
];

function csvRow(rule: Rule): string[] {
    return [
        rule.site,
        rule.id,
        endpointsText(rule.source),
        endpointsText(rule.destination),
        rule.transport,
        rule.ports,
        rule.direction,
        rule.service,
        rule.role,
        rule.purpose.en,
        rule.table,
        rule.purpose.ja,
        rule.sourcePorts ?? 'any',
    ];
}

/** Addresses separated by a space, or `any`. */
const endpointsText = (endpoints: Endpoints) => (endpoints === 'any' ? 'any' : endpoints.join(' '));
