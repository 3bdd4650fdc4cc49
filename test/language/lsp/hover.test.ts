import { EmptyFileSystem } from 'langium';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';
import { checkTopologies } from '../../../server/src/workspace/topology-documents.js';
import { repoRoot } from '../../helpers.js';

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

/** Table rows of a markdown hover (headers and separators excluded). */
const rows = (markdown: string) => {
    const lines = markdown.split('\n');
    return lines.filter((line, index) => line.startsWith('| ') && !line.startsWith('| ---') && !lines[index + 1]?.startsWith('| ---'));
};

/** The cells under `header` in every table of a markdown hover, in order. */
const column = (markdown: string, header: string) => {
    const values: string[] = [];
    let index = -1;
    for (const line of markdown.split('\n')) {
        if (!line.startsWith('|')) {
            index = -1;
            continue;
        }
        const cells = line.slice(2, -2).split(' | ');
        if (index < 0) index = cells.indexOf(header);
        else if (!line.startsWith('| ---')) values.push(cells[index]);
    }
    return values;
};

describe('hover on port numbers', () => {
    it('answers for this load balancer first, then says in one line who else uses the port', async () => {
        const md = (await hoverAt(topology(`${fe('    loadbalancing dns\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 ports 80, 4<|>43, 4443, 8080 }`)))!;
        expect(md).toContain('**Port 443 on load balancer lb (pool fe01)**');
        // The seed table and role are said once, above the only row of this load balancer's table.
        expect(md).toContain('*Front End · Hardware load balancer ports (pools using DNS load balancing)*');
        expect(rows(md)).toHaveLength(1);
        expect(md).not.toContain('| Seed table');
        expect(md).toContain('Also used by: Front End, Office Web Apps, Director, Persistent Chat, Front End load balancer, Director load balancer, Clients (11 more catalogue rows).');
    });

    it('answers for the pool\'s servers on a `port` number, and for the site\'s clients in a media range', async () => {
        const moved = (await hoverAt(topology(fe('    port sip-tls 51<|>00\n'))))!;
        expect(moved).toContain('**Port 5100 on the servers of pool fe01**');
        expect(column(moved, 'Port')).toEqual(['5100 (moved from 5061)']);
        const md = (await hoverAt(topology(`  clients { media audio 5002<|>0-50039 }`)))!;
        expect(md).toContain('**Port 50020 on the clients of site S**');
        // The audio range as this block sets it; the kinds it leaves alone still take any port.
        expect(column(md, 'Port')).toEqual(['50020-50039 (moved from 1024-65535)', '1024-65535', '1024-65535', '1024-65535']);
        expect(md).toContain('Also used by: Front End, All internal servers (2 more catalogue rows).');
    });

    it('keeps its size whatever the number of rows that share a port', async () => {
        const md = (await hoverAt(topology(`${fe('    loadbalancing hardware\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 ports 4<|>43 }`)))!;
        expect(md.split('\n').length).toBeLessThanOrEqual(9);
    });

    it('gives nothing on numbers inside comments', async () => {
        expect(await hoverAt(topology('  // port 4<|>43 is busy\n'))).toBeUndefined();
    });

    it('speaks Japanese when the client does', async () => {
        const md = (await hoverAt(topology(`${fe('    loadbalancing dns\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 ports 80, 4<|>43, 4443, 8080 }`), 'ja'))!;
        expect(md).toContain('**ロード バランサー lb (プール fe01) のポート 443**');
        expect(md).toContain('| サービス | ポート |');
        expect(md).toContain('ほかに使うもの: フロント エンド、Office Web Apps、ディレクター、');
    });
});

describe('hover on roles and options', () => {
    it('summarises a role by port family, with a link to every row', async () => {
        const md = (await hoverAt(topology('  fronte<|>nd pool p { server a 10.0.1.1 }')))!;
        expect(md).toContain('**Front End pool (`frontend`)**');
        expect(md).toContain('**Received (36 rows)**\n- SIP 5060, 5061, 5062');
        expect(md).toContain('- HTTPS 443, 444, 4443');
        expect(md).toContain('**Sent (4 rows)**\n- SIP 5081, 5082\n- SMB 445');
        expect(rows(md)).toEqual([]);
        expect(md.split('\n').length).toBeLessThanOrEqual(25);
        const link = /\[Preview rules\]\(command:sfbtopo\.previewRules\?([^)]+)\)/.exec(md);
        expect(link, md).not.toBeNull();
        expect(JSON.parse(decodeURIComponent(link![1]))).toEqual([{ uri: expect.stringMatching(/^file:\/\/\/virtual\/hover-\d+\.sfbtopo$/) }]);
    });

    it('counts a Mediation pool\'s rows towards its gateways as sent, and speaks Japanese', async () => {
        const md = (await hoverAt(topology('  media<|>tion pool m { server m1 10.0.3.1 }')))!;
        expect(md).toContain('**Sent (2 rows)**\n- SIP 5081, 5082');
        const ja = (await hoverAt(topology('  media<|>tion pool m { server m1 10.0.3.1 }'), 'ja'))!;
        expect(ja).toContain('**仲介 プール (`mediation`)**');
        expect(ja).toContain('**送信 (2 行)**');
        expect(ja).toContain('[ルールをプレビュー](command:sfbtopo.previewRules?');
    });

    it('explains the load balancer ports on `loadbalancing` and on a load balancer', async () => {
        const dns = (await hoverAt(topology(fe('    loadbalancing d<|>ns\n'))))!;
        expect(dns).toContain('DNS cannot balance web traffic');
        expect(column(dns, 'Port')).toEqual(['80', '443', '8080', '4443']);
        const hardware = (await hoverAt(topology(`${fe('    loadbalancing hardware\n    colocate mediation\n')}  loadbal<|>ancer lb for fe01 { vip 10.0.1.100 }`)))!;
        expect(hardware).toContain('plus 5070 because the pool collocates Mediation');
        expect(rows(hardware)).toHaveLength(15);
    });

    it('says what `colocate mediation`, `hosts cms` and `edition` change', async () => {
        expect(column((await hoverAt(topology(fe('    colo<|>cate mediation\n'))))!, 'Port')).toEqual(['5070', '5067', '5068', '5081', '5082', '5070']);
        const cms = (await hoverAt(topology(`  frontend pool p {\n    server a 10.0.1.1\n    hos<|>ts cms\n  }`)))!;
        expect(cms).toContain('Master Replicator');
        // SMB 445 to the internal servers, HTTPS 4443 to the Edge Servers' internal side.
        expect(column(cms, 'Port')).toEqual(expect.arrayContaining(['445', '4443']));
        expect(await hoverAt(topology(`  frontend pool p {\n    edition stan<|>dard\n    server a 10.0.1.1\n  }`))).toContain('no load balancing and no load balancer');
    });
});

describe('hover on gateways and clients', () => {
    const gateway = '  gateway pstn1 10.0.3.200\n';

    it('gives a gateway\'s address and the Mediation ports towards it, after the pool\'s moves', async () => {
        const md = (await hoverAt(topology(`${gateway}  mediation pool m {\n    server m1 10.0.3.11\n    port mediation-gateway-tls 5100\n    gateway pst<|>n1\n  }`)))!;
        expect(md).toContain('**PSTN gateway pstn1 (10.0.3.200)**');
        expect(md).toContain('The gateway sends to the servers of pool m:');
        expect(md).toContain('The servers of pool m send to the gateway:');
        expect(column(md, 'Port')).toEqual(['5100 (moved from 5067)', '5068', '5081', '5082']);
    });

    it('gives the collocated Mediation ports on a frontend pool\'s gateway, and says when a pool has none', async () => {
        const md = (await hoverAt(topology(`${gateway}${fe('    colocate mediation\n    gate<|>way pstn1\n')}`)))!;
        expect(column(md, 'Port')).toEqual(['5067', '5068', '5081', '5082']);
        expect(await hoverAt(topology(`${gateway}  director pool d {\n    server d1 10.0.2.1\n    gateway pstn<|>1\n  }`))).toContain('runs no Mediation service');
        expect(await hoverAt(topology('  mediation pool m { server m1 10.0.3.11 gateway nos<|>uch }'))).toContain('No site declares a gateway of this name.');
        const ja = (await hoverAt(topology(`${gateway}  mediation pool m { server m1 10.0.3.11 gateway pst<|>n1 }`), 'ja'))!;
        expect(ja).toContain('**PSTN ゲートウェイ pstn1 (10.0.3.200)**');
        expect(ja).toContain('ゲートウェイからプール m のサーバーへ:');
    });

    it('lists the client rows on `clients`, with the media ranges the block sets', async () => {
        const body = '  subnet users 10.20.0.0/16\n  cli<|>ents {\n    subnet users\n    media audio 50020-50039\n  }';
        const md = (await hoverAt(topology(body)))!;
        expect(md).toContain('**Clients of site S**');
        expect(md).toContain('Client subnets: users (10.20.0.0/16).');
        const audio = rows(md).find((line) => line.includes('Client audio media'))!;
        expect(audio).toContain('50020-50039 (moved from 1024-65535)');
        expect(rows(md).find((line) => line.includes('Client video media'))).toContain('| 1024-65535 |');
        const ja = (await hoverAt(topology(body), 'ja'))!;
        expect(ja).toContain('**サイト S のクライアント**');
        expect(ja).toContain('クライアントのサブネット: users (10.20.0.0/16)。');
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

describe('hover on the perimeter', () => {
    const example = readFileSync(join(repoRoot, 'examples/perimeter.sfbtopo'), 'utf8');
    /** The perimeter example with the cursor `at` characters into the only place `anchor` is written outside comments. */
    const exampleAt = (anchor: string, at = 1) => {
        const start = example.indexOf(`${anchor}`, example.indexOf('topology Fabrikam'));
        expect(example.indexOf(anchor, start + 1), `${anchor} is written once`).toBe(-1);
        return `${example.slice(0, start + at)}<|>${example.slice(start + at)}`;
    };
    /** `From → To port/transport` for each row of a hover's tables. */
    const flows = (markdown: string) => {
        const [from, to, port, transport] = ['From', 'To', 'Port', 'Transport'].map((header) => column(markdown, header));
        return from.map((f, i) => `${f} → ${to[i]} ${port[i]}/${transport[i]}`);
    };

    it('names the next hop on `nexthop` and on its pool, with the 5061 rows both ways between them', async () => {
        for (const marked of [exampleAt('nexthop ams-dir\n    server ams-edge1a'), exampleAt('ams-dir\n    server ams-edge1a', 4)]) {
            const md = (await hoverAt(marked))!;
            expect(md).toContain('**Next hop of Edge pool ams-edge1: director pool ams-dir (site Amsterdam)**');
            expect(md).toContain('*On the perimeter\'s internal firewall, towards the internal network (`perimeter-internal`):*');
            expect(flows(md)).toEqual(['pool ams-dir → pool ams-edge1 5061/TCP', 'pool ams-edge1 → pool ams-dir 5061/TCP']);
            expect(md).toContain('without `nexthop`, an Edge pool hands SIP to its site\'s first Director pool');
        }
        // Behind a hardware load balancer the next hop talks to the internal VIP.
        expect(flows((await hoverAt(exampleAt('nexthop utr-fe', 9)))!)).toEqual(['pool utr-fe → load balancer utr-edge-lb 5061/TCP', 'load balancer utr-edge-lb → pool utr-fe 5061/TCP']);
        const wrong = (await hoverAt(topology(`${fe()}  mediation pool med { server m1 10.0.3.1 }\n  edge pool e {\n    nexthop m<|>ed\n    server e1 internal 10.0.9.1 external 203.0.113.1\n  }`)))!;
        expect(wrong).toContain('An Edge pool hands SIP to a director or frontend pool; med is a mediation pool.');
    });

    it('lists the federation rows on `federation`, and the XMPP rows on both firewalls on `xmpp`', async () => {
        const dns = (await hoverAt(exampleAt('federation\n    xmpp', 3)))!;
        expect(dns).toContain('**SIP federation through Edge pool ams-edge2**');
        expect(flows(dns)).toEqual(['Internet → Access Edge of pool ams-edge2 5061/TCP', 'Access Edge of pool ams-edge2 → Internet 5061/TCP']);
        expect(dns).not.toContain('`xmpp` adds');
        const hardware = (await hoverAt(exampleAt('federation\n    loadbalancing hardware', 3)))!;
        expect(flows(hardware)).toEqual(['Internet → load balancer utr-edge-lb 5061/TCP', 'load balancer utr-edge-lb → Internet 5061/TCP']);
        expect(hardware).toContain('Also: `xmpp` adds XMPP federation');
        const xmpp = (await hoverAt(exampleAt('xmpp\n    loadbalancing dns', 2)))!;
        expect(xmpp).toContain('Skype for Business Server 2015 only');
        expect(flows(xmpp)).toEqual(['Internet → Access Edge of pool ams-edge2 5269/TCP', 'Front End servers → pool ams-edge2 23456/TCP']);
        expect(xmpp.indexOf('(`perimeter-external`)')).toBeLessThan(xmpp.indexOf('(`perimeter-internal`)'));
    });

    it('says which firewall an Edge server\'s internal side faces and lists its rows, without SMB 445', async () => {
        for (const marked of [exampleAt('internal 10.30.9.11'), exampleAt('10.30.9.11 access', 3)]) {
            const md = (await hoverAt(marked))!;
            expect(md).toContain('**Internal side of Edge server ams-edge1a (10.30.9.11)**');
            expect(md).toContain('Faces the perimeter\'s internal firewall, towards the internal network (`perimeter-internal`).');
            expect(flows(md)).toEqual(expect.arrayContaining(['pool ams-fe → pool ams-edge1 4443/TCP', 'pool ams-dir → pool ams-edge1 5061/TCP', 'Front End servers → pool ams-edge1 5062/TCP', 'any → pool ams-edge1 3478/UDP']));
            expect(column(md, 'Port')).not.toContain('445');
            // XMPP is off on this pool: its internal row is named, not listed.
            expect(column(md, 'Port')).not.toContain('23456');
            expect(md).toContain('Also here with `xmpp`, 23456/TCP in.');
        }
    });

    it('lists each Edge service\'s rows at its address, with the NAT the external firewall applies', async () => {
        const access = (await hoverAt(exampleAt('access 203.0.113.21', 8)))!;
        expect(access).toContain('**Access Edge of Edge server ams-edge1a (203.0.113.21)**');
        expect(access).toContain('(`perimeter-external`)');
        expect(flows(access)).toEqual(expect.arrayContaining(['Internet → Access Edge of pool ams-edge1 443/TCP', 'Access Edge of pool ams-edge1 → Internet 53/UDP']));
        expect(access).toContain('Also here with `federation`, 5061/TCP in, 5061/TCP out; with `xmpp`, 5269/TCP in.');
        const av = (await hoverAt(exampleAt('av 172.16.100.23')))!;
        expect(flows(av)).toContain('Internet → A/V Edge of pool ams-edge1 3478/UDP');
        expect(av).toContain('NAT: the external firewall sees 172.16.100.23 as 198.51.100.23, the address the Internet connects to.');
        const nat = (await hoverAt(exampleAt('nat 198.51.100.23', 6)))!;
        expect(nat).toContain('**NAT of Edge server ams-edge1a: 198.51.100.23 stands for the A/V Edge 172.16.100.23**');
        expect(rows(nat)).toHaveLength(rows(av).length);
        expect(await hoverAt(exampleAt('webconf 203.0.113.42'))).toContain('| Internet | Web Conferencing Edge of pool ams-edge2 | 443 | TCP |');
    });

    it('gives each service its own port on a single external address', async () => {
        const md = (await hoverAt(topology(`${fe('    loadbalancing dns\n')}  edge pool e {\n    nexthop fe01\n    server e1 internal 10.0.9.1 exte<|>rnal 203.0.113.1\n  }`)))!;
        expect(md).toContain('**External address of Edge server e1 (203.0.113.1): the Access, Web Conferencing and A/V Edge, each on a port of its own**');
        const inbound = flows(md).filter((flow) => flow.startsWith('Internet'));
        expect(inbound).toEqual(expect.arrayContaining(['Internet → Access Edge of pool e 444/TCP', 'Internet → Web Conferencing Edge of pool e 8057/TCP', 'Internet → A/V Edge of pool e 443/TCP']));
    });

    it('answers on an Edge load balancer\'s VIP sides, and keeps the port table on other load balancers', async () => {
        const internal = (await hoverAt(exampleAt('vip internal 10.50.9.100', 5)))!;
        expect(internal).toContain('**Internal VIP of load balancer utr-edge-lb for Edge pool utr-edge (10.50.9.100)**');
        expect(internal).toContain('(`perimeter-internal`)');
        expect(flows(internal)).toContain('Front End servers → load balancer utr-edge-lb 5062/TCP');
        const av = (await hoverAt(exampleAt('vip av 192.0.2.102', 4)))!;
        expect(flows(av)).toEqual(['Internet → load balancer utr-edge-lb 3478/UDP', 'Internet → load balancer utr-edge-lb 443/TCP']);
        expect(await hoverAt(exampleAt('vip 10.30.1.100', 6))).toContain('**Load balancer ports for pool ams-fe**');
    });

    it('explains an Edge pool\'s load balancing, with the rules at its VIPs under hardware load balancing', async () => {
        const hardware = (await hoverAt(exampleAt('loadbalancing hardware', 16)))!;
        expect(hardware).toContain('**Load balancing of Edge pool utr-edge**');
        expect(hardware).toContain('Every external address is public: no NAT.');
        expect(flows(hardware)).toEqual(expect.arrayContaining(['Internet → load balancer utr-edge-lb 443/TCP', 'pool utr-fe → load balancer utr-edge-lb 5061/TCP']));
        // Each server's own rows are answered on its addresses, not here.
        expect(column(hardware, 'Port')).not.toContain('50000-59999');
        expect(await hoverAt(exampleAt('loadbalancer utr-edge-lb', 14))).toContain('**Load balancing of Edge pool utr-edge**');
        expect(await hoverAt(exampleAt('loadbalancing dns\n    server ams-edge2a', 15))).toContain('Only here may the A/V Edge sit behind NAT');
        const alone = (await hoverAt(topology('  edge pool e {\n    loadbalancing hard<|>ware\n    server e1 internal 10.0.9.1 external 203.0.113.1\n  }')))!;
        expect(alone).toContain('No load balancer names this pool yet: `loadbalancer NAME for e { vip internal ADDRESS vip external ADDRESS }`');
    });

    it('answers on a reverse proxy\'s listener and inside, and on its name with both', async () => {
        const listener = (await hoverAt(exampleAt('external 203.0.113.80', 3)))!;
        expect(listener).toContain('**Internet-facing listener of reverse proxy ams-rp (203.0.113.80)**');
        expect(flows(listener)).toEqual(['Internet → reverse proxy ams-rp 80/TCP', 'Internet → reverse proxy ams-rp 443/TCP']);
        const name = (await hoverAt(exampleAt('ams-rp 10.30.8.10', 2)))!;
        expect(name).toContain('**Inside of reverse proxy ams-rp (10.30.8.10)**');
        expect(name).toContain('**Internet-facing listener of reverse proxy ams-rp (203.0.113.80)**');
        expect(flows(name)).toContain('reverse proxy ams-rp → pool ams-owa 443/TCP');
        // The seed's rows towards the Front End servers are on the internal firewall.
        expect(name).toContain('*On the internal firewall (`internal`):*');
    });

    it('keeps its size when a reverse proxy publishes many pools', async () => {
        const pools = Array.from({ length: 15 }, (_, i) => `  frontend pool fe${i} { server fe${i}a 10.0.${i}.11 }\n`).join('');
        const md = (await hoverAt(topology(`${pools}  reverseproxy r<|>p 10.0.100.10`)))!;
        expect(rows(md).length).toBeLessThanOrEqual(24);
        expect(md).toMatch(/…and \d+ more: \[Preview rules\]\(command:sfbtopo\.previewRules\?/);
    });

    it('speaks Japanese when the client does', async () => {
        const md = (await hoverAt(exampleAt('access 203.0.113.21', 8), 'ja'))!;
        expect(md).toContain('**エッジ サーバー ams-edge1a のアクセス エッジ (203.0.113.21)**');
        expect(md).toContain('境界ネットワークの外部ファイアウォール (インターネット側)に面しています (`perimeter-external`)。');
        expect(md).toContain('| 送信元 | 宛先 | ポート |');
        expect(md).toContain('| インターネット | プール ams-edge1 のアクセス エッジ | 443 | TCP |');
        expect(md).toContain('ほかにここで開くもの: `federation` があれば 5061/TCP 受信、5061/TCP 送信');
        const hop = (await hoverAt(exampleAt('nexthop utr-fe', 9), 'ja'))!;
        expect(hop).toContain('**エッジ プール utr-edge のネクスト ホップ: frontend プール utr-fe (サイト Utrecht)**');
    });

    it('names every address of an Edge server on its name, and where to hover for its rules', async () => {
        const md = (await hoverAt(exampleAt('ams-edge1a internal', 3)))!;
        expect(md).toContain('**Server ams-edge1a (internal 10.30.9.11, access 203.0.113.21, webconf 203.0.113.22, av 172.16.100.23, nat 198.51.100.23)**');
        expect(md).toContain('Also: hover `internal`, an external address or `nat`');
    });

    it('answers on unfinished Edge servers without failing', async () => {
        const md = await hoverAt(topology('  edge pool e {\n    server e1 internal 10.0.9.1 acc<|>ess 203.0.113.1 av\n  }'));
        expect(md).toContain('**Access Edge of Edge server e1 (203.0.113.1)**');
        expect(await hoverAt(topology('  edge pool e {\n    server e1 inter<|>nal\n  }'))).toBeDefined();
        expect(await hoverAt(topology('  edge pool e {\n    nex<|>thop nosuch\n  }'))).toContain('No pool of this name.');
    });
});

describe('with Langium\'s test helpers and cursor markers', () => {
    it('hovers 5061 in a load balancer port list', async () => {
        const { expectHover } = await import('langium/test');
        await expectHover(sfbtopo)({
            text: topology(`${fe('    loadbalancing hardware\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 ports 50<|>61 }`),
            index: 0,
            hover: /\*\*Port 5061 on load balancer lb \(pool fe01\)\*\*[\s\S]*Front End load balancer[\s\S]*Also used by: Front End, Director/,
        });
    });
});
