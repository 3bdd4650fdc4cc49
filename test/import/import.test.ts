import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatImportReport } from '../../server/src/import/import-report.js';
import { importTopology, type ImportOptions } from '../../server/src/import/import-topology.js';
import type { ReportItem } from '../../server/src/import/map-topology.js';
import { readHostsFile } from '../../server/src/import/host-addresses.js';
import { readXml } from '../../server/src/import/read-xml.js';
import { diagnose } from '../helpers.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const published = fixture('contoso-published.xml');
const builder = fixture('contoso.tbxml');

/** The import's outcome, its report in English (the Japanese is checked on its own below). */
async function imported(bytes: Uint8Array | string, options: Partial<ImportOptions> = {}) {
    const outcome = await importTopology(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { sourceName: 'test.xml', ...options });
    if (!outcome.ok) throw new Error(`import failed: ${JSON.stringify(outcome.problem)}`);
    const english = (items: ReportItem[]) => items.map(({ text, ...rest }) => ({ ...rest, text: text.en }));
    return { ...outcome, report: { mapped: english(outcome.report.mapped), left: english(outcome.report.left), unmapped: english(outcome.report.unmapped) } };
}

/** Why the import refused the bytes, with the message in both languages. */
async function bilingualProblem(bytes: Uint8Array | string, options: Partial<ImportOptions> = {}) {
    const outcome = await importTopology(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { sourceName: 'test.xml', ...options });
    if (outcome.ok) throw new Error('the import was expected to fail');
    return outcome.problem;
}

/** Why the import refused the bytes, in English. */
async function problem(bytes: Uint8Array | string, options: Partial<ImportOptions> = {}) {
    const found = await bilingualProblem(bytes, options);
    return { ...found, message: found.message.en };
}

/** The body of an imported file, without its opening comment (which names the source and dialect). */
const body = (text: string) => text.split('\n').slice(1).join('\n');

const NS = 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008';

/** A small published topology: one central site, the given clusters and services. */
function publishedXml(clusters: string, services: string, extra = ''): string {
    return [
        `<Topology xmlns="${NS}">`,
        '  <Sites><CentralSite SiteId="1"><Name>Site</Name></CentralSite></Sites>',
        `  <Clusters>${clusters}</Clusters>`,
        extra,
        `  <Services>${services}</Services>`,
        '</Topology>',
    ].join('\n');
}

const machine = (fqdn: string, nics: string) => `<Machine Fqdn="${fqdn}">${nics}</Machine>`;
const primary = (address: string) => `<NetInterface InterfaceSide="Primary" InterfaceNumber="1" IPAddress="${address}" />`;
const cluster = (number: number, fqdn: string, machines: string) => `<Cluster Fqdn="${fqdn}"><ClusterId SiteId="1" Number="${number}" />${machines}</Cluster>`;
const service = (role: string, instance: number, on: number, inner = '') =>
    `<Service><ServiceId SiteId="1" RoleName="${role}" Instance="${instance}" /><InstalledOn><ClusterId SiteId="1" Number="${on}" /></InstalledOn>${inner}</Service>`;
describe('reading topology XML files', () => {
    const text = published.toString('utf8');
    const utf16be = (value: string) => Buffer.from(value, 'utf16le').swap16();
    const encodings: Array<[string, Buffer]> = [
        ['UTF-8 without a byte order mark', Buffer.from(text)],
        ['UTF-8 with a byte order mark and CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))])],
        ['UTF-16 LE with a byte order mark and CRLF (Windows PowerShell Out-File)', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf16le')])],
        ['UTF-16 BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
    ];

    it.each(encodings)('imports %s as it imports plain UTF-8, with the same XML lines in the report', async (_name, bytes) => {
        const expected = await imported(published);
        const outcome = await imported(bytes);
        expect(outcome.text).toBe(expected.text);
        expect(outcome.report).toEqual(expected.report);
    });

    it('names the encoding it read', async () => {
        expect((await imported(encodings[2][1])).encoding).toBe('utf-16le');
        expect((await imported(encodings[3][1])).encoding).toBe('utf-16be');
    });

    it('reads both dialects of the same deployment to the same topology', async () => {
        const fromPublished = await imported(published, { sourceName: 'contoso-published.xml' });
        const fromBuilder = await imported(builder, { sourceName: 'contoso.tbxml' });
        expect(fromPublished.dialect).toBe('published');
        expect(fromBuilder.dialect).toBe('topology-builder');
        expect(body(fromBuilder.text)).toBe(body(fromPublished.text));
        expect(fromPublished.text.split('\n')[0]).toBe('// Imported by sfbtopo from contoso-published.xml, a published topology (Get-CsTopology -AsXml).');
        expect(fromBuilder.text.split('\n')[0]).toBe('// Imported by sfbtopo from contoso.tbxml, a Topology Builder document (.tbxml).');
    });
});

describe('refusing what is not a topology XML, at its place', () => {
    it('refuses text that is not XML', async () => {
        expect(await problem('\n  topology Contoso\nsite A {}\n')).toEqual({ line: 2, column: 3, message: 'this is not XML: an XML topology starts with `<`' });
        expect((await problem('<a/> trailing')).message).toMatch(/text data outside of root node/);
    });

    it('refuses truncated XML at its end', async () => {
        const truncated = published.toString('utf8').slice(0, 2000);
        const found = await problem(truncated);
        expect(found.line).toBe(truncated.split('\n').length);
        expect(found.message).toMatch(/unclosed|unexpected end/i);
    });

    it('refuses a root that is neither dialect, naming both', async () => {
        const found = await problem('<?xml version="1.0"?>\n\n  <Configuration xmlns="urn:x"/>');
        expect(found).toMatchObject({ line: 3, column: 3 });
        expect(found.message).toContain('<TopologyBuilder>');
        expect(found.message).toContain('<Topology>');
    });

    it('refuses a Topology root in another namespace', async () => {
        expect((await problem('<Topology xmlns="urn:other"/>')).message).toMatch(/namespace 'urn:other'/);
        expect((await problem('<Topology/>')).message).toMatch(/namespace '\(none\)'/);
    });

    it('refuses a Topology Builder document without NewTopology/PartialTopology', async () => {
        expect((await problem('<TopologyBuilder xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008"><OldTopology/></TopologyBuilder>')).message).toMatch(/PartialTopology/);
    });

    it('refuses an entity bomb at its DOCTYPE, in well under a second, without expanding anything', async () => {
        const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('\n');
        const bomb = `<?xml version="1.0"?>\n<!DOCTYPE Topology [\n<!ENTITY lol0 "lol">\n${levels}\n]>\n<Topology xmlns="${NS}">&lol10;</Topology>`;
        const started = performance.now();
        const found = await problem(bomb);
        expect(performance.now() - started).toBeLessThan(200);
        expect(found.line).toBe(2);
        expect(found.message).toMatch(/document type declarations/);
    });

    it('refuses an external entity without reading it', async () => {
        const found = await problem(`<!DOCTYPE Topology SYSTEM "file:///etc/passwd">\n<Topology xmlns="${NS}"/>`);
        expect(found.message).toMatch(/document type declarations/);
    });

    it('refuses an undefined entity reference', async () => {
        expect((await problem(`<Topology xmlns="${NS}">&xxe;</Topology>`)).message).toMatch(/undefined entity/);
    });

    it('refuses input over the size limit before parsing it', async () => {
        const found = await problem(published, { maxBytes: 1024 });
        expect(found.line).toBeUndefined();
        expect(found.message).toMatch(/over the import limit of 0\.0 MB|over the import limit/);
    });

    it('words every refusal in Japanese too, at the same place', async () => {
        const refused: Array<[string, Uint8Array | string, Partial<ImportOptions>?]> = [
            ['not XML', 'topology Contoso\n'],
            ['malformed XML', '<a/> trailing'],
            ['a root of neither dialect', '<Configuration/>'],
            ['the wrong namespace', '<Topology xmlns="urn:other"/>'],
            ['no partial topology', '<TopologyBuilder xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008"><OldTopology/></TopologyBuilder>'],
            ['a DOCTYPE', `<!DOCTYPE Topology SYSTEM "file:///etc/passwd">\n<Topology xmlns="${NS}"/>`],
            ['over the size limit', published, { maxBytes: 1024 }],
            ['a NUL byte', Buffer.from([0x3c, 0x61, 0x00, 0x3e])],
            ['invalid UTF-8', Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e])],
            ['no element', '  '],
        ];
        for (const [what, bytes, options] of refused) {
            const { message } = await bilingualProblem(bytes, options);
            expect(message.ja, what).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
            expect(message.ja, what).not.toBe(message.en);
        }
        expect(readHostsFile('fe01 10.0.0.2\n')).toMatchObject({ ok: false, line: 1, message: { ja: "'fe01' は IPv4 アドレスではありません。hosts ファイルの各行は ADDRESS NAME… の形式です" } });
    });

    it('refuses binary content and invalid UTF-8', async () => {
        expect((await problem(Buffer.from([0x3c, 0x61, 0x00, 0x3e]))).message).toMatch(/NUL/);
        expect((await problem(Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0x3c, 0x2f, 0x61, 0x3e]))).message).toMatch(/not valid UTF-8/);
    });

    it('places elements at their opening <', () => {
        const read = readXml(Buffer.from('<a>\n  <b x="1">\n    <c/></b></a>'));
        if (!read.ok) throw new Error('expected XML');
        expect([read.root.line, read.root.column]).toEqual([1, 1]);
        expect([read.root.children[0].line, read.root.children[0].column]).toEqual([2, 3]);
        expect([read.root.children[0].children[0].line, read.root.children[0].children[0].column]).toEqual([3, 5]);
    });
});

describe('the mapping rules', () => {
    it('makes sites of central and branch sites, keeping a changed name in a comment', async () => {
        const { text, report } = await imported(published);
        expect(text).toContain('// The XML calls this site "Redmond HQ".\nsite Redmond-HQ {');
        expect(text).toContain('\nsite Lisbon {');
        expect(text).not.toContain('calls this site "Lisbon"');
        expect(report.mapped).toContainEqual({ line: 15, text: "site Lisbon from branch site 'Lisbon'" });
    });

    it('names the topology after the default SIP domain', async () => {
        expect((await imported(published)).text).toMatch(/^topology contoso$/m);
    });

    it('makes a Front End pool of UserServices and Registrar: enterprise with several servers, hosting the CMS', async () => {
        const { text } = await imported(published);
        expect(text).toContain(
            [
                '  frontend pool fepool01 {',
                '    fqdn "fepool01.contoso.com"',
                '    edition enterprise',
                '    server fe01a 10.0.1.11 // fe01a.contoso.com',
                '    server fe01b 0.0.0.0 // fe01b.contoso.com',
                '    server fe01c 10.0.1.13 // fe01c.contoso.com',
                '    hosts cms',
            ].join('\n'),
        );
    });

    it('makes a Standard Edition pool of a single server with its local store, with collocated Mediation and its gateway', async () => {
        const { text } = await imported(published);
        expect(text).toContain(
            [
                '  frontend pool se01-pool {',
                '    fqdn "se01.contoso.com"',
                '    edition standard',
                '    server se01 0.0.0.0 // se01.contoso.com',
                '    colocate mediation',
                '    gateway gw-tokyo',
                '    port mediation 5170',
                '  }',
            ].join('\n'),
        );
    });

    it('makes a single-server Front End without a local store enterprise', async () => {
        const xml = publishedXml(cluster(1, 'fe.contoso.com', machine('fe1.contoso.com', primary('10.0.0.1'))), service('UserServices', 1, 1) + service('Registrar', 1, 1));
        expect((await imported(xml)).text).toContain('edition enterprise');
    });

    it('makes a director of a Registrar with IsDirector, and an Edge pool with the Director as next hop', async () => {
        const { text } = await imported(published);
        expect(text).toContain('  director pool dirpool01 {\n    fqdn "dirpool01.contoso.com"\n    server dir01a 10.0.2.11');
        expect(text).toContain('  edge pool edgepool01 {\n    fqdn "edgepool01.contoso.com"\n    nexthop dirpool01\n');
    });

    it('writes an Edge server with three external addresses as access, webconf, av, and its translated A/V address as nat', async () => {
        const { text } = await imported(published);
        expect(text).toContain('server edge01a internal 10.0.9.21 access 203.0.113.21 webconf 203.0.113.22 av 203.0.113.23 // edge01a.contoso.com');
        expect(text).toContain('server edge01b internal 0.0.0.0 access 203.0.113.31 webconf 203.0.113.32 av 10.200.0.33 nat 198.51.100.33 // edge01b.contoso.com');
    });

    it('writes an Edge server with one external address in the single form, and a missing public address as a placeholder', async () => {
        const nics = (external: string) =>
            `<NetInterface InterfaceSide="Internal" InterfaceNumber="1" IPAddress="10.0.9.1" /><NetInterface InterfaceSide="External" InterfaceNumber="1" IPAddress="${external}" ConfiguredIPAddress="198.51.100.9" />`;
        const xml = publishedXml(cluster(1, 'edge.contoso.com', machine('e1.contoso.com', nics('10.200.0.9')) + machine('e2.contoso.com', nics('0.0.0.0'))), service('EdgeServer', 1, 1));
        const { text, report } = await imported(xml);
        expect(text).toContain('server e1 internal 10.0.9.1 external 10.200.0.9 nat 198.51.100.9 // e1.contoso.com');
        expect(text).toContain('server e2 internal 10.0.9.1 external 0.0.0.0 nat 198.51.100.9');
        expect(report.left).toContainEqual(expect.objectContaining({ text: 'external address of Edge server e2 (e2.contoso.com)' }));
    });

    it('makes a Mediation pool linked to the gateways it depends on, one of them known only by its address', async () => {
        const { text } = await imported(published);
        expect(text).toContain('  mediation pool med01 {\n    fqdn "med01.contoso.com"\n    server med01a 10.0.3.11 // med01a.contoso.com\n    gateway pstn1\n    gateway gateway-192-0-2-10\n  }');
        expect(text).toContain('  gateway pstn1 10.0.3.200 // pstn1.contoso.com');
        expect(text).toContain('  gateway gateway-192-0-2-10 192.0.2.10 // 192.0.2.10');
        expect(text).toContain('  gateway gw-tokyo 0.0.0.0 // gw-tokyo.contoso.com');
    });

    it('makes Persistent Chat, Office Web Apps and file store pools', async () => {
        const { text } = await imported(published);
        expect(text).toContain('  persistentchat pool pchat01 {\n    fqdn "pchat01.contoso.com"\n    server pc01a 10.0.4.11');
        expect(text).toContain('  officewebapps pool owa01 {\n    fqdn "owa01.contoso.com"\n    server owa01a 10.0.5.11');
        expect(text).toContain('  fileshare fs01-share {\n    fqdn "fs01.contoso.com"\n    server fs01 0.0.0.0 // fs01.contoso.com\n  }');
    });

    it('names SQL stores, monitoring and archiving in comments', async () => {
        const { text } = await imported(published);
        expect(text).toContain('// SQL Server stores (not in the port catalogue): UserStore, CentralMgmtStore, MonitoringStore on sql01.contoso.com\\rtc');
        const xml = publishedXml(cluster(1, 'fe.contoso.com', machine('fe1.contoso.com', primary('10.0.0.1'))), service('UserServices', 1, 1) + service('Registrar', 1, 1) + service('MonitoringServer', 1, 1) + service('ArchivingServer', 1, 1));
        expect((await imported(xml)).text).toContain('// Also runs monitoring, archiving: not in the port catalogue.');
    });

    it('writes ports and media ranges only where they differ from the catalogue', async () => {
        const { text, report } = await imported(published);
        expect(text).toContain('    port web-reverse-proxy 4444\n    media audio 49152-57000\n');
        expect(text).not.toMatch(/port sip-tls|port web-https|media video/);
        expect(report.mapped).toContainEqual({ line: 171, text: "port web-reverse-proxy 4444 of pool fepool01 (the catalogue's is 4443)" });
    });

    it('reports unknown port owners, unknown services and elements of no counterpart, each with its XML line', async () => {
        const { report } = await imported(published);
        expect(report.unmapped).toEqual([
            { line: 95, text: 'cluster apps01.contoso.com (ExternalServer): no pool of the language runs these services' },
            { line: 160, text: 'port 5090 of WinFab (WinFabFederation, Primary): not in the port catalogue for frontend servers' },
            { line: 249, text: 'port 5061 of AccessEdge (SipServer, External): not in the port catalogue for edge servers' },
            { line: 267, text: '<FileStoreService>: not part of the sfbtopo language' },
        ]);
    });

    it('reports a conflicting second value of one service port', async () => {
        const ports = '<Ports><Port Owner="urn:component:Registrar" Usage="WebServer" InterfaceSide="Primary" Port="444" Protocol="Mtls" /><Port Owner="urn:component:IMConf" Usage="WebServer" InterfaceSide="Primary" Port="445" Protocol="Mtls" /></Ports>';
        const xml = publishedXml(cluster(1, 'fe.contoso.com', machine('fe1.contoso.com', primary('10.0.0.1'))), service('UserServices', 1, 1) + service('Registrar', 1, 1, ports));
        const { report } = await imported(xml);
        expect(report.unmapped).toContainEqual(expect.objectContaining({ text: 'port 445 of IMConf (WebServer, Primary): web-internal-https is already 444 in this pool' }));
    });

    it('reports a media range a role has no catalogue range for', async () => {
        const ports = '<Ports><Port Owner="urn:component:MediaComp" Usage="VideoCommunication" InterfaceSide="Primary" Port="50000" Range="100" Protocol="TcpOrUdp" /></Ports>';
        const xml = publishedXml(cluster(1, 'med.contoso.com', machine('m1.contoso.com', primary('10.0.0.1'))), service('MediationServer', 1, 1, ports));
        expect((await imported(xml)).report.unmapped).toContainEqual(expect.objectContaining({ text: expect.stringContaining('the catalogue has no video range for mediation servers') }));
    });

    it('skips and reports what lacks the ids that link it', async () => {
        const xml = publishedXml(`<Cluster Fqdn="x.contoso.com"><Machine Fqdn="x1.contoso.com" /></Cluster>`, `<Service><InstalledOn /></Service>`);
        const { report } = await imported(xml);
        expect(report.unmapped.map((item) => item.text)).toEqual(['<Cluster>: not part of the sfbtopo language', '<Service>: not part of the sfbtopo language']);
    });

    it('keeps names unique and valid, and line breaks out of comments', async () => {
        const xml = publishedXml(
            cluster(1, 'pool.contoso.com', machine('pool.contoso.com', primary('10.0.0.1'))) + cluster(2, '9lives.contoso.com', machine('a.b.contoso.com', primary('10.0.0.2'))),
            service('WacService', 1, 1) + service('WacService', 2, 2),
        ).replace('<Name>Site</Name>', '<Name>Site\n*/ 1</Name>');
        const { text } = await imported(xml);
        expect(text).toContain('officewebapps pool pool-pool {');
        expect(text).toContain('officewebapps pool pool-9lives {');
        expect(text).toContain('// The XML calls this site "Site * / 1".');
    });
});

describe('facts the XML does not hold', () => {
    it('leaves only placeholders and load balancing as errors, each at its line with what to fill in', async () => {
        const { text } = await imported(published);
        const found = (await diagnose(text)).filter((d) => d.severity === 'error' || d.severity === 'warning');
        const codes = new Set(found.map((d) => d.code));
        expect([...codes].sort()).toEqual(['address-unknown', 'pool-needs-load-balancing', 'subnet-unknown']);
        expect(found.filter((d) => d.code === 'address-unknown').map((d) => d.text)).toEqual(['0.0.0.0', '0.0.0.0', '0.0.0.0', '0.0.0.0', '0.0.0.0']);
        expect(found.filter((d) => d.code === 'subnet-unknown')).toHaveLength(5);
        const fe01b = found.find((d) => d.code === 'address-unknown')!;
        expect(text.split('\n')[fe01b.line - 1]).toContain('server fe01b 0.0.0.0');
        expect(fe01b.message).toContain('nslookup fe01b.contoso.com');
        expect(fe01b.message).toContain('--hosts FILE or --resolve');
        expect(found.filter((d) => d.code === 'pool-needs-load-balancing').map((d) => d.text)).toEqual(['fepool01', 'dirpool01', 'edgepool01']);
    });

    it('fills addresses from a hosts file, case-insensitively', async () => {
        const hosts = readHostsFile('# lab\n10.0.1.12  FE01B.contoso.com fe01b\n::1 localhost\n10.0.7.11 fs01.contoso.com # the file server\n');
        if (!hosts.ok) throw new Error(hosts.message.en);
        const { text, unknownHosts, report } = await imported(published, { hosts: hosts.addresses });
        expect(text).toContain('server fe01b 10.0.1.12 // fe01b.contoso.com');
        expect(text).toContain('server fs01 10.0.7.11');
        expect(unknownHosts.sort()).toEqual(['edge01b.contoso.com', 'gw-tokyo.contoso.com', 'se01.contoso.com']);
        expect(report.mapped).toContainEqual(expect.objectContaining({ text: 'address 10.0.1.12 of server fe01b from the host name fe01b.contoso.com' }));
    });

    it('refuses a hosts file line that does not start with an address', () => {
        expect(readHostsFile('10.0.0.1 a\nfe01 10.0.0.2\n')).toMatchObject({ ok: false, line: 2, message: { en: "'fe01' is not an IPv4 address; a hosts file line is ADDRESS NAME…" } });
        expect(readHostsFile('10.0.0.1\n')).toMatchObject({ ok: false, line: 1 });
    });

    it('asks the resolver only for the host names still unknown, and uses what it finds', async () => {
        const asked: string[][] = [];
        const resolve = async (names: string[]) => {
            asked.push([...names].sort());
            return new Map([['se01.contoso.com', '10.30.1.11']]);
        };
        const { text } = await imported(published, { resolve, hosts: new Map([['fe01b.contoso.com', '10.0.1.12']]) });
        expect(asked).toEqual([['edge01b.contoso.com', 'fs01.contoso.com', 'gw-tokyo.contoso.com', 'se01.contoso.com']]);
        expect(text).toContain('server se01 10.30.1.11');
        expect(text).toContain('server fs01 0.0.0.0');
    });
});

describe('the import report in Japanese', () => {
    it('says every finding in Japanese, with the same XML lines, under Japanese headings', async () => {
        const outcome = await importTopology(published, { sourceName: 'contoso-published.xml' });
        if (!outcome.ok) throw new Error('import failed');
        const items = [...outcome.report.mapped, ...outcome.report.left, ...outcome.report.unmapped];
        expect(items.length).toBeGreaterThan(20);
        for (const { text } of items) {
            expect(text.ja, text.en).not.toBe(text.en);
            expect(text.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        }
        const ja = formatImportReport('contoso-published.xml', outcome, 'ja');
        expect(ja.slice(0, 2)).toEqual([`sfbtopo: contoso-published.xml をインポートしました (公開済みトポロジ (Get-CsTopology -AsXml)、${outcome.encoding.toUpperCase()})`, `対応付けたもの (${outcome.report.mapped.length}):`]);
        expect(ja).toContain(`対応付けなかったもの (${outcome.report.unmapped.length}):`);
        expect(ja).toContain('  contoso-published.xml:95: クラスター apps01.contoso.com (ExternalServer): これらのサービスを実行するプールは言語にありません');
        expect(formatImportReport('contoso-published.xml', outcome, 'en')).toContain('  contoso-published.xml:95: cluster apps01.contoso.com (ExternalServer): no pool of the language runs these services');
    });
});

describe('hostile text in the XML', () => {
    it('never ends a string or a statement of the written topology: FQDNs and addresses that carry quotes and line breaks', async () => {
        const payload = '&quot;&#10;}&#10;gateway evil 6.6.6.6&#10;site x {&#x9b;2J&#x2028;';
        const original = published.toString('utf8');
        const hostile = original.replace(/ (Fqdn|IPAddress|ConfiguredIPAddress)="([^"]*)"/g, ` $1="$2${payload}"`);
        expect(hostile.split(payload).length).toBeGreaterThan(30);
        const outcome = await importTopology(Buffer.from(hostile), { sourceName: 'hostile.xml' });
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
        // Outside comments, nothing of the payload is written.
        const code = outcome.text.split('\n').map((line) => line.replace(/\/\/.*$/, ''));
        expect(code.filter((line) => /evil|6\.6\.6\.6|site x|\u009b/.test(line))).toEqual([]);
        expect(code.filter((line) => /^\s*fqdn /.test(line)).every((line) => line.trim() === 'fqdn ""')).toBe(true);
        // It parses, and each FQDN and address the XML spoilt is an error to fill in at its line.
        const found = await diagnose(outcome.text);
        expect(found.filter((d) => (d.code ?? '').startsWith('lexing') || (d.code ?? '').startsWith('parsing'))).toEqual([]);
        expect(new Set(found.filter((d) => d.severity === 'error').map((d) => d.code))).toEqual(new Set(['invalid-fqdn', 'address-unknown', 'subnet-unknown', 'pool-needs-load-balancing']));
        // The report names them, printable on a terminal.
        const report = formatImportReport('hostile.xml', outcome);
        expect(report.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028]/);
        expect(report).toContainEqual(expect.stringMatching(/^ {2}hostile\.xml:\d+: FQDN of fepool01: the XML's "fepool01\.contoso\.com\\"\\n}\\ngateway evil/));
    });
});
