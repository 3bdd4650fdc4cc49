import { describe, expect, it } from 'vitest';
import { check, diagnoseOnly, site } from '../../helpers.js';
import { diagnosticCode } from '../../../server/src/cli/format-diagnostic.js';

// 0.0.0.0 and 0.0.0.0/0: facts not known yet, as `sfbtopo import` leaves them (issue 17).
const inReadingOrder = <T extends { line: number }>(found: T[]) => [...found].sort((a, b) => a.line - b.line);
const diagnoseAll = diagnoseOnly('address-unknown', 'subnet-unknown', 'duplicate-address', 'subnets-overlap', 'address-outside-subnets', 'edge-external-in-subnet');
const diagnose = async (text: string) => inReadingOrder(await diagnoseAll(text));

describe('placeholders of facts not known yet', () => {
    it('reports each 0.0.0.0 as address-unknown at the address, and never as a duplicate', async () => {
        const found = await diagnose(site(`
  frontend pool p { server a 0.0.0.0 // a.contoso.com
  }
  gateway g 0.0.0.0
  edge pool e { server e1 internal 0.0.0.0 external 0.0.0.0 }
  loadbalancer l for p { vip 0.0.0.0 }`));
        expect(found.map((d) => [d.code, d.text, d.line])).toEqual([
            ['address-unknown', '0.0.0.0', 4],
            ['address-unknown', '0.0.0.0', 6],
            ['address-unknown', '0.0.0.0', 7],
            ['address-unknown', '0.0.0.0', 7],
            ['address-unknown', '0.0.0.0', 8],
        ]);
        expect(found[0].message).toBe(
            'The address of server a is not known yet (0.0.0.0 is a placeholder): write its IPv4 address. To find it, look up a.contoso.com in DNS (nslookup a.contoso.com), or import the topology again with --hosts FILE or --resolve.',
        );
        expect(found[1].message).toContain('look up its FQDN in DNS');
        expect(found[3].message).toBe('The address of server e1 (external) is not known yet (0.0.0.0 is a placeholder): write the public IPv4 address from the perimeter network\'s plan.');
    });

    it('reports 0.0.0.0/0 as subnet-unknown, and checks no address against it nor it against other subnets', async () => {
        const found = await diagnose(site(`
  subnet servers 0.0.0.0/0
  subnet clients 0.0.0.0/0
  subnet dmz 10.9.0.0/16
  frontend pool p { server a 10.0.1.11 }
  edge pool e { server e1 internal 10.9.0.1 external 203.0.113.1 }`));
        expect(found.map((d) => [d.code, d.text, d.line])).toEqual([
            ['subnet-unknown', '0.0.0.0/0', 4],
            ['subnet-unknown', '0.0.0.0/0', 5],
            ['address-outside-subnets', '10.0.1.11', 7],
        ]);
        expect(found[0].message).toContain('write the network as a CIDR, such as 10.0.0.0/16');
    });

    it('says it in Japanese too', async () => {
        const { diagnostics } = await check(site('  subnet s 0.0.0.0/0\n  gateway g 0.0.0.0'), '/virtual/placeholders-ja.sfbtopo', 'ja');
        const messages = diagnostics.filter((d) => ['address-unknown', 'subnet-unknown'].includes(diagnosticCode(d) ?? '')).map((d) => d.message);
        expect(messages).toHaveLength(2);
        expect(messages.join('\n')).toMatch(/まだ分かっていません/);
    });
});
