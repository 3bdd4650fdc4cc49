import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// The command line is tested as shipped: the esbuild bundle named by package.json's `bin`.
const cli = join(repoRoot, 'out/cli.cjs');

function sfbtopo(args: string[], cwd = repoRoot) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 15_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tempFile(name: string, content: string | Buffer): string {
    const path = join(scratch, name);
    writeFileSync(path, content);
    return path;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .*:\d+:\d+/);

describe('text encodings of topology files', () => {
    // An error after a non-ASCII comment, so that a wrong decoding would move its column.
    const lines = ['topology T', '// Tōkyō の拠点', 'site S {', '  gateway g 10.0.0.300', '}', ''];
    const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
    const files: Array<[string, Buffer]> = [
        ['UTF-8 with CRLF', Buffer.from(lines.join('\r\n'))],
        ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\n'))])],
        // What Windows PowerShell 5.1's Out-File and `>` write: UTF-16 LE with its mark, CRLF.
        ['UTF-16 LE with a byte order mark and CRLF', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')])],
        ['UTF-16 BE with a byte order mark and CRLF', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(lines.join('\r\n'))])],
    ];

    it.each(files)('finds in %s what it finds in plain UTF-8, at the same place', (name, bytes) => {
        const findings = (json: string) => (JSON.parse(json) as Array<Record<string, unknown>>).map(({ file: _file, ...finding }) => finding);
        const plain = sfbtopo(['validate', '--format', 'json', tempFile('plain.sfbtopo', lines.join('\n'))]);
        expect(findings(plain.stdout)).toEqual([expect.objectContaining({ line: 4, column: 13, code: 'invalid-address' })]);
        const run = sfbtopo(['validate', '--format', 'json', tempFile(`${name.replace(/\W+/g, '-')}.sfbtopo`, bytes)]);
        expect(findings(run.stdout)).toEqual(findings(plain.stdout));
        expect(run.status).toBe(1);
        noStackTrace(run.stderr);
    });
});

describe('sfbtopo validate', () => {
    it('exits 0 with information lines only for the bundled examples', () => {
        const run = sfbtopo(['validate', 'examples/contoso.sfbtopo', 'examples/branch.sfbtopo', 'examples/multisite.sfbtopo']);
        // Each Edge pool without `nexthop` and each reverse proxy without `external` says what was assumed.
        const lines = run.stdout.trimEnd().split('\n');
        // One pair for contoso, one for branch, two for multisite's two sites with a perimeter.
        const pair = ['info implicit-nexthop', 'info reverse-proxy-without-external'];
        expect(lines.map((line) => /: (\w+): .* \[([a-z-]+)\]$/.exec(line)?.slice(1).join(' '))).toEqual([...pair, ...pair, ...pair, ...pair]);
        expect(run.stderr).toContain('checked 3 of 3 file(s): 0 errors, 0 warnings');
        expect(run.status).toBe(0);
    });

    it('prints compiler-style lines and exits 1 when a topology has errors', () => {
        const file = tempFile('bad.sfbtopo', 'topology T\nsite S {\n  gateway g 10.0.0.300\n  loadbalancer l for nowhere { vip 10.0.0.1 }\n}\n');
        const run = sfbtopo(['validate', file]);
        expect(run.stdout.trimEnd().split('\n')).toEqual([
            `${file}:3:13: error: '10.0.0.300' is not an IPv4 address: write four decimal numbers from 0 to 255 separated by dots, such as 10.0.1.11. [invalid-address]`,
            `${file}:4:22: error: No pool named 'nowhere' in this topology: \`for\` names a pool declared in one of the topology's sites. [linking-error]`,
        ]);
        expect(run.stderr).toContain('2 errors, 0 warnings');
        expect(run.status).toBe(1);
    });

    it('exits 0 when there are only warnings, and still prints them', () => {
        const file = tempFile('warn.sfbtopo', 'topology T\nsite S { subnet n 10.0.0.1/16 }\n');
        const run = sfbtopo(['validate', file]);
        expect(run.stdout).toMatch(/:2:19: warning: .* \[subnet-host-bits\]\n$/);
        expect(run.status).toBe(0);
    });

    it('reports syntax errors with their position', () => {
        const file = tempFile('syntax.sfbtopo', 'topology T\nsite S {\n  frontend pool {\n}\n');
        const run = sfbtopo(['validate', file]);
        expect(run.stdout).toContain(`${file}:3:17: error: Expected a name but found '{'. [parsing-error]`);
        expect(run.status).toBe(1);
    });

    it.each([
        ['a missing file', () => '/nonexistent/topology.sfbtopo', 'no such file'],
        ['a directory', () => tmpdir(), 'is a directory'],
        ['an empty file', () => tempFile('empty.sfbtopo', ''), 'is empty'],
        ['a file of blanks', () => tempFile('blank.sfbtopo', ' \n\t\n'), 'is empty'],
        ['a binary file', () => tempFile('binary.sfbtopo', Buffer.from([0x74, 0x6f, 0x00, 0x01, 0xff])), 'is not a text file'],
        ['a file that is not UTF-8', () => tempFile('latin1.sfbtopo', Buffer.from('topology Caf\xe9\n', 'latin1')), 'not valid UTF-8'],
        ['UTF-16 without a byte order mark', () => tempFile('utf16-no-bom.sfbtopo', Buffer.from('topology T\n', 'utf16le')), 'or UTF-16 starting with a byte order mark'],
        ['a UTF-16 byte order mark before an odd byte count', () => tempFile('utf16-odd.sfbtopo', Buffer.from([0xff, 0xfe, 0x74, 0x00, 0x6f])), 'is not valid UTF-16 text'],
    ])('exits 2 with one clear line for %s', (_case, makePath, words) => {
        const run = sfbtopo(['validate', makePath()]);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain(words);
        noStackTrace(run.stderr);
    });

    it('exits 2 for an unreadable file (permissions), unless running as a user who can read anything', () => {
        const file = tempFile('secret.sfbtopo', 'topology T\n');
        chmodSync(file, 0o000);
        const run = sfbtopo(['validate', file]);
        const root = process.getuid?.() === 0;
        // root reads mode-000 files, so the file validates; everyone else must get a clean refusal.
        expect(run.status).toBe(root ? 0 : 2);
        if (!root) expect(run.stderr).toContain('permission denied');
    });

    it('still checks the readable files when some are unreadable, and exits 2', () => {
        const good = join(repoRoot, 'examples/contoso.sfbtopo');
        const run = sfbtopo(['validate', good, '/nonexistent.sfbtopo']);
        expect(run.stderr).toContain('checked 1 of 2 file(s)');
        expect(run.status).toBe(2);
    });

    it('accepts a UTF-8 byte order mark', () => {
        const file = tempFile('bom.sfbtopo', '\uFEFFtopology T\nsite S { }\n');
        expect(sfbtopo(['validate', file]).status).toBe(0);
    });
});

describe('usage', () => {
    it.each([[[]], [['validate']], [['frobnicate']], [['catalogue', '--yaml']], [['lsp']]])('exits 2 for bad usage: %j', (args) => {
        const run = sfbtopo(args);
        expect(run.status).toBe(2);
        noStackTrace(run.stderr);
    });

    it('prints help and the version with exit 0', () => {
        expect(sfbtopo(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('validate') });
        expect(sfbtopo(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    });
});

describe('sfbtopo catalogue', () => {
    const SEED_TABLES = ['server', 'lb-hardware', 'lb-dns', 'client', 'ipsec'];
    const PERIMETER_TABLES = ['edge-external', 'edge-internal', 'edge-hlb-external', 'edge-hlb-internal', 'edge-vip-external', 'edge-vip-internal', 'reverse-proxy'];

    it('prints the catalogue as the JSON array of spec §3, each row with the document it comes from', () => {
        const run = sfbtopo(['catalogue', '--json']);
        expect(run.status).toBe(0);
        const entries = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
        expect(entries).toHaveLength(166);
        for (const entry of entries) {
            expect(Object.keys(entry)).toEqual(expect.arrayContaining(['table', 'role', 'service', 'from', 'to', 'transport', 'protocol', 'purpose', 'document']));
            expect([...SEED_TABLES, ...PERIMETER_TABLES]).toContain(entry.table);
            expect(['TCP', 'UDP', 'TCP/UDP']).toContain(entry.transport);
            expect(entry.purpose).toEqual({ en: expect.any(String), ja: expect.any(String) });
            if (entry.table === 'ipsec') {
                expect(Object.keys(entry)).toEqual(expect.arrayContaining(['direction', 'source', 'destination']));
            }
            if (PERIMETER_TABLES.includes(entry.table as string)) {
                expect(Object.keys(entry)).toEqual(expect.arrayContaining(['direction', 'address', 'peer']));
            }
        }
        expect(entries.find((e) => e.role === 'frontend' && e.from === 5061)).toMatchObject({ transport: 'TCP', protocol: 'TLS' });
        expect(entries.find((e) => e.role === 'officewebapps')).toMatchObject({ from: 443, protocol: null });
        expect(entries.find((e) => e.table === 'edge-internal' && e.from === 4443)).toMatchObject({
            role: 'edge', peer: 'cms', direction: 'inbound', transport: 'TCP', protocol: 'HTTPS',
            document: 'Skype/SfbServer/plan-your-deployment/edge-server-deployments/edge-environmental-requirements.md',
        });
    });

    it('keeps the seed tables as they were, naming the seed as their document', async () => {
        const { CATALOGUE } = await import('../../server/src/catalogue/catalogue.js');
        const entries = JSON.parse(sfbtopo(['catalogue', '--json']).stdout) as Array<Record<string, unknown>>;
        const seed = entries.filter((e) => SEED_TABLES.includes(e.table as string));
        expect(seed.map(({ document, ...rest }) => rest)).toEqual(CATALOGUE.map((e) => ({ ...e, protocol: e.protocol ?? null })));
        expect(new Set(seed.map((e) => e.document))).toEqual(new Set(['seed:000_bfb2592f6b08a9aa']));
        expect(entries.slice(0, seed.length)).toEqual(seed);
    });

    it('prints a readable summary per table', () => {
        const run = sfbtopo(['catalogue']);
        expect(run.status).toBe(0);
        for (const heading of [
            'Server ports by role (53 rows)',
            '(hardware load balancing only) (20 rows)',
            '(pools using DNS load balancing) (6 rows)',
            'Client ports (12 rows)',
            'IPsec exceptions (no authentication) (15 rows)',
            'Edge external interface (one server or DNS load balancing) (14 rows)',
            'Edge internal interface (one server or DNS load balancing) (11 rows)',
            'Edge external interface of each server (hardware load balancing) (9 rows)',
            'Edge internal interface of each server (hardware load balancing) (8 rows)',
            'Edge external virtual IPs (hardware load balancing) (8 rows)',
            'Edge internal virtual IP (hardware load balancing) (5 rows)',
            'Reverse proxy (5 rows)',
        ]) {
            expect(run.stdout).toContain(heading);
        }
        expect(run.stdout).toMatch(/edge +4443 +TCP HTTPS +Central Management Store replication: internal inbound from cms/);
        expect(run.stdout).toContain('166 rows in 12 tables');
    });
});
