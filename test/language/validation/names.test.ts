import { describe, expect, it } from 'vitest';
import { diagnoseOnly, site } from '../../helpers.js';

const diagnose = diagnoseOnly('duplicate-name');

const codes = (found: Awaited<ReturnType<typeof diagnose>>) => found.map((d) => [d.severity, d.code, d.text, d.line]);

describe('duplicate names', () => {
    it('accepts distinct names for every kind of declaration', async () => {
        const found = await diagnose(site(`
  subnet net1 10.0.0.0/16
  frontend pool fe01 { server fe01a 10.0.1.11 server fe01b 10.0.1.12 loadbalancing dns }
  fileshare fs01 { server fs01a 10.0.7.11 }
  gateway gw1 10.0.3.200
  reverseproxy rp1 10.1.0.5
  loadbalancer lb1 for fe01 { vip 10.0.1.100 }`));
        expect(found).toEqual([]);
    });

    it.each([
        ['pools', 'frontend pool x { server a 10.0.0.1 }\n  director pool x { server b 10.0.0.2 }', 'director pool'],
        ['servers', 'frontend pool p { server a 10.0.0.1 server a 10.0.0.2 }', 'server'],
        ['subnets', 'subnet n 10.0.0.0/16\n  subnet n 10.1.0.0/16', 'subnet'],
        ['gateways', 'gateway g 10.0.0.1\n  gateway g 10.0.0.2', 'gateway'],
        ['load balancers', 'frontend pool p { server a 10.0.0.1 }\n  loadbalancer l for p { vip 10.0.0.2 }\n  loadbalancer l for p { vip 10.0.0.3 }', 'load balancer'],
        ['a file share and a reverse proxy', 'fileshare f { server a 10.0.0.1 }\n  reverseproxy f 10.0.0.2', 'reverse proxy'],
    ])('reports duplicated %s at the second name', async (_kind, body) => {
        const found = await diagnose(site(`  ${body}`));
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({ severity: 'error', code: 'duplicate-name' });
        // The range covers the repeated name only, on its second occurrence.
        const text = site(`  ${body}`);
        expect(text.indexOf(found[0].text)).toBeLessThan(text.lastIndexOf(found[0].text));
        expect(found[0].message).toMatch(/is already used by the .* at line \d+/);
    });

    it('treats names that differ only in letter case as duplicates, and says so', async () => {
        const found = await diagnose(site('  frontend pool p { server Alpha 10.0.0.1 server alpha 10.0.0.2 }'));
        expect(codes(found)).toEqual([['error', 'duplicate-name', 'alpha', 3]]);
        expect(found[0].message).toContain("('Alpha', which differs only in letter case)");
    });

    it('checks names across sites', async () => {
        const found = await diagnose('topology T\nsite A { gateway g 10.0.0.1 }\nsite B { gateway g 10.0.0.2 }\n');
        expect(codes(found)).toEqual([['error', 'duplicate-name', 'g', 3]]);
        expect(found[0].message).toContain('the gateway at line 2');
    });
});
