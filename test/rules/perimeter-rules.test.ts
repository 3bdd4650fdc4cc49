import { describe, expect, it } from 'vitest';
import { PERIMETER_CATALOGUE } from '../../server/src/catalogue/perimeter.js';
import type { PerimeterEntry } from '../../server/src/catalogue/types.js';
import { portText } from '../../server/src/model/effective-ports.js';
import { resolveTopology, type ResolvedPool } from '../../server/src/model/resolved-topology.js';
import { buildRuleSet } from '../../server/src/rules/rule-model.js';
import type { Rule } from '../../server/src/rules/rule.js';
import { check, readRepoFile } from '../helpers.js';

// The perimeter example against the transcribed Edge and reverse proxy tables, row by row:
// every row that applies to a pool's load balancing and options is a rule on the right
// firewall at the right addresses, and no other row is.

const { document, diagnostics } = await check(readRepoFile('examples/perimeter.sfbtopo'));
const topology = resolveTopology(document.parseResult.value);
const rules = buildRuleSet(topology).firewall;
const byId = new Map(rules.map((rule) => [rule.id, rule]));
const transportsOf = (entry: PerimeterEntry) => (entry.transport === 'TCP/UDP' ? ['TCP', 'UDP'] : [entry.transport]);
const edgePools = topology.sites.flatMap((site) => site.pools).filter((pool) => pool.role === 'edge');
const firewallOf = (entry: PerimeterEntry) => (entry.address === 'internal' ? 'perimeter-internal' : 'perimeter-external');

function applies(entry: PerimeterEntry, pool: ResolvedPool): boolean {
    const balancing = pool.loadBalancing === 'hardware' ? 'hardware' : 'dns-or-none';
    if (entry.role !== 'edge' || entry.loadBalancing !== balancing) return false;
    if (entry.condition === 'federation' && !pool.perimeter!.federation) return false;
    if (entry.condition === 'xmpp' && !pool.perimeter!.xmpp) return false;
    return true;
}

/** Where a row's rules are: the pool's servers, or its load balancer's virtual IPs. */
function targetOf(entry: PerimeterEntry, pool: ResolvedPool): string {
    if (entry.at === 'server') return pool.name;
    const lb = topology.sites.flatMap((site) => site.loadBalancers).find((candidate) => candidate.pool === pool.name);
    return lb!.name;
}

/** The Edge's own end of a rule. */
const edgeEnd = (rule: Rule) => (rule.direction === 'inbound' ? rule.destination : rule.source);

describe('the perimeter example, row by row', () => {
    it('validates without errors', () => {
        expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    });

    for (const pool of edgePools) {
        it(`${pool.name}: every Edge row that applies is a rule on its firewall, and no other`, () => {
            for (const entry of PERIMETER_CATALOGUE.filter((row) => row.role === 'edge')) {
                for (const transport of transportsOf(entry)) {
                    const id = `${pool.site}/${applies(entry, pool) ? targetOf(entry, pool) : pool.name}/${entry.id}/${transport.toLowerCase()}`;
                    const rule = byId.get(id);
                    if (!applies(entry, pool)) {
                        expect(rule, `${id} should not exist`).toBeUndefined();
                        continue;
                    }
                    expect(rule, `${id} is missing`).toBeDefined();
                    expect(rule!.firewall, id).toBe(firewallOf(entry));
                    expect(rule!.direction, id).toBe(entry.direction);
                    expect(rule!.transport, id).toBe(transport);
                }
            }
        });
    }

    it('leaves out XMPP without `xmpp` and federation without `federation`', () => {
        const ams1 = rules.filter((rule) => rule.id.startsWith('Amsterdam/ams-edge1/'));
        expect(ams1.some((rule) => rule.service === 'XMPP Proxy service')).toBe(false);
        expect(ams1.some((rule) => rule.ports === '5061' && rule.firewall === 'perimeter-external')).toBe(false);
        const ams2 = rules.filter((rule) => rule.id.startsWith('Amsterdam/ams-edge2/'));
        expect(ams2.filter((rule) => rule.ports === '5269').map((rule) => rule.direction).sort()).toEqual(['inbound']);
        expect(ams2.filter((rule) => rule.ports === '5061' && rule.firewall === 'perimeter-external').map((rule) => rule.direction).sort()).toEqual(['inbound', 'outbound']);
    });

    it('opens each service at its own addresses, the internal side at the internal addresses', () => {
        const pool = edgePools.find((p) => p.name === 'ams-edge2')!;
        const at = (row: string) => edgeEnd(byId.get(`Amsterdam/ams-edge2/${row}/tcp`)!);
        expect(at('edge-external.access.tcp.443.in')).toEqual(pool.servers.map((s) => s.external!.access));
        expect(at('edge-external.webconf.tcp.443.in')).toEqual(pool.servers.map((s) => s.external!.webconf));
        expect(at('edge-external.av.tcp.443.in')).toEqual(pool.servers.map((s) => s.external!.av));
        expect(at('edge-internal.internal.tcp.5061.in')).toEqual(pool.servers.map((s) => s.address));
        // SIP to and from the next hop, the Director pool it names.
        expect(byId.get('Amsterdam/ams-edge2/edge-internal.internal.tcp.5061.in/tcp')!.source).toEqual(['10.30.2.11', '10.30.2.12']);
    });

    it('says which public address the Internet uses for a translated A/V Edge address, on its external rules only', () => {
        const avIn = byId.get('Amsterdam/ams-edge1/edge-external.av.udp.3478.in/udp')!;
        expect(avIn.destination).toEqual(['172.16.100.23']);
        expect(avIn.nat).toEqual([{ address: '172.16.100.23', public: '198.51.100.23' }]);
        expect(byId.get('Amsterdam/ams-edge1/edge-external.access.tcp.443.in/tcp')!.nat).toBeUndefined();
        expect(rules.filter((rule) => rule.nat).every((rule) => rule.firewall === 'perimeter-external')).toBe(true);
    });

    it('puts the hardware-load-balanced pool\'s virtual-IP rows on its load balancer', () => {
        const vipRules = rules.filter((rule) => rule.id.startsWith('Utrecht/utr-edge-lb/'));
        expect(vipRules.length).toBe(PERIMETER_CATALOGUE.filter((row) => row.at === 'vip' && row.condition !== 'xmpp').flatMap(transportsOf).length);
        expect(edgeEnd(byId.get('Utrecht/utr-edge-lb/edge-vip-external.access.tcp.443.in/tcp')!)).toEqual(['192.0.2.100']);
        expect(edgeEnd(byId.get('Utrecht/utr-edge-lb/edge-vip-internal.internal.tcp.5061.in/tcp')!)).toEqual(['10.50.9.100']);
    });

    it('gives the single-address form its own ports, and the Central Management Store 4443 instead of 445', async () => {
        const contoso = buildRuleSet(resolveTopology((await check(readRepoFile('examples/contoso.sfbtopo'))).document.parseResult.value)).firewall;
        const single = (row: string) => contoso.find((rule) => rule.id === `Redmond/edge01/${row}/tcp`)!;
        expect(single('edge-external.access.tcp.443.in').ports).toBe('444');
        expect(single('edge-external.webconf.tcp.443.in').ports).toBe('8057');
        expect(single('edge-external.av.tcp.443.in').ports).toBe('443');
        const toEdge = contoso.filter((rule) => rule.host === 'edge01' && rule.direction === 'inbound' && rule.source !== 'any' && rule.source.includes('10.0.1.11'));
        expect(toEdge.some((rule) => rule.ports === portText(4443, 4443) && rule.firewall === 'perimeter-internal')).toBe(true);
        expect(toEdge.some((rule) => rule.ports === '445')).toBe(false);
    });

    it('publishes each Front End and Director pool of its site through its reverse proxy, at its load balancer', () => {
        const published = (proxy: string) => rules.filter((rule) => rule.id.startsWith(proxy) && rule.ports === '4443');
        expect(published('Amsterdam/ams-rp-').map((rule) => [rule.source, rule.destination, rule.firewall])).toEqual([
            [['10.30.8.10'], ['10.30.1.100'], 'perimeter-internal'],
            [['10.30.8.10'], ['10.30.2.100'], 'perimeter-internal'],
        ]);
        expect(published('Utrecht/utr-rp-').map((rule) => [rule.source, rule.destination, rule.firewall])).toEqual([[['10.50.8.10'], ['10.50.1.100'], 'perimeter-internal']]);
        const listener = rules.filter((rule) => rule.id.startsWith('Amsterdam/ams-rp/'));
        expect(listener.map((rule) => [rule.destination, rule.ports, rule.firewall])).toEqual([
            [['203.0.113.80'], '80', 'perimeter-external'],
            [['203.0.113.80'], '443', 'perimeter-external'],
        ]);
    });
});
