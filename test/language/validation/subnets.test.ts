import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseOnly, site, summary } from '../../helpers.js';

const subnets = diagnoseOnly('address-outside-subnets', 'subnets-overlap', 'duplicate-address');


describe('a realistic topology', () => {
    it('has no diagnostics when every internal address lies in a declared subnet', async () => {
        const text = `topology Contoso
site Redmond {
  subnet servers 10.0.0.0/16
  subnet dmz 172.16.0.0/24
  subnet clients 10.20.0.0/16

  frontend pool fe01 {
    server fe01a 10.0.1.11
    server fe01b 10.0.1.12
    hosts cms
    loadbalancing dns
  }
  edge pool edge01 {
    nexthop fe01
    server edge01a internal 172.16.0.10 external 203.0.113.10
  }
  fileshare fs01 { server fs01a 10.0.7.11 }
  gateway pstn1 192.168.50.1
  reverseproxy rp01 198.51.100.5 external 198.51.100.6
  loadbalancer lbfe for fe01 { vip 10.0.1.100 }

  clients { subnet clients }
}
site Dublin {
  frontend pool fe02 { server fe02a 192.168.1.11 }
}
`;
        expect(await diagnose(text)).toEqual([]);
    });
});

describe('addresses inside the site subnets', () => {
    it('warns about a server outside every subnet, at its address, naming the nearest subnet', async () => {
        const found = await subnets(site('  subnet a 10.0.0.0/16\n  subnet b 10.2.0.0/16\n  director pool d { server d1 10.1.255.1 }'));
        expect(summary(found)).toEqual([['warning', 'address-outside-subnets', '10.1.255.1', 5]]);
        expect(found[0].message).toBe("The address 10.1.255.1 of server d1 is in none of site S's subnets; the nearest is b (10.2.0.0/16).");
    });

    it('checks load balancer VIPs', async () => {
        const found = await subnets(site('  subnet a 10.0.0.0/16\n  director pool d { server d1 10.0.0.1 }\n  loadbalancer lb for d { vip 10.9.0.100 }'));
        expect(summary(found)).toEqual([['warning', 'address-outside-subnets', '10.9.0.100', 5]]);
        expect(found[0].message).toContain('of the VIP of load balancer lb');
    });

    it('checks file share servers and the internal leg of edge servers', async () => {
        const found = await subnets(site(`  subnet a 10.0.0.0/16
  fileshare fs { server fs1 10.5.0.1 }
  edge pool e { server e1 internal 172.16.0.10 external 203.0.113.10 }`));
        expect(summary(found)).toEqual([
            ['warning', 'address-outside-subnets', '10.5.0.1', 4],
            ['warning', 'address-outside-subnets', '172.16.0.10', 5],
        ]);
    });

    it('exempts edge external addresses, reverse proxies and gateways', async () => {
        expect(await subnets(site(`  subnet a 10.0.0.0/16
  edge pool e { server e1 internal 10.0.9.10 external 203.0.113.10 }
  reverseproxy rp 198.51.100.5
  gateway g 192.168.50.1`))).toEqual([]);
    });

    it('checks nothing in a site that declares no subnet', async () => {
        expect(await subnets(site('  director pool d { server d1 10.1.0.1 }'))).toEqual([]);
    });

    it('uses the subnets of the server\'s own site only', async () => {
        const text = 'topology T\nsite A {\n  subnet a 10.0.0.0/16\n}\nsite B {\n  subnet b 10.1.0.0/16\n  director pool d { server d1 10.0.0.1 }\n}\n';
        const found = await subnets(text);
        expect(summary(found)).toEqual([['warning', 'address-outside-subnets', '10.0.0.1', 7]]);
        expect(found[0].message).toContain("site B's subnets; the nearest is b (10.1.0.0/16)");
    });
});

describe('overlapping subnets', () => {
    it('warns at the later subnet, naming the earlier one', async () => {
        const found = await subnets(site('  subnet servers 10.0.0.0/16\n  subnet web 10.0.5.0/24'));
        expect(summary(found)).toEqual([['warning', 'subnets-overlap', '10.0.5.0/24', 4]]);
        expect(found[0].message).toBe(
            'Subnet web (10.0.5.0/24) overlaps subnet servers (10.0.0.0/16) at line 3; the subnets of a site should not share addresses.',
        );
    });

    it('does not warn for adjacent subnets or for subnets in different sites', async () => {
        expect(await subnets(site('  subnet a 10.0.0.0/24\n  subnet b 10.0.1.0/24'))).toEqual([]);
        expect(await subnets('topology T\nsite A { subnet a 10.0.0.0/16 }\nsite B { subnet b 10.0.0.0/16 }\n')).toEqual([]);
    });
});

describe('a VIP at a server address', () => {
    it('is a duplicate address, at the VIP', async () => {
        const found = await subnets(site('  subnet a 10.0.0.0/16\n  director pool d { server d1 10.0.0.1 }\n  loadbalancer lb for d { vip 10.0.0.1 }'));
        expect(summary(found)).toEqual([['error', 'duplicate-address', '10.0.0.1', 5]]);
        expect(found[0].message).toContain('already used by server d1 at line 4');
    });
});
