// Golden files: test/export/golden/<example>/ipsec-exceptions.cmd is the expected export of
// examples/<example>.sfbtopo, byte for byte. After an intended change to the output,
// regenerate with `UPDATE_GOLDEN=1 npx vitest run test/export` and review the diff.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchRemark, NETSH_FORBIDDEN, netshEndpoints, netshName, netshPorts, netshQuote, netshText } from '../../server/src/export/quoting/netsh.js';
import { renderIpsecNetsh } from '../../server/src/export/renderers/ipsec-netsh.js';
import { repoRoot } from '../helpers.js';
import { ruleSetOf, expectGolden } from './golden.js';

const examples = readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.sfbtopo')).sort();


const NAME = '"sfbtopo [A-Za-z][A-Za-z0-9_-]* [A-Za-z0-9_./-]+"';
const ENDPOINTS = '(any|[0-9./]+(,[0-9./]+)*)';
const SHAPES: Array<[string, RegExp]> = [
    ['echo off', /^@echo off$/],
    ['comment', /^REM [ -~]+$/],
    ['blank', /^$/],
    ['delete', new RegExp(`^netsh advfirewall consec delete rule name=${NAME} >nul 2>&1$`)],
    [
        'add',
        new RegExp(
            `^netsh advfirewall consec add rule name=${NAME} description="[ -~]+" endpoint1=${ENDPOINTS} endpoint2=${ENDPOINTS} protocol=(tcp|udp)( port1=\\d+(-\\d+)?)?( port2=\\d+(-\\d+)?)? action=noauthentication$`,
        ),
    ],
    ['check', /^if errorlevel 1 goto failed$/],
    ['echo', /^echo sfbtopo: [ -~]+$/],
    ['exit', /^exit \/b [01]$/],
    ['label', /^:failed$/],
];

describe.each(examples)('ipsec-netsh export of %s', (example) => {
    it('matches its golden file', async () => {
        const files = renderIpsecNetsh(await ruleSetOf(example), { sourceFile: example });
        expect(files.map((file) => file.name)).toEqual(['ipsec-exceptions.cmd']);
        expectGolden(example, 'ipsec-exceptions.cmd', files[0].content);
    });

    it('has only the expected line shapes, CRLF, no %, and a delete and an add per exception', async () => {
        const rules = await ruleSetOf(example);
        const content = renderIpsecNetsh(rules, { sourceFile: example })[0].content;
        expect(content.endsWith('\r\n')).toBe(true);
        expect(content.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
        expect(content).not.toContain('%');
        expect(content).not.toContain('!');
        const lines = content.slice(0, -2).split('\r\n');
        const shapes = lines.map((line) => SHAPES.find(([, shape]) => shape.test(line))?.[0] ?? `UNEXPECTED: ${line}`);
        expect(shapes.filter((shape) => shape.startsWith('UNEXPECTED'))).toEqual([]);
        expect(lines[0]).toBe('@echo off');
        expect(shapes.filter((shape) => shape === 'delete')).toHaveLength(rules.ipsec.length);
        expect(shapes.filter((shape) => shape === 'add')).toHaveLength(rules.ipsec.length);
        expect(shapes.lastIndexOf('delete')).toBeLessThan(shapes.indexOf('add'));
        const adds = lines.filter((line) => line.startsWith('netsh advfirewall consec add'));
        for (const [index, rule] of rules.ipsec.entries()) {
            expect(adds[index]).toContain(`name="sfbtopo ${rules.topology} ${rule.id}"`);
            expect(adds[index]).toContain(` protocol=${rule.transport.toLowerCase()} `);
            expect(adds[index]).toContain(` endpoint1=${rule.source === 'any' ? 'any' : rule.source.join(',')} `);
            expect(adds[index]).toContain(` endpoint2=${rule.destination === 'any' ? 'any' : rule.destination.join(',')} `);
            if (rule.sourcePorts) expect(adds[index]).toContain(` port1=${rule.sourcePorts} `);
        }
        expect(new Set(adds.map((line) => line.match(/name="[^"]*"/)![0])).size).toBe(adds.length);
    });
});

describe('netsh quoting', () => {
    it('double-quotes a plain value', () => {
        expect(netshQuote('sfbtopo T S/edge-internal/ipsec.edge-internal.inbound/tcp')).toBe('"sfbtopo T S/edge-internal/ipsec.edge-internal.inbound/tcp"');
    });

    it.each([...NETSH_FORBIDDEN, '\t', '\x00', '\x7f'])('rejects a value containing %j', (character) => {
        expect(() => netshQuote(`before${character}after`)).toThrow(/netsh: value .* contains/);
    });

    it('rejects an empty name and the reserved name all', () => {
        expect(() => netshQuote('')).toThrow(/empty or 'all'/);
        expect(() => netshQuote('ALL')).toThrow(/empty or 'all'/);
    });

    it('sanitises free text so that it passes', () => {
        const text = netshText('A "quoted" 100% & <b>|^!\r\n日本 (x/y) + z');
        expect(text).toBe('A quoted 100 b (x/y) + z');
        expect(netshQuote(text)).toBe(`"${text}"`);
    });

    it('makes remarks that cmd.exe cannot expand, continue or break', () => {
        expect(batchRemark('Generated from a%~f0b!x!^&|<>"c.sfbtopo')).toBe('REM Generated from a_~f0b_x_______c.sfbtopo');
        expect(batchRemark('line\r\nbreak 日本^')).toBe('REM line__break ??_');
    });

    it('cuts very long rule names, keeping them unique and stable', () => {
        const long = `sfbtopo ${'T'.repeat(5000)} S/a/row/tcp`;
        const other = `sfbtopo ${'T'.repeat(5000)} S/b/row/tcp`;
        expect(netshName(long)).toHaveLength(255);
        expect(netshName(long)).toBe(netshName(long));
        expect(netshName(long)).not.toBe(netshName(other));
        expect(netshName('sfbtopo T S/a/row/tcp')).toBe('sfbtopo T S/a/row/tcp');
        expect(netshQuote(netshName(long))).toMatch(/^"[^"]+"$/);
    });

    it('checks endpoints and ports', () => {
        expect(netshEndpoints('any')).toBe('any');
        expect(netshEndpoints(['10.0.0.1', '10.0.16.0/20'])).toBe('10.0.0.1,10.0.16.0/20');
        expect(() => netshEndpoints(['10.0.0.1 & calc'])).toThrow(/not an IPv4/);
        expect(() => netshEndpoints([])).toThrow(/empty/);
        expect(netshPorts('51000-51039')).toBe('51000-51039');
        expect(() => netshPorts('1,2')).toThrow(/not a port/);
    });
});
