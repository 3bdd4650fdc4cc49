import { describe, expect, it } from 'vitest';
import { visibleRows } from '../../client/src/preview/rules-filter.js';
import type { RulesTable } from '../../server/src/language/lsp/export/export-command-ids.js';

const table: RulesTable = {
    ok: true,
    topology: 'T',
    title: 'Rules of topology T',
    note: '',
    columns: [
        { key: 'list', title: 'List', filter: true },
        { key: 'pool', title: 'Pool', filter: true },
        { key: 'ports', title: 'Ports', filter: false },
        { key: 'service', title: 'Service', filter: false },
    ],
    rows: [
        ['Firewall rule', 'fe10', '5061', 'Front-End service'],
        ['Firewall rule', 'fe2', '443', 'Web Conferencing'],
        ['IPsec exception', 'fe2', '49152-57500', 'Audio/Video'],
        ['Firewall rule', 'fe2', '5061', 'SIP'],
    ],
};
const ports = (rows: string[][]) => rows.map((row) => row[2]);

describe('the rows the rules preview shows', () => {
    it('are all rows in the server order when nothing is filtered or sorted', () => {
        expect(visibleRows(table, { filters: {}, search: '' })).toEqual(table.rows);
    });

    it('keep to the filtered values, column by column', () => {
        expect(ports(visibleRows(table, { filters: { pool: 'fe2' }, search: '' }))).toEqual(['443', '49152-57500', '5061']);
        expect(ports(visibleRows(table, { filters: { pool: 'fe2', list: 'Firewall rule' }, search: '' }))).toEqual(['443', '5061']);
    });

    it('keep to rows holding every search word in some cell, whatever the case', () => {
        expect(ports(visibleRows(table, { filters: {}, search: 'FE2  sip' }))).toEqual(['5061']);
        expect(visibleRows(table, { filters: {}, search: 'nothing' })).toEqual([]);
    });

    it('sort in natural order, either way, equal cells keeping the server order', () => {
        expect(ports(visibleRows(table, { filters: {}, search: '', sort: { key: 'ports', descending: false } }))).toEqual(['443', '5061', '5061', '49152-57500']);
        expect(visibleRows(table, { filters: {}, search: '', sort: { key: 'pool', descending: false } }).map((row) => row[1])).toEqual(['fe2', 'fe2', 'fe2', 'fe10']);
        expect(ports(visibleRows(table, { filters: {}, search: '', sort: { key: 'ports', descending: true } }))).toEqual(['49152-57500', '5061', '5061', '443']);
    });

    it('leave the table itself as it was', () => {
        const before = JSON.stringify(table.rows);
        visibleRows(table, { filters: {}, search: '', sort: { key: 'ports', descending: true } });
        expect(JSON.stringify(table.rows)).toBe(before);
    });
});
