import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, ftruncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// `sfbtopo import` as shipped: the bundle named by package.json's `bin`.
const cli = join(repoRoot, 'out/cli.cjs');
const fixtures = join(repoRoot, 'test/import/fixtures');

function sfbtopo(args: string[]) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-import-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
function tempFile(name: string, content: string | Buffer): string {
    const path = join(scratch, `${++counter}-${name}`);
    writeFileSync(path, content);
    return path;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .*:\d+:\d+/);

describe('sfbtopo import', () => {
    it('documents itself in --help', () => {
        const run = sfbtopo(['import', '--help']);
        expect(run.status).toBe(0);
        for (const words of ['--out <file>', '--hosts <file>', '--resolve', '--locale <locale>', 'Exit status: 0 when written; 2']) expect(run.stdout).toContain(words);
        expect(sfbtopo(['--help']).stdout).toMatch(/\n\s+import \[options\] <file>/);
    });

    it('prints the topology on stdout and the report on stderr', () => {
        const run = sfbtopo(['import', join(fixtures, 'contoso-published.xml')]);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^\/\/ Imported by sfbtopo from contoso-published.xml, a published topology/);
        expect(run.stdout).toContain('topology contoso\n');
        expect(run.stderr).toContain('a published topology (Get-CsTopology -AsXml) in UTF-8');
        expect(run.stderr).toMatch(/contoso-published\.xml:28: address of server fe01b \(fe01b\.contoso\.com\): the XML records 0\.0\.0\.0/);
        expect(run.stderr).toMatch(/not mapped \(4\):\n.*contoso-published\.xml:95: cluster apps01\.contoso\.com/);
    });

    it('writes the report in Japanese with --locale ja, the topology unchanged', () => {
        const english = sfbtopo(['import', join(fixtures, 'contoso-published.xml')]);
        const run = sfbtopo(['import', join(fixtures, 'contoso-published.xml'), '--locale', 'ja']);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(english.stdout);
        expect(run.stderr).toMatch(/contoso-published\.xml:28: サーバー fe01b \(fe01b\.contoso\.com\) のアドレス: XML の記録は 0\.0\.0\.0/);
        expect(run.stderr).toMatch(/対応付けなかったもの \(4\):\n.*contoso-published\.xml:95: クラスター apps01\.contoso\.com/);
    });

    it('writes --out atomically, leaving no temporary file, the same text as on stdout', () => {
        const out = join(scratch, 'written', 'contoso.sfbtopo');
        const run = sfbtopo(['import', join(fixtures, 'contoso.tbxml'), '--out', out]);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(`sfbtopo: wrote ${out}`);
        expect(readdirSync(join(scratch, 'written'))).toEqual(['contoso.sfbtopo']);
        expect(readFileSync(out, 'utf8')).toBe(`${sfbtopo(['import', join(fixtures, 'contoso.tbxml')]).stdout}`);
    });

    const refusals: Array<[string, () => string, RegExp]> = [
        ['text that is not XML', () => tempFile('topology.xml', 'topology Contoso\n'), /topology\.xml:1:1: error: this is not XML/],
        ['truncated XML', () => tempFile('cut.xml', readFileSync(join(fixtures, 'contoso.tbxml'), 'utf8').slice(0, 3000)), /cut\.xml:\d+:\d+: error: .*(unclosed|unexpected end)/i],
        ['a root of neither dialect', () => tempFile('other.xml', '<?xml version="1.0"?>\n<Configuration/>'), /other\.xml:2:1: error: the root element is <Configuration>/],
        ['a missing file', () => join(scratch, 'missing.xml'), /sfbtopo: cannot read .*missing\.xml: no such file/],
    ];

    it.each(refusals)('refuses %s with exit 2 and file:line:col, writing nothing', (_name, make, message) => {
        const out = join(scratch, `refused-${++counter}.sfbtopo`);
        const run = sfbtopo(['import', make(), '--out', out]);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(run.stdout).toBe('');
        expect(existsSync(out)).toBe(false);
        noStackTrace(run.stderr);
    });

    it('refuses in Japanese with --locale ja, at the same place', () => {
        const notXml = tempFile('topology-ja.xml', 'topology Contoso\n');
        const run = sfbtopo(['import', notXml, '--locale', 'ja']);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/topology-ja\.xml:1:1: error: XML ではありません。XML のトポロジは `<` で始まります\nsfbtopo: 何も書き込んでいません/);
        const hosts = tempFile('hosts-ja', 'fe01 10.0.0.2\n');
        const badHosts = sfbtopo(['import', join(fixtures, 'contoso-published.xml'), '--hosts', hosts, '--locale', 'ja']);
        expect(badHosts.status).toBe(2);
        expect(badHosts.stderr).toMatch(/hosts-ja:1:1: error: 'fe01' は IPv4 アドレスではありません/);
        const folder = join(scratch, 'out-folder-ja.sfbtopo');
        mkdirSync(folder);
        const unwritable = sfbtopo(['import', join(fixtures, 'contoso-published.xml'), '--out', folder, '--locale', 'ja']);
        expect(unwritable.status).toBe(2);
        expect(unwritable.stderr).toMatch(/sfbtopo: トポロジを書き込めませんでした: refusing to write .*out-folder-ja\.sfbtopo: it is a folder/);
    });

    it('refuses an entity bomb at its DOCTYPE in well under a second', () => {
        const levels = Array.from({ length: 12 }, (_, i) => `<!ENTITY e${i + 1} "${`&e${i};`.repeat(20)}">`).join('');
        const bomb = tempFile('bomb.xml', `<?xml version="1.0"?>\n<!DOCTYPE Topology [<!ENTITY e0 "ha">${levels}]>\n<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">&e12;</Topology>\n`);
        const run = sfbtopo(['import', bomb]);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/bomb\.xml:2:1: error: document type declarations \(<!DOCTYPE …>\) are refused/);
        // The whole process, Node's start included; the refusal itself takes a millisecond.
        expect(run.ms).toBeLessThan(1000);
    });

    it('refuses a file over the size limit without reading it', () => {
        const big = join(scratch, 'big.xml');
        const fd = openSync(big, 'w');
        ftruncateSync(fd, 65 * 1024 * 1024); // sparse: nothing is written to the disk
        closeSync(fd);
        const run = sfbtopo(['import', big]);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/sfbtopo: .*big\.xml: the file is 65\.0 MB, over the import limit of 64\.0 MB/);
    });

    it('refuses a hosts file with a line that is not ADDRESS NAME…, at its line', () => {
        const hosts = tempFile('hosts', '10.0.1.12 fe01b.contoso.com\nfe01b 10.0.1.12\n');
        const run = sfbtopo(['import', join(fixtures, 'contoso.tbxml'), '--hosts', hosts]);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/hosts:2:1: error: 'fe01b' is not an IPv4 address/);
    });
});

describe('sfbtopo import --resolve', () => {
    it('looks the host names the XML gives no address for up with the system resolver', () => {
        // localhost resolves from /etc/hosts: no network needed.
        const xml = tempFile('local.xml', [
            '<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">',
            '  <Sites><CentralSite SiteId="1"><Name>Lab</Name></CentralSite></Sites>',
            '  <Clusters><Cluster Fqdn="owa.lab.invalid"><ClusterId SiteId="1" Number="1" />',
            '    <Machine Fqdn="localhost"><NetInterface InterfaceSide="Primary" InterfaceNumber="1" IPAddress="0.0.0.0" /></Machine>',
            '  </Cluster></Clusters>',
            '  <Services><Service><ServiceId SiteId="1" RoleName="WacService" Instance="1" /><InstalledOn><ClusterId SiteId="1" Number="1" /></InstalledOn></Service></Services>',
            '</Topology>',
        ].join('\n'));
        expect(sfbtopo(['import', xml]).stdout).toContain('server localhost 0.0.0.0 // localhost');
        const run = sfbtopo(['import', xml, '--resolve']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('server localhost 127.0.0.1 // localhost');
    });
});

describe('the round trip: import, fill in, validate, export', () => {
    it('leaves only the missing facts as errors, and after filling them validates clean and exports', () => {
        // As Windows PowerShell writes it: UTF-16 LE with a byte order mark, CRLF.
        const source = readFileSync(join(fixtures, 'contoso.tbxml'), 'utf8').replace(/\n/g, '\r\n');
        const tbxml = tempFile('contoso.tbxml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]));
        const hosts = tempFile('hosts', [
            '10.0.1.12   fe01b.contoso.com',
            '10.0.9.22   edge01b.contoso.com',
            '10.0.7.11   fs01.contoso.com',
            '10.30.1.11  se01.contoso.com',
            '10.30.3.200 gw-tokyo.contoso.com',
        ].join('\n'));
        const written = join(scratch, 'roundtrip', 'contoso.sfbtopo');
        const imported = sfbtopo(['import', tbxml, '--hosts', hosts, '--out', written]);
        expect(imported.status).toBe(0);
        expect(imported.stderr).toContain('a Topology Builder document (.tbxml) in UTF-16LE');

        const before = sfbtopo(['validate', written]);
        expect(before.status).toBe(1);
        const codes = before.stdout.trim().split('\n').map((line) => /\[([a-z-]+)\]$/.exec(line)?.[1]);
        expect(codes).toEqual([...Array(2).fill('subnet-unknown'), ...Array(3).fill('pool-needs-load-balancing'), ...Array(3).fill('subnet-unknown')]);

        // What the administrator adds: the networks, and each pool's load balancing.
        const edits: Array<[string, string]> = [
            ['subnet Redmond-HQ-servers 0.0.0.0/0', 'subnet Redmond-HQ-servers 10.0.0.0/16'],
            ['subnet Redmond-HQ-clients 0.0.0.0/0', 'subnet Redmond-HQ-clients 10.20.0.0/16'],
            ['subnet Lisbon-clients 0.0.0.0/0', 'subnet Lisbon-clients 10.40.0.0/16'],
            ['subnet Tokyo-servers 0.0.0.0/0', 'subnet Tokyo-servers 10.30.0.0/16'],
            ['subnet Tokyo-clients 0.0.0.0/0', 'subnet Tokyo-clients 10.31.0.0/16'],
            ['    hosts cms\n', '    hosts cms\n    loadbalancing hardware\n'],
            ['    server dir01b 10.0.2.12 // dir01b.contoso.com\n', '    server dir01b 10.0.2.12 // dir01b.contoso.com\n    loadbalancing hardware\n'],
            ['    nexthop dirpool01\n', '    nexthop dirpool01\n    loadbalancing dns\n'],
            ['  officewebapps pool', '  loadbalancer lbfe for fepool01 { vip 10.0.1.100 }\n  loadbalancer lbdir for dirpool01 { vip 10.0.2.100 }\n  officewebapps pool'],
        ];
        let text = readFileSync(written, 'utf8');
        for (const [from, to] of edits) {
            expect(text).toContain(from);
            text = text.replace(from, to);
        }
        writeFileSync(written, text);

        const after = sfbtopo(['validate', written]);
        expect(after.stderr).toContain('0 errors');
        expect(after.status).toBe(0);
        const exported = sfbtopo(['export', written, '--format', 'all', '--out', join(scratch, 'roundtrip', 'rules')]);
        expect(exported.stderr).toMatch(/wrote \d+ files/);
        expect(exported.status).toBe(0);
    });
});
