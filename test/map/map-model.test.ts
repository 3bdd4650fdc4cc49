import { describe, expect, it } from 'vitest';
import { buildMapModel, buildPortMatrix, describeRules, type MapModel } from '../../server/src/map/map-model.js';
import { comparePorts, portFamily, portLabelLines } from '../../server/src/map/port-families.js';
import { EXAMPLES, loadExample, loadTopology } from './map-helpers.js';

const en = (text: { en: string }) => text.en;
const kinds = (model: MapModel) => model.nodes.reduce<Record<string, number>>((count, node) => ({ ...count, [node.kind]: (count[node.kind] ?? 0) + 1 }), {});
const edge = (model: MapModel, id: string) => {
    const found = model.edges.find((e) => e.id === id);
    if (!found) throw new Error(`no edge ${id}; edges: ${model.edges.map((e) => e.id).join(', ')}`);
    return found;
};

describe('the map model of the examples', () => {
    it('contoso: one site, every box, and its flows', async () => {
        const { topology, rules } = await loadExample('contoso');
        const model = buildMapModel(topology, rules);
        expect(model.topology).toBe('Contoso');
        expect(model.sites.map((site) => site.id)).toEqual(['site:Redmond']);
        expect(kinds(model)).toEqual({ internet: 1, pool: 7, 'load-balancer': 2, 'file-share': 1, gateway: 1, 'reverse-proxy': 1, clients: 1, any: 1 });
        expect(model.nodes).toHaveLength(15);
        // The seed's 14 flows, and the Edge's and reverse proxy's: both ways with the Internet,
        // with the Director, from the Front End, to the published pools (one edge per firewall).
        expect(model.edges).toHaveLength(21);
        expect(model.edges.filter((e) => e.kind === 'link').map((e) => e.id)).toEqual([
            'link:load-balancer:Redmond/lbfe->pool:Redmond/fe01',
            'link:load-balancer:Redmond/lbdir->pool:Redmond/dir01',
        ]);

        const fe = model.nodes.find((node) => node.id === 'pool:Redmond/fe01')!;
        expect(fe).toMatchObject({ kind: 'pool', label: 'fe01', detail: 'Front End · 3 servers', role: 'frontend', site: 'Redmond', fqdn: 'fepool01.contoso.com' });
        expect(fe.addresses).toEqual(['10.0.1.11', '10.0.1.12', '10.0.1.13']);
        expect(model.nodes.find((node) => node.kind === 'load-balancer')).toMatchObject({ label: 'lbfe', detail: 'Load balancer · 10.0.1.100' });
        expect(model.nodes.find((node) => node.kind === 'clients')).toMatchObject({ label: 'Clients', detail: '10.20.0.0/16' });
    });

    it('labels edges by port family, one line per family', async () => {
        const { topology, rules } = await loadExample('contoso');
        const model = buildMapModel(topology, rules);
        expect(edge(model, 'flow:reverse-proxy:Redmond/rp01->pool:Redmond/fe01').labelLines).toEqual(['HTTPS 4443']);
        expect(edge(model, 'flow:gateway:Redmond/pstn1->pool:Redmond/med01').labelLines).toEqual(['SIP 5067, 5068']);
        expect(edge(model, 'flow:pool:Redmond/med01->gateway:Redmond/pstn1').label).toBe('SIP 5081, 5082');
        expect(edge(model, 'flow:pool:Redmond/fe01->file-share:Redmond/fs01').label).toBe('SMB 445');
        expect(edge(model, 'flow:pool:Redmond/fe01->pool:Redmond/owa01').label).toBe('HTTPS 443');
        // The client subnet's outbound rules: the media ranges merge into one.
        expect(edge(model, 'flow:clients:Redmond->any:Redmond').labelLines).toEqual([
            'SIP 5061',
            'HTTPS 443',
            'DHCP 67-68',
            'STUN 3478',
            'media 50020-50099',
            'file transfer 6891-6901',
        ]);
    });

    it('aggregates the rules between two boxes into one edge, naming them by id', async () => {
        const { topology, rules } = await loadExample('contoso');
        const model = buildMapModel(topology, rules);
        const sip = edge(model, 'flow:gateway:Redmond/pstn1->pool:Redmond/med01');
        expect(sip.rules).toEqual(['Redmond/med01/server.mediation.5067/tcp', 'Redmond/med01/server.mediation.5068/tcp']);
        const ids = new Set(rules.firewall.map((rule) => rule.id));
        for (const e of model.edges) for (const id of e.rules) expect(ids.has(id)).toBe(true);
        // Rules open to any source are left out of the picture; every other firewall rule is on an edge.
        const drawn = new Set(model.edges.flatMap((e) => e.rules));
        // (The external firewall's rules open to any source are drawn from the Internet.)
        const fromInternet = (rule: (typeof rules.firewall)[number]) => rule.firewall === 'perimeter-external';
        for (const rule of rules.firewall) expect(drawn.has(rule.id), rule.id).toBe(rule.source !== 'any' || fromInternet(rule));
        expect(model.anySourceRules).toBe(rules.firewall.filter((rule) => rule.source === 'any' && !fromInternet(rule)).length);
        expect(model.anySourceRules).toBeGreaterThan(0);
    });

    it('branch: a Standard Edition site with its gateway, reverse proxy and clients', async () => {
        const { topology, rules } = await loadExample('branch');
        const model = buildMapModel(topology, rules);
        expect(kinds(model)).toEqual({ internet: 1, pool: 2, 'file-share': 1, gateway: 1, 'reverse-proxy': 1, clients: 1, any: 1 });
        expect(model.edges.map((e) => [e.from, e.to, e.firewall])).toEqual([
            ['reverse-proxy:Lisbon/lis-rp', 'pool:Lisbon/lis-fe', 'internal'],
            ['gateway:Lisbon/lis-sbc', 'pool:Lisbon/lis-fe', 'internal'],
            ['pool:Lisbon/lis-fe', 'gateway:Lisbon/lis-sbc', 'internal'],
            ['pool:Lisbon/lis-fe', 'file-share:Lisbon/lis-fs', 'internal'],
            ['pool:Lisbon/lis-fe', 'pool:Lisbon/lis-edge', 'perimeter-internal'],
            ['clients:Lisbon', 'any:Lisbon', 'internal'],
            ['pool:Lisbon/lis-edge', 'internet:Lisbon', 'perimeter-external'],
            ['internet:Lisbon', 'pool:Lisbon/lis-edge', 'perimeter-external'],
            ['pool:Lisbon/lis-edge', 'pool:Lisbon/lis-fe', 'perimeter-internal'],
            ['reverse-proxy:Lisbon/lis-rp', 'pool:Lisbon/lis-fe', 'perimeter-internal'],
        ]);
        expect(model.nodes.find((node) => node.id === 'pool:Lisbon/lis-fe')?.detail).toBe('Front End · 1 server');
    });

    it('multisite: sites as groups, cross-site replication, reverse proxies drawn from their own site', async () => {
        const { topology, rules } = await loadExample('multisite');
        const model = buildMapModel(topology, rules);
        expect(model.sites.map((site) => site.name)).toEqual(['Osaka', 'Sydney', 'Toronto']);
        expect(model.nodes).toHaveLength(33);
        expect(model.edges).toHaveLength(50);
        for (const node of model.nodes) expect(model.sites.some((site) => site.name === node.site), node.id).toBe(true);
        // The Central Management Store in Osaka replicates to every site's servers.
        expect(edge(model, 'flow:pool:Osaka/osk-fe->pool:Toronto/tor-fe').label).toBe('SMB 445');
        // A site with reverse proxies gets its 4443 edges from them only; a site without, from all.
        const from = (to: string) => model.edges.filter((e) => e.to === to && e.from.startsWith('reverse-proxy:') && e.firewall === 'internal').map((e) => e.from);
        expect(from('pool:Sydney/syd-fe')).toEqual(['reverse-proxy:Sydney/syd-rp']);
        expect(from('pool:Osaka/osk-fe')).toEqual(['reverse-proxy:Osaka/osk-rp']);
        expect(from('pool:Toronto/tor-fe')).toEqual(['reverse-proxy:Osaka/osk-rp', 'reverse-proxy:Sydney/syd-rp']);
        // Publishing through the perimeter follows the same rule.
        const published = (to: string) => model.edges.filter((e) => e.to === to && e.from.startsWith('reverse-proxy:') && e.firewall === 'perimeter-internal').map((e) => e.from);
        expect(published('load-balancer:Sydney/syd-fe-lb')).toEqual(['reverse-proxy:Sydney/syd-rp']);
        expect(published('load-balancer:Toronto/tor-fe-lb')).toEqual(['reverse-proxy:Osaka/osk-rp', 'reverse-proxy:Sydney/syd-rp']);
        // One "Any address" box per site with clients, after that site's boxes.
        expect(model.nodes.filter((node) => node.kind === 'any').map((node) => [node.id, node.site])).toEqual([
            ['any:Osaka', 'Osaka'],
            ['any:Sydney', 'Sydney'],
            ['any:Toronto', 'Toronto'],
        ]);
    });

    it('perimeter: each site\'s Edge pools, their load balancer and reverse proxy in its perimeter zone, beyond it the Internet', async () => {
        const { topology, rules } = await loadExample('perimeter');
        const model = buildMapModel(topology, rules);
        expect(model.sites.map((site) => site.perimeter)).toEqual([
            { id: 'perimeter:Amsterdam', label: 'Perimeter network' },
            { id: 'perimeter:Utrecht', label: 'Perimeter network' },
        ]);
        const zone = (name: string) => model.nodes.filter((node) => node.zone === name).map((node) => node.id);
        expect(zone('perimeter')).toEqual([
            'pool:Amsterdam/ams-edge1',
            'pool:Amsterdam/ams-edge2',
            'reverse-proxy:Amsterdam/ams-rp',
            'pool:Utrecht/utr-edge',
            'load-balancer:Utrecht/utr-edge-lb',
            'reverse-proxy:Utrecht/utr-rp',
        ]);
        expect(zone('internet')).toEqual(['internet:Amsterdam', 'internet:Utrecht']);
        // The hardware load balancer carries the Edge's virtual IPs on both sides; the proxy both its addresses.
        expect(model.nodes.find((node) => node.id === 'load-balancer:Utrecht/utr-edge-lb')?.addresses).toEqual(['10.50.9.100', '192.0.2.100', '192.0.2.101', '192.0.2.102']);
        expect(model.nodes.find((node) => node.id === 'reverse-proxy:Amsterdam/ams-rp')?.addresses).toEqual(['10.30.8.10', '203.0.113.80']);

        // External flows: the Internet to and from each Edge service, to the reverse proxy; with XMPP where the pool has it.
        expect(edge(model, 'flow:internet:Amsterdam->pool:Amsterdam/ams-edge2@perimeter-external').labelLines).toEqual(['SIP 5061', 'HTTPS 443', 'STUN 3478', 'TCP 5269']);
        expect(edge(model, 'flow:internet:Amsterdam->pool:Amsterdam/ams-edge1@perimeter-external').labelLines).toEqual(['HTTPS 443', 'STUN 3478']);
        expect(edge(model, 'flow:pool:Amsterdam/ams-edge1->internet:Amsterdam@perimeter-external').labelLines).toContain('media 50000-59999');
        expect(edge(model, 'flow:internet:Utrecht->reverse-proxy:Utrecht/utr-rp@perimeter-external').labelLines).toEqual(['HTTPS 443', 'HTTP 80']);
        expect(edge(model, 'flow:internet:Utrecht->load-balancer:Utrecht/utr-edge-lb@perimeter-external').labelLines).toEqual(['SIP 5061', 'HTTPS 443', 'STUN 3478']);
        // Internal flows: next hop ↔ Edge, Front End (and the CMS) → Edge, reverse proxy → the published pools.
        expect(edge(model, 'flow:pool:Amsterdam/ams-dir->pool:Amsterdam/ams-edge1@perimeter-internal').label).toBe('SIP 5061');
        expect(edge(model, 'flow:pool:Amsterdam/ams-edge1->pool:Amsterdam/ams-dir@perimeter-internal').label).toBe('SIP 5061');
        expect(edge(model, 'flow:pool:Amsterdam/ams-fe->pool:Amsterdam/ams-edge1@perimeter-internal').labelLines).toEqual(['SIP 5062', 'HTTPS 4443', 'PSOM 8057']);
        expect(edge(model, 'flow:pool:Amsterdam/ams-fe->pool:Utrecht/utr-edge@perimeter-internal').label).toBe('HTTPS 4443');
        expect(edge(model, 'flow:reverse-proxy:Amsterdam/ams-rp->load-balancer:Amsterdam/ams-fe-lb@perimeter-internal').labelLines).toEqual(['HTTPS 4443', 'HTTP 8080']);
        expect(edge(model, 'flow:reverse-proxy:Amsterdam/ams-rp->pool:Amsterdam/ams-owa@perimeter-internal').label).toBe('HTTPS 443');

        // Every edge carries the rules of its one firewall; the external firewall's edges all touch the Internet.
        const byId = new Map(rules.firewall.map((rule) => [rule.id, rule]));
        for (const e of model.edges.filter((flow) => flow.kind === 'flow')) {
            for (const id of e.rules) expect(byId.get(id)?.firewall, `${e.id}: ${id}`).toBe(e.firewall);
            expect(e.from.startsWith('internet:') || e.to.startsWith('internet:'), e.id).toBe(e.firewall === 'perimeter-external');
        }
        expect(model.firewalls.map((entry) => entry.firewall)).toEqual(['perimeter-external', 'perimeter-internal', 'internal']);
        // Utrecht's Edge sends its outbound traffic to the Internet, so only Amsterdam's clients have an "Any address" box.
        expect(model.nodes.filter((node) => node.kind === 'any').map((node) => node.id)).toEqual(['any:Amsterdam']);
    });

    it('names the perimeter and the Internet in Japanese when asked', async () => {
        const { topology, rules } = await loadExample('perimeter');
        const model = buildMapModel(topology, rules, { locale: 'ja' });
        expect(model.sites[0].perimeter?.label).toBe('境界ネットワーク');
        expect(model.nodes.find((node) => node.kind === 'internet')).toMatchObject({ label: 'インターネット', detail: '任意のパブリック アドレス' });
        expect(model.firewalls[0]).toEqual({ firewall: 'perimeter-external', label: 'インターネットと境界ネットワークの間' });
    });

    it('gives every node a declaration position when asked, pointing at its name', async () => {
        const { text, topology, rules, declarations } = await loadExample('contoso');
        const model = buildMapModel(topology, rules, { declarations });
        const lines = text.split('\n');
        for (const node of model.nodes.filter((n) => n.kind !== 'any' && n.kind !== 'internet')) {
            const at = node.declaration;
            expect(at, node.id).toBeDefined();
            const word = node.kind === 'clients' ? 'clients' : node.label;
            expect(lines[at!.line].slice(at!.character, at!.character + word.length), node.id).toBe(word);
        }
        expect(model.sites[0].declaration).toEqual({ line: lines.findIndex((l) => l.startsWith('site Redmond')), character: 5 });
    });

    it('writes its labels in Japanese when asked', async () => {
        const { topology, rules } = await loadExample('contoso');
        const model = buildMapModel(topology, rules, { locale: 'ja' });
        expect(model.nodes.find((node) => node.id === 'pool:Redmond/fe01')?.detail).toBe('フロント エンド · サーバー 3 台');
        expect(model.nodes.find((node) => node.kind === 'any')?.label).toBe('任意のアドレス');
        expect(edge(model, 'flow:clients:Redmond->any:Redmond').labelLines).toContain('メディア 50020-50099');
    });

    it.each(EXAMPLES)('%s: is the same for the same input, and plain JSON', async (name) => {
        const { topology, rules, declarations } = await loadExample(name);
        const one = buildMapModel(topology, rules, { declarations });
        expect(buildMapModel(topology, rules, { declarations })).toEqual(one);
        expect(JSON.parse(JSON.stringify(one))).toEqual(one);
        expect(new Set(one.nodes.map((node) => node.id)).size).toBe(one.nodes.length);
        expect(new Set(one.edges.map((e) => e.id)).size).toBe(one.edges.length);
        const ids = new Set(one.nodes.map((node) => node.id));
        for (const e of one.edges) expect(ids.has(e.from) && ids.has(e.to), e.id).toBe(true);
    });

    it('draws nothing from a topology without flows, and keeps an empty site', async () => {
        const { topology, rules } = await loadTopology('topology T\nsite Empty {\n}\nsite S {\n  gateway g 10.0.0.1\n}\n');
        const model = buildMapModel(topology, rules);
        expect(model.sites.map((site) => site.name)).toEqual(['Empty', 'S']);
        expect(model.nodes.map((node) => node.id)).toEqual(['gateway:S/g']);
        expect(model.edges).toEqual([]);
    });
});

describe('port families', () => {
    const lines = (...ports: Array<[string, 'TCP' | 'UDP']>) => portLabelLines(ports.map(([p, transport]) => ({ ports: p, transport })), en);

    it('name the well-known ports of the product', () => {
        expect(portFamily({ ports: '5061', transport: 'TCP' }).key).toBe('sip');
        expect(portFamily({ ports: '443', transport: 'TCP' }).key).toBe('https');
        expect(portFamily({ ports: '4443', transport: 'TCP' }).key).toBe('https');
        expect(portFamily({ ports: '445', transport: 'TCP' }).key).toBe('smb');
        expect(portFamily({ ports: '1434', transport: 'UDP' }).key).toBe('sql');
        expect(portFamily({ ports: '49152-57500', transport: 'UDP' }).key).toBe('media');
        expect(portFamily({ ports: '881', transport: 'TCP' }).key).toBe('tcp');
        expect(portFamily({ ports: '9999', transport: 'UDP' }).key).toBe('udp');
    });

    it('merge touching ranges but list single ports one by one', () => {
        expect(lines(['49152-57500', 'TCP'], ['57501-65535', 'UDP'], ['49152-57500', 'UDP'])).toEqual(['media 49152-65535']);
        expect(lines(['5068', 'TCP'], ['5067', 'TCP'], ['5067', 'TCP'])).toEqual(['SIP 5067, 5068']);
        expect(lines(['4443', 'TCP'], ['443', 'TCP'], ['881', 'TCP'], ['5061', 'TCP'])).toEqual(['SIP 5061', 'HTTPS 443, 4443', 'TCP 881']);
        expect(lines(['any', 'TCP'])).toEqual(['TCP any']);
    });

    it('sort port columns by number, any last', () => {
        expect(['5061', 'any', '443', '49152-57500', '80', '443-444'].sort(comparePorts)).toEqual(['80', '443', '443-444', '5061', '49152-57500', 'any']);
    });
});

describe('the port matrix', () => {
    it('puts every firewall rule in a cell, rows by receiving box, columns by port', async () => {
        const { topology, rules } = await loadExample('contoso');
        const model = buildMapModel(topology, rules);
        const matrix = buildPortMatrix(topology, rules, model);
        expect([...matrix.columns].sort(comparePorts)).toEqual(matrix.columns);
        const inCells = new Set(matrix.rows.flatMap((row) => row.cells.flatMap((cell) => cell?.rules ?? [])));
        expect([...inCells].sort()).toEqual(rules.firewall.map((rule) => rule.id).sort());
        const cell = (node: string, port: string) => matrix.rows.find((row) => row.node === node)?.cells[matrix.columns.indexOf(port)];
        expect(cell('pool:Redmond/fe01', '5061')?.transport).toBe('TCP');
        expect(cell('pool:Redmond/fe01', '49152-57500')?.transport).toBe('TCP/UDP');
        expect(cell('pool:Redmond/fe01', '1434')?.transport).toBe('UDP');
        expect(cell('pool:Redmond/fe01', '67-68')).toBeNull();
        expect(cell('clients:Redmond', '67-68')?.transport).toBe('UDP');
        expect(cell('load-balancer:Redmond/lbdir', '5061')?.transport).toBe('TCP');
        expect(matrix.rows.map((row) => row.node)).not.toContain('any:Redmond');
        for (const row of matrix.rows) expect(row.cells).toHaveLength(matrix.columns.length);
    });

    it('describes the rules for the side panel in the chosen language', async () => {
        const { rules } = await loadExample('contoso');
        const info = describeRules(rules, 'ja');
        expect(info).toHaveLength(rules.firewall.length);
        const sip = info.find((rule) => rule.id === 'Redmond/med01/server.mediation.5067/tcp')!;
        expect(sip).toMatchObject({ service: 'Mediation service', ports: '5067', transport: 'TCP', source: '10.0.3.200', destination: '10.0.3.11' });
        expect(sip.purpose).toBe(rules.firewall.find((rule) => rule.id === sip.id)!.purpose.ja);
    });
});
