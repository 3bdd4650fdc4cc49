// Golden files: test/export/golden/<example>/firewall-rules.csv is the expected export of
// examples/<example>.sfbtopo, byte for byte. After an intended change to the output,
// regenerate with `UPDATE_GOLDEN=1 npx vitest run test/export` and review the diff.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvCell, csvRecord } from '../../server/src/export/quoting/csv.js';
import { CSV_COLUMNS, renderCsv } from '../../server/src/export/renderers/csv.js';
import type { Rule, RuleSet } from '../../server/src/rules/rule.js';
import { repoRoot } from '../helpers.js';
import { ruleSetOf, expectGolden } from './golden.js';
import { parseCsv } from './rfc4180.js';

const examples = readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.sfbtopo')).sort();


/** What a spreadsheet shows for a cell the formula guard prefixed. */
const unguard = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

describe.each(examples)('csv export of %s', (example) => {
    it('matches its golden file', async () => {
        const files = renderCsv(await ruleSetOf(example), { sourceFile: example });
        expect(files.map((file) => file.name)).toEqual(['firewall-rules.csv']);
        expectGolden(example, 'firewall-rules.csv', files[0].content);
    });

    it('is UTF-8 with a BOM, CRLF only, one header row, then every firewall rule and every IPsec exception', async () => {
        const rules = await ruleSetOf(example);
        const content = renderCsv(rules, { sourceFile: example })[0].content;
        expect(content.startsWith('\uFEFF')).toBe(true);
        expect(Buffer.from(content, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(content.endsWith('\r\n')).toBe(true);
        const [header, ...rows] = parseCsv(content.slice(1));
        expect(header).toEqual([...CSV_COLUMNS]);
        const all: Rule[] = [...rules.firewall, ...rules.ipsec];
        expect(rows).toHaveLength(all.length);
        for (const [index, rule] of all.entries()) {
            const row = Object.fromEntries(header.map((column, c) => [column, unguard(rows[index][c])]));
            expect(row).toEqual({
                site: rule.site,
                rule: rule.id,
                source: rule.source === 'any' ? 'any' : rule.source.join(' '),
                destination: rule.destination === 'any' ? 'any' : rule.destination.join(' '),
                transport: rule.transport,
                ports: rule.ports,
                direction: rule.direction,
                service: rule.service,
                role: rule.role,
                purpose: rule.purpose.en,
                table: rule.table,
                purpose_ja: rule.purpose.ja,
                source_ports: rule.sourcePorts ?? 'any',
                firewall: rule.firewall,
                nat: (rule.nat ?? []).map((t) => `${t.address}=${t.public}`).join(' '),
            });
        }
        expect(rows.filter((row) => row[10] === 'ipsec')).toHaveLength(rules.ipsec.length);
    });

    it('carries the Japanese purposes', async () => {
        const content = renderCsv(await ruleSetOf(example), { sourceFile: example })[0].content;
        expect(content).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(content).toContain('認証なしで IPsec の対象外にします');
    });
});

describe('csv quoting', () => {
    it('quotes per RFC 4180 only where needed, doubling quotes', () => {
        expect(csvCell('10.0.0.1 10.0.0.2')).toBe('10.0.0.1 10.0.0.2');
        expect(csvCell('a,b')).toBe('"a,b"');
        expect(csvCell('say "hi"')).toBe('"say ""hi"""');
        expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
        expect(csvCell('a;b')).toBe('"a;b"');
        expect(csvCell('')).toBe('');
        expect(csvRecord(['a', 'b,c'])).toBe('a,"b,c"\r\n');
    });

    it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")'])('guards %j against formula injection with a leading quote', (value) => {
        const cell = csvCell(value);
        expect(parseCsv(`${cell}\r\n`)).toEqual([[`'${value}`]]);
        expect(cell.replace(/^"/, '')).toMatch(/^'/);
    });

    it('round-trips awkward values through the RFC 4180 reader', () => {
        const values = ['plain', 'a,b', '"', '""', 'x\r\ny', 'line\nfeed', '日本語, "引用"', ' spaced ', 'ends with ,'];
        expect(parseCsv(csvRecord(values) + csvRecord(values.slice().reverse()))).toEqual([values, values.slice().reverse()]);
    });

    it('guards rule data that starts like a formula', () => {
        const rules: RuleSet = {
            topology: 'T',
            firewall: [
                {
                    id: 'S/p/x/tcp',
                    site: 'S',
                    source: 'any',
                    destination: ['10.0.0.1'],
                    transport: 'TCP',
                    ports: '443',
                    direction: 'inbound',
                    service: '=cmd|\' /C calc\'!A0',
                    table: 'server',
                    role: 'frontend',
                    firewall: 'internal',
                    catalogueId: 'x',
                    purpose: { en: '-2+3', ja: '@x, "y"' },
                },
            ],
            ipsec: [],
        };
        const [, row] = parseCsv(renderCsv(rules, { sourceFile: 't.sfbtopo' })[0].content.slice(1));
        expect(row[7]).toBe("'=cmd|' /C calc'!A0");
        expect(row[9]).toBe("'-2+3");
        expect(row[11]).toBe('\'@x, "y"');
    });
});
