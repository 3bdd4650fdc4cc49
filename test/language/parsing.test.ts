import { describe, expect, it } from 'vitest';
import { isClients, isGateway, isLoadBalancer, isPool, isReverseProxy, isSubnet, isVip, type Pool, type Server } from '../../server/src/language/generated/ast.js';
import { check, diagnose, readRepoFile, site } from '../helpers.js';

async function parse(text: string) {
    const { document } = await check(text);
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors).toEqual([]);
    return document.parseResult.value;
}

function statementsOf(pool: Pool, type: string) {
    return pool.statements.filter((statement) => statement.$type === type);
}

describe('the .sfbtopo grammar', () => {
    it('parses the reference example of the spec with its meaning', async () => {
        const topology = await parse(readRepoFile('examples/contoso.sfbtopo'));
        expect(topology.name).toBe('Contoso');
        expect(topology.sites.map((s) => s.name)).toEqual(['Redmond']);
        const members = topology.sites[0].members;
        const pools = members.filter(isPool);
        expect(pools.map((p) => `${p.role}:${p.name}`)).toEqual([
            'frontend:fe01',
            'director:dir01',
            'mediation:med01',
            'persistentchat:pc01',
            'officewebapps:owa01',
            'edge:edge01',
            'exchangeum:ex01',
        ]);
        const fe = pools[0];
        expect(statementsOf(fe, 'Server').map((s) => [(s as Server).name, (s as Server).address])).toEqual([
            ['fe01a', '10.0.1.11'],
            ['fe01b', '10.0.1.12'],
            ['fe01c', '10.0.1.13'],
        ]);
        expect(statementsOf(fe, 'Edition')).toMatchObject([{ value: 'enterprise' }]);
        expect(statementsOf(fe, 'Colocation')).toMatchObject([{ role: 'mediation' }]);
        expect(statementsOf(fe, 'CmsHosting')).toMatchObject([{ store: 'cms' }]);
        expect(statementsOf(fe, 'LoadBalancing')).toMatchObject([{ mode: 'dns' }]);
        expect(statementsOf(fe, 'Fqdn')).toMatchObject([{ value: 'fepool01.contoso.com' }]);
        expect(statementsOf(pools[1], 'LoadBalancing')).toMatchObject([{ mode: 'hardware' }]);

        const edgeServer = statementsOf(pools[5], 'Server')[0] as Server;
        expect(edgeServer).toMatchObject({ name: 'edge01a', internal: '10.0.9.10', external: '203.0.113.10' });
        expect(edgeServer.address).toBeUndefined();

        expect(members.filter(isSubnet).map((s) => [s.name, s.cidr])).toEqual([
            ['servers', '10.0.0.0/16'],
            ['clients', '10.20.0.0/16'],
        ]);
        expect(members.filter(isGateway).map((g) => [g.name, g.address])).toEqual([['pstn1', '10.0.3.200']]);
        expect(members.filter(isReverseProxy).map((r) => [r.name, r.address])).toEqual([['rp01', '10.1.0.5']]);
        expect(members.filter(isLoadBalancer).map((lb) => [lb.name, lb.pool.$refText, lb.statements.filter(isVip)[0].address])).toEqual([
            ['lbfe', 'fe01', '10.0.1.100'],
            ['lbdir', 'dir01', '10.0.2.100'],
        ]);
        const clients = members.filter(isClients)[0];
        expect(clients.statements.map((s) => (s.$type === 'MediaRange' ? [s.kind, s.range.first, s.range.last] : ['subnet', s.subnet.$refText]))).toEqual([
            ['subnet', 'clients'],
            ['audio', 50020, 50039],
            ['video', 50040, 50059],
            ['appsharing', 50060, 50079],
            ['filetransfer', 50080, 50099],
        ]);
    });

    it('accepts both comment styles anywhere and names with digits, hyphens and underscores', async () => {
        const topology = await parse(`/* head */ topology T // trailing
site s-1 { // site
  /* a
     block */
  edge pool edge_pool-2 { server e-1 internal 10.0.0.1 /* in */ external 192.0.2.1 }
}`);
        expect(topology.sites[0].name).toBe('s-1');
        expect((topology.sites[0].members[0] as Pool).name).toBe('edge_pool-2');
    });

    it('lets keywords serve as names where a name is expected', async () => {
        const topology = await parse(site('subnet clients 10.0.0.0/8\n  gateway media 10.0.0.1\n  clients { subnet clients }'));
        expect(topology.sites[0].members.filter(isSubnet)[0].name).toBe('clients');
    });

    it('parses pool media overrides and single-port ranges', async () => {
        const topology = await parse(site('frontend pool p { media audio 50000-50999 media video 60000 }'));
        const pool = topology.sites[0].members[0] as Pool;
        expect(statementsOf(pool, 'MediaRange')).toMatchObject([
            { kind: 'audio', range: { first: 50000, last: 50999 } },
            { kind: 'video', range: { first: 60000 } },
        ]);
    });

    it('reports a syntax error at the offending token in plain words', async () => {
        const found = await diagnose('topology T\nsite S {\n  frontend pool { }\n}\n');
        expect(found[0]).toMatchObject({ severity: 'error', code: 'parsing-error', line: 3, text: '{' });
        expect(found[0].message).toBe("Expected a name but found '{'.");
    });

    it('reports text after the topology as a syntax error', async () => {
        const found = await diagnose('topology T\nsite S { }\nstray');
        expect(found).toMatchObject([{ code: 'parsing-error', text: 'stray', line: 3 }]);
    });

    it('reports an unknown role keyword at the site level', async () => {
        const found = await diagnose(site('  frontdoor pool p { }'));
        expect(found[0]).toMatchObject({ severity: 'error', code: 'parsing-error', text: 'frontdoor' });
    });
});
