import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';
import { checkTopologies } from '../../../server/src/workspace/topology-documents.js';

const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);
let n = 0;

/** The hover markdown at the `<|>` marker (the marker is removed before parsing). */
async function hoverAt(marked: string, locale: 'en' | 'ja' = 'en'): Promise<string | undefined> {
    const offset = marked.indexOf('<|>');
    const text = marked.replace('<|>', '');
    const [{ document }] = await checkTopologies([{ path: `/virtual/hover-${n++}.sfbtopo`, text }], sfbtopo);
    sfbtopo.l10n.Locale.current = locale;
    try {
        const hover = await sfbtopo.lsp.HoverProvider!.getHoverContent(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(offset),
        });
        return hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : undefined;
    } finally {
        sfbtopo.l10n.Locale.current = 'en';
    }
}

const topology = (body: string) => `topology T\nsite S {\n  subnet servers 10.0.0.0/16\n${body}\n}\n`;
const fe = (extra = '') => `  frontend pool fe01 {\n    fqdn "fe01.t.example"\n    server fe01a 10.0.1.11\n    server fe01b 10.0.1.12\n    hosts cms\n${extra}  }\n`;

/** Table rows of a markdown hover (header and separator excluded). */
const rows = (markdown: string) => markdown.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| Role') && !line.startsWith('| ---'));

describe('hover on port numbers', () => {
    it('lists every use of 443, across roles and tables', async () => {
        const md = (await hoverAt(topology(`${fe('    loadbalancing dns\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 ports 80, 4<|>43, 4443, 8080 }`)))!;
        expect(md).toContain('**Port 443**');
        const lines = rows(md);
        // Front End web and mobility, Director, Persistent Chat, Office Web Apps, both LB tables, and the three client rows.
        for (const needle of ['Web Compatibility service (`web-https`)', 'Mobility Services component (`mobility-https`)', '| Director |', '| Persistent Chat |', '| Office Web Apps |', 'Hardware load balancer ports (hardware load balancing only)', 'Hardware load balancer ports (pools using DNS load balancing)', '| Clients |']) {
            expect(lines.some((line) => line.includes(needle)), needle).toBe(true);
        }
        expect(lines.length).toBe(12);
    });

    it('shows the rows of a port moved by `port` and of numbers in media ranges', async () => {
        expect(await hoverAt(topology(fe('    port sip-tls 50<|>61\n')))).toContain('**Port 5061**');
        const md = (await hoverAt(topology(`  clients { media audio 5002<|>0-50039 }`)))!;
        expect(md).toContain('**Port 50020**');
        // 50020 lies in the clients' 1024-65535 ranges and in the servers' default media ranges.
        expect(rows(md).map((line) => line.split(' | ')[2])).toEqual(['49152-65535', '49152-57500', '1024-65535', '1024-65535', '1024-65535', '1024-65535']);
    });

    it('gives nothing on numbers inside comments', async () => {
        expect(await hoverAt(topology('  // port 4<|>43 is busy\n'))).toBeUndefined();
    });

    it('speaks Japanese when the client does', async () => {
        const md = (await hoverAt(topology(fe('    port sip-tls 50<|>61\n')), 'ja'))!;
        expect(md).toContain('**ポート 5061**');
        expect(md).toContain('| 役割 | サービス | ポート |');
        expect(md).toContain('フロント エンド');
    });
});

describe('hover on roles and options', () => {
    it('shows the role table on a role keyword', async () => {
        const md = (await hoverAt(topology('  direc<|>tor pool d { server d1 10.0.2.1 }')))!;
        expect(md).toContain('**Director pool (`director`)**');
        const lines = rows(md);
        expect(lines.filter((line) => line.startsWith('| Director |')).map((line) => line.split(' | ')[2])).toEqual(['5060', '444', '80', '443', '5061']);
    });

    it('explains the load balancer ports on `loadbalancing` and on a load balancer', async () => {
        const dns = (await hoverAt(topology(fe('    loadbalancing d<|>ns\n'))))!;
        expect(dns).toContain('DNS cannot balance web traffic');
        expect(rows(dns).map((line) => line.split(' | ')[2])).toEqual(['80', '443', '8080', '4443']);
        const hardware = (await hoverAt(topology(`${fe('    loadbalancing hardware\n    colocate mediation\n')}  loadbal<|>ancer lb for fe01 { vip 10.0.1.100 }`)))!;
        expect(hardware).toContain('plus 5070 because the pool collocates Mediation');
        expect(rows(hardware)).toHaveLength(15);
    });

    it('says what `colocate mediation`, `hosts cms` and `edition` change', async () => {
        expect(rows((await hoverAt(topology(fe('    colo<|>cate mediation\n'))))!).map((line) => line.split(' | ')[2])).toEqual(['5070', '5067', '5068', '5081', '5082', '5070']);
        expect(await hoverAt(topology(`  frontend pool p {\n    server a 10.0.1.1\n    hos<|>ts cms\n  }`))).toContain('Master Replicator');
        expect(await hoverAt(topology(`  frontend pool p {\n    edition stan<|>dard\n    server a 10.0.1.1\n  }`))).toContain('no load balancing and no load balancer');
    });
});

describe('hover on servers and media', () => {
    it('lists the effective inbound rules of a server, with moved ports marked', async () => {
        const md = (await hoverAt(topology(fe('    colocate mediation\n    port sip-tls 5100\n    media audio 50000-50999\n').replace('server fe01a', 'server fe0<|>1a'))))!;
        expect(md).toContain('**Server fe01a (10.0.1.11)**');
        expect(md).toContain('5100 (moved from 5061)');
        expect(md).toContain('50000-50999 (moved from 49152-57500)');
        expect(md).toContain('Mediation service (`mediation`)');
        expect(md).toContain('IPsec exceptions');
    });

    it('documents client media ranges with their size, minimum and cmdlet', async () => {
        const md = (await hoverAt(topology('  clients { med<|>ia video 50040-50059 }')))!;
        expect(md).toContain('20 ports.');
        expect(md).toContain('at least 20 ports');
        expect(md).toContain('Set-CsConferencingConfiguration -ClientMediaPortRangeEnabled $true -ClientVideoPort 50040 -ClientVideoPortRange 20');
    });

    it('documents pool media overrides with the default they replace', async () => {
        const md = (await hoverAt(topology(fe('    media au<|>dio 50000-50999\n'))))!;
        expect(md).toContain('Overrides the catalogue default 49152-57500 (TCP/UDP)');
        expect(md).toContain('Set-CsConferenceServer -Identity "ConferencingServer:fe01.t.example" -AudioPortStart 50000 -AudioPortCount 1000');
    });
});

describe('with Langium\'s test helpers and cursor markers', () => {
    it('hovers 5061 in a load balancer port list', async () => {
        const { expectHover } = await import('langium/test');
        await expectHover(sfbtopo)({
            text: topology(`${fe('    loadbalancing hardware\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 ports 50<|>61 }`),
            index: 0,
            hover: /\*\*Port 5061\*\*[\s\S]*Front-End service \(`sip-tls`\)/,
        });
    });
});
