import { describe, expect, it } from 'vitest';
import { loadBalancerEntries } from '../../server/src/catalogue/queries.js';
import { SKYPE_SERVER_ROLES } from '../../server/src/catalogue/roles.js';
import { effectivePorts, portText } from '../../server/src/model/effective-ports.js';
import { resolveTopology, type ResolvedTopology } from '../../server/src/model/resolved-topology.js';
import { DESTINATION_PEERS } from '../../server/src/rules/flows.js';
import { buildRuleSet } from '../../server/src/rules/rule-model.js';
import type { Rule } from '../../server/src/rules/rule.js';
import { check, problemsOf, readRepoFile } from '../helpers.js';

async function resolved(example: string): Promise<ResolvedTopology> {
    const { document, diagnostics } = await check(readRepoFile(`examples/${example}`));
    expect(problemsOf(diagnostics)).toEqual([]);
    return resolveTopology(document.parseResult.value);
}

const transportsOf = (transport: string) => (transport === 'TCP/UDP' ? ['TCP', 'UDP'] : [transport]);
const covers = (rule: Rule, addresses: string[]) => rule.destination !== 'any' && addresses.every((a) => rule.destination.includes(a));

describe('the rule model on the multi-site example', async () => {
    const topology = await resolved('multisite.sfbtopo');
    const rules = buildRuleSet(topology);
    const pools = topology.sites.flatMap((site) => site.pools);

    it('gives every server of every pool each port of its role, row by row, with the pool\'s moves applied', () => {
        for (const pool of pools) {
            const servers = pool.servers.map((s) => s.address);
            for (const port of effectivePorts(pool.context, pool.moves)) {
                if (DESTINATION_PEERS[port.entry.id]) continue; // sent by this pool, received elsewhere
                for (const transport of transportsOf(port.entry.transport)) {
                    const found = rules.firewall.find(
                        (rule) => rule.host === pool.name && rule.transport === transport && rule.ports === portText(port.from, port.to) && covers(rule, servers),
                    );
                    expect(found, `${pool.name} ${port.entry.id} ${transport}`).toBeDefined();
                    expect(found!.direction).toBe('inbound');
                }
            }
        }
    });

    it('applies a pool\'s media override instead of the catalogue default', () => {
        const audio = rules.firewall.filter((rule) => rule.host === 'osk-med' && rule.catalogueId === 'server.internal-servers.49152-57500');
        expect(audio.map((rule) => [rule.transport, rule.ports])).toEqual([['TCP', '50000-50999'], ['UDP', '50000-50999']]);
    });

    it('opens exactly its table\'s ports on each load balancer VIP', () => {
        for (const site of topology.sites) {
            for (const lb of site.loadBalancers) {
                const pool = pools.find((p) => p.name === lb.pool)!;
                const expected = loadBalancerEntries(pool.role, pool.loadBalancing!, pool.context.colocatedMediation)
                    .map((entry) => `${entry.transport}/${entry.from}`)
                    .sort();
                // The seed's load-balancer tables, on the internal network; the reverse proxies' publishing rules are the perimeter's.
                const actual = rules.firewall
                    .filter((rule) => rule.firewall === 'internal' && rule.destination !== 'any' && rule.destination.includes(lb.vip))
                    .map((rule) => `${rule.transport}/${rule.ports}`)
                    .sort();
                expect(actual, lb.name).toEqual([...new Set(expected)]);
            }
        }
    });

    it('uses concrete endpoints for the flows the seed describes', () => {
        const byCatalogue = (id: string) => rules.firewall.filter((rule) => rule.catalogueId === id);
        const serversOf = (name: string) => pools.find((p) => p.name === name)!.servers.map((s) => s.address);
        // Front End servers to the file share of their site on 445.
        const smb = byCatalogue('server.frontend.445');
        expect(smb.map((rule) => rule.host).sort()).toEqual(['osk-fs', 'syd-fs', 'tor-fs']);
        expect(smb.find((rule) => rule.host === 'syd-fs')!.source).toEqual(serversOf('syd-fe'));
        // The CMS pool's Master Replicator to every other internal Skype for Business server on
        // SMB 445, and to the Edge servers' internal side on HTTPS 4443 instead (Edge documentation).
        const cmsPool = pools.find((p) => p.context.hostsCms)!;
        const pushes = byCatalogue('server.frontend.cms.445');
        const replicas = pools.filter((p) => p !== cmsPool && SKYPE_SERVER_ROLES.has(p.role));
        expect(pushes.map((rule) => rule.host).sort()).toEqual(replicas.filter((p) => p.role !== 'edge').map((p) => p.name).sort());
        expect(pushes.every((rule) => JSON.stringify(rule.source) === JSON.stringify(serversOf(cmsPool.name)))).toBe(true);
        const toEdges = byCatalogue('edge-internal.internal.tcp.4443.in');
        expect(toEdges.map((rule) => [rule.host, rule.destination, rule.transport, rule.ports, rule.table, rule.role])).toEqual([
            ['osk-edge', serversOf('osk-edge'), 'TCP', '4443', 'edge-internal', 'edge'],
            ['syd-edge', serversOf('syd-edge'), 'TCP', '4443', 'edge-internal', 'edge'],
        ]);
        expect(toEdges.every((rule) => JSON.stringify(rule.source) === JSON.stringify(serversOf(cmsPool.name)))).toBe(true);
        expect(rules.firewall.filter((rule) => rule.host?.endsWith('-edge') && rule.ports === '445')).toEqual([]);
        // Mediation, standalone or collocated, to its gateways on 5081/5082, and back on 5067/5068.
        const toGateway = rules.firewall.filter((rule) => rule.ports === '5081' || rule.ports === '5082');
        expect(toGateway.map((rule) => `${JSON.stringify(rule.source)}>${JSON.stringify(rule.destination)}:${rule.ports}`).sort()).toEqual(
            [
                `${JSON.stringify(serversOf('osk-med'))}>["10.10.3.250"]:5081`,
                `${JSON.stringify(serversOf('osk-med'))}>["10.10.3.250"]:5082`,
                `${JSON.stringify(serversOf('syd-med'))}>["10.20.3.250"]:5081`,
                `${JSON.stringify(serversOf('syd-med'))}>["10.20.3.250"]:5082`,
                `${JSON.stringify(serversOf('tor-fe'))}>["10.30.1.250"]:5081`,
                `${JSON.stringify(serversOf('tor-fe'))}>["10.30.1.250"]:5082`,
            ].sort(),
        );
        expect(rules.firewall.filter((rule) => rule.host === 'osk-med' && (rule.ports === '5067' || rule.ports === '5068')).map((rule) => rule.source)).toEqual([
            ['10.10.3.250'],
            ['10.10.3.250'],
        ]);
        // The reverse proxies to the Front End servers and load balancers on 4443 (the other 4443
        // rules are the CMS's replication to the Edge servers, above): a site's own proxies, and
        // every proxy for a site without one (Toronto).
        const proxiesOf = (site: string) => topology.sites.filter((s) => s.name === site || site === 'Toronto').flatMap((s) => s.reverseProxies.map((p) => p.address)).sort();
        const fromProxies = rules.firewall.filter((rule) => rule.ports === '4443' && rule.firewall === 'internal' && !toEdges.includes(rule));
        expect(new Set(fromProxies.map((rule) => rule.site))).toEqual(new Set(['Osaka', 'Sydney', 'Toronto']));
        for (const rule of fromProxies) expect(rule.source === 'any' ? [] : [...rule.source].sort(), rule.id).toEqual(proxiesOf(rule.site));
        expect(proxiesOf('Toronto')).toHaveLength(2);
        // Front End servers to Office Web Apps on 443.
        const owa = byCatalogue('server.officewebapps.443');
        expect(owa).toHaveLength(1);
        expect(owa[0].source).toEqual(pools.filter((p) => p.role === 'frontend').flatMap((p) => p.servers.map((s) => s.address)));
    });

    it('gives clients their rows from the site\'s client subnet, with the configured media ranges', () => {
        const osaka = rules.firewall.filter((rule) => rule.site === 'Osaka' && rule.table === 'client');
        expect(osaka.every((rule) => JSON.stringify(rule.source) === '["10.10.64.0/18"]' && rule.destination === 'any' && rule.direction === 'outbound')).toBe(true);
        expect(osaka.filter((rule) => rule.catalogueId.endsWith('-audio')).map((rule) => rule.ports)).toEqual(['51000-51039', '51000-51039']);
    });

    it('has unique ids and is deterministic', () => {
        const ids = [...rules.firewall, ...rules.ipsec].map((rule) => rule.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(buildRuleSet(topology)).toEqual(rules);
    });
});

describe('IPsec exceptions on the reference example', async () => {
    const rules = buildRuleSet(await resolved('contoso.sfbtopo'));

    it('instantiates all 15 rules of the seed, each without authentication and split by transport', () => {
        expect(new Set(rules.ipsec.map((rule) => rule.catalogueId)).size).toBe(15);
        expect(rules.ipsec.every((rule) => rule.table === 'ipsec' && rule.ports === 'any')).toBe(true);
    });

    it('places the servers of each exception on the right side', () => {
        const byId = (id: string) => rules.ipsec.filter((rule) => rule.catalogueId === id);
        expect(byId('ipsec.edge-external.inbound').map((r) => [r.source, r.destination, r.transport])).toEqual([
            ['any', ['203.0.113.10'], 'TCP'],
            ['any', ['203.0.113.10'], 'UDP'],
        ]);
        expect(byId('ipsec.edge-internal.outbound')[0]).toMatchObject({ source: ['10.0.9.10'], destination: 'any', direction: 'outbound' });
        // Mediation: the standalone pool and the Front End pool that collocates it.
        expect(byId('ipsec.mediation.inbound')[0].destination).toEqual(['10.0.1.11', '10.0.1.12', '10.0.1.13', '10.0.3.11']);
        expect(byId('ipsec.exchangeum.outbound')[0].source).toEqual(['10.0.6.11']);
        expect(byId('ipsec.appsharing.inbound').map((r) => r.transport)).toEqual(['TCP']);
    });

    it('gives the client exception the client media ranges as source ports', () => {
        expect(rules.ipsec.filter((rule) => rule.catalogueId === 'ipsec.client.any').map((r) => [r.source, r.sourcePorts, r.transport])).toEqual([
            [['10.20.0.0/16'], '50020-50039', 'UDP'],
            [['10.20.0.0/16'], '50040-50059', 'UDP'],
        ]);
    });

    it('leaves out an exception whose servers the topology lacks', async () => {
        const { document } = await check('topology T\nsite S {\n  frontend pool p { server a 10.0.0.1 edition standard hosts cms }\n}\n');
        const set = buildRuleSet(resolveTopology(document.parseResult.value));
        expect(set.ipsec.some((rule) => rule.catalogueId.startsWith('ipsec.edge'))).toBe(false);
        expect(set.ipsec.some((rule) => rule.catalogueId === 'ipsec.av-conferencing.inbound')).toBe(true);
    });
});

describe('the Central Management Store and the Edge', () => {
    const edgeTopology = (loadBalancing: string) =>
        [
            'topology T',
            'site S {',
            '  frontend pool fe { fqdn "fe.example.com" edition standard hosts cms server fe1 10.0.1.11 }',
            '  director pool dir { fqdn "dir.example.com" server d1 10.0.2.11 }',
            `  edge pool edge { fqdn "edge.example.com" ${loadBalancing} server e1 internal 10.0.9.10 external 203.0.113.10 server e2 internal 10.0.9.11 external 203.0.113.11 }`,
            // A hardware-load-balanced Edge pool has a load balancer with both sides.
            ...(loadBalancing === 'loadbalancing hardware' ? ['  loadbalancer edge-lb for edge { vip internal 10.0.9.100 vip external 203.0.113.100 }'] : []),
            '}',
        ].join('\n');
    const replication = async (loadBalancing: string) => {
        const { document, diagnostics } = await check(edgeTopology(loadBalancing));
        expect(problemsOf(diagnostics)).toEqual([]);
        const fromCms = (rule: Rule) => rule.source !== 'any' && rule.source.includes('10.0.1.11');
        return buildRuleSet(resolveTopology(document.parseResult.value)).firewall.filter((rule) => fromCms(rule) && ['server.frontend.cms.445', 'edge-internal.internal.tcp.4443.in', 'edge-hlb-internal.internal.tcp.4443.in'].includes(rule.catalogueId));
    };
    const summary = (rules: Rule[]) => rules.map((rule) => `${rule.id} ${JSON.stringify(rule.destination)} ${rule.transport} ${rule.ports}`);

    it('replicates to the Edge servers\' internal side on 4443 and to the other servers on 445', async () => {
        expect(summary(await replication('loadbalancing dns'))).toEqual([
            'S/dir/server.frontend.cms.445/tcp ["10.0.2.11"] TCP 445',
            'S/edge/edge-internal.internal.tcp.4443.in/tcp ["10.0.9.10","10.0.9.11"] TCP 4443',
        ]);
    });

    it('takes the row of the per-server table for hardware load balancing', async () => {
        expect(summary(await replication('loadbalancing hardware'))).toEqual([
            'S/dir/server.frontend.cms.445/tcp ["10.0.2.11"] TCP 445',
            'S/edge/edge-hlb-internal.internal.tcp.4443.in/tcp ["10.0.9.10","10.0.9.11"] TCP 4443',
        ]);
    });
});
