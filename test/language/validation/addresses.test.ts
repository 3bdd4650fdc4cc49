import { describe, expect, it } from 'vitest';
import { diagnoseOnly, site } from '../../helpers.js';

const diagnose = diagnoseOnly('invalid-address', 'duplicate-address', 'invalid-subnet', 'subnet-host-bits');

const summary = (found: Awaited<ReturnType<typeof diagnose>>) => found.map((d) => [d.severity, d.code, d.text]);

describe('IPv4 addresses', () => {
    it('accepts dotted-decimal addresses in every address position', async () => {
        const found = await diagnose(site(`
  edge pool e { server e1 internal 10.0.9.10 external 203.0.113.10 }
  frontend pool p { server p1 0.0.0.1 }
  gateway g 255.255.255.254
  reverseproxy r 192.0.2.1
  loadbalancer l for p { vip 10.0.1.100 }`));
        expect(found).toEqual([]);
    });

    it.each([
        ['an octet above 255', 'frontend pool p { server a 10.0.1.256 }', '10.0.1.256'],
        ['three parts', 'gateway g 10.0.1', '10.0.1'],
        ['five parts', 'reverseproxy r 10.0.0.1.5', '10.0.0.1.5'],
        ['a leading zero', 'frontend pool p { server a 10.0.01.1 }', '10.0.01.1'],
        ['a CIDR where an address belongs', 'frontend pool p { server a 10.0.0.0/24 }', '10.0.0.0/24'],
        ['a bad edge internal address', 'edge pool e { server e1 internal 10.0.0.300 external 192.0.2.1 }', '10.0.0.300'],
        ['a bad edge external address', 'edge pool e { server e1 internal 10.0.0.3 external 192.0.2 }', '192.0.2'],
        ['a bad VIP', 'frontend pool p { server a 10.0.0.1 }\n  loadbalancer l for p { vip 1.2.3.999 }', '1.2.3.999'],
    ])('rejects %s, at the address', async (_case, body, address) => {
        const found = await diagnose(site(`  ${body}`));
        expect(summary(found)).toEqual([['error', 'invalid-address', address]]);
    });

    it('explains what a CIDR in an address position should be', async () => {
        const [found] = await diagnose(site('  gateway g 10.0.0.0/24'));
        expect(found.message).toContain('is a subnet (CIDR), but a single IPv4 address is expected here');
    });
});

describe('subnets (CIDRs)', () => {
    it('accepts network addresses with prefixes from 0 to 32', async () => {
        expect(await diagnose(site('  subnet a 10.0.0.0/8\n  subnet b 0.0.0.0/0\n  subnet c 10.1.2.3/32'))).toEqual([]);
    });

    it.each([
        ['no prefix', '10.0.0.0', 'has no prefix length'],
        ['a prefix above 32', '10.0.0.0/33', 'IPv4 prefixes run from 0 to 32'],
        ['a bad address part', '10.0.300.0/24', 'is not an IPv4 address'],
    ])('rejects a subnet with %s', async (_case, cidr, words) => {
        const found = await diagnose(site(`  subnet a ${cidr}`));
        expect(summary(found)).toEqual([['error', 'invalid-subnet', cidr]]);
        expect(found[0].message).toContain(words);
    });

    it('warns when host bits are set and names the network meant', async () => {
        const found = await diagnose(site('  subnet a 10.0.0.1/16'));
        expect(summary(found)).toEqual([['warning', 'subnet-host-bits', '10.0.0.1/16']]);
        expect(found[0].message).toContain('10.0.0.0/16');
    });
});

describe('duplicate addresses', () => {
    it('reports the second use of an address, naming the first owner', async () => {
        const found = await diagnose(site('  frontend pool p { server a 10.0.0.1 server b 10.0.0.1 }'));
        expect(summary(found)).toEqual([['error', 'duplicate-address', '10.0.0.1']]);
        expect(found[0].message).toContain('already used by server a at line 3');
    });

    it('compares addresses across kinds, sites, edge sides and VIPs', async () => {
        const found = await diagnose(`topology T
site A {
  edge pool e { server e1 internal 10.0.9.10 external 10.0.9.10 }
  frontend pool p { server s1 10.0.1.1 }
  loadbalancer l for p { vip 10.0.1.1 }
}
site B {
  gateway g 10.0.9.10
}
`);
        expect(found.map((d) => [d.code, d.text, d.line])).toEqual([
            ['duplicate-address', '10.0.9.10', 3],
            ['duplicate-address', '10.0.1.1', 5],
            ['duplicate-address', '10.0.9.10', 8],
        ]);
        expect(found[1].message).toContain('the VIP of load balancer l');
    });

    it('does not report distinct addresses, nor subnets that contain them', async () => {
        expect(await diagnose(site('  subnet n 10.0.0.0/24\n  gateway g 10.0.0.1\n  reverseproxy r 10.0.0.2'))).toEqual([]);
    });
});
