import { describe, expect, it } from 'vitest';
import { isClients, isLoadBalancer, isPool, type GatewayLink } from '../../server/src/language/generated/ast.js';
import { check, diagnose, diagnoseOnly } from '../helpers.js';
import { checkTopologies } from '../../server/src/workspace/topology-documents.js';

const twoSites = `topology T
site A {
  subnet servers 10.0.0.0/16
  subnet users 10.20.0.0/16
  gateway gw1 10.0.3.200
  frontend pool fe01 { fqdn "fe01.t.example" server fe01a 10.0.1.11 loadbalancing hardware hosts cms }
}
site B {
  mediation pool med01 { fqdn "med01.t.example" server med01a 10.1.3.11 gateway gw1 }
  loadbalancer lb for fe01 { vip 10.0.1.100 }
  clients { subnet users }
}
`;

describe('cross-references', () => {
    it('resolve to pools, gateways and subnets anywhere in the topology, across sites', async () => {
        const { document, diagnostics } = await check(twoSites);
        expect(diagnostics).toEqual([]);
        const [a, b] = document.parseResult.value.sites;
        const lb = b.members.find(isLoadBalancer)!;
        expect(lb.pool.ref).toBe(a.members.find(isPool));
        const med = b.members.find(isPool)!;
        const link = med.statements.find((s) => s.$type === 'GatewayLink') as GatewayLink;
        expect(link.gateway.ref?.name).toBe('gw1');
        expect(link.gateway.ref?.address).toBe('10.0.3.200');
        const clients = b.members.find(isClients)!;
        expect(clients.statements[0].$type === 'ClientSubnet' && clients.statements[0].subnet.ref?.cidr).toBe('10.20.0.0/16');
    });

    it('are errors at the reference when nothing of that kind has the name', async () => {
        const text = twoSites.replace('for fe01', 'for fe02').replace('gateway gw1 }', 'gateway gw9 }').replace('subnet users }', 'subnet people }');
        const found = await diagnoseOnly('linking-error')(text);
        expect(found.map((d) => [d.severity, d.code, d.text, d.line])).toEqual([
            ['error', 'linking-error', 'gw9', 9],
            ['error', 'linking-error', 'fe02', 10],
            ['error', 'linking-error', 'people', 11],
        ]);
        expect(found[1].message).toContain("No pool named 'fe02'");
        expect(found[0].message).toContain("No gateway named 'gw9'");
        expect(found[2].message).toContain("No subnet named 'people'");
    });

    it('only resolve to the right kind of declaration', async () => {
        // `fe01` exists, but as a gateway, not as a pool.
        const found = await diagnose('topology T\nsite A {\n  gateway fe01 10.0.0.1\n  loadbalancer lb for fe01 { vip 10.0.0.2 }\n}\n');
        expect(found.map((d) => [d.code, d.text])).toEqual([['linking-error', 'fe01']]);
    });

    it('never resolve into another topology file', async () => {
        const [, second] = await checkTopologies([
            { path: '/virtual/a.sfbtopo', text: 'topology A\nsite S { frontend pool fe01 { server a 10.0.0.1 } }' },
            { path: '/virtual/b.sfbtopo', text: 'topology B\nsite S { loadbalancer lb for fe01 { vip 10.0.0.2 } }' },
        ]);
        expect(second.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining("No pool named 'fe01'")]);
    });
});
