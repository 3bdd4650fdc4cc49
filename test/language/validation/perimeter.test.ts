import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseOnly, site, summary } from '../../helpers.js';

const FE = `  frontend pool fe01 {
    server fe01a 10.0.1.11
  }`;

describe('nexthop, federation and xmpp', () => {
    const only = diagnoseOnly('nexthop-role', 'option-not-for-role', 'duplicate-statement', 'implicit-nexthop', 'nexthop-missing');

    it('accepts a nexthop naming a director or frontend pool, in any site', async () => {
        const text = `topology T
site A {
  frontend pool fe01 {
    server fe01a 10.0.1.11
    hosts cms
  }
  edge pool e1 {
    nexthop fe01
    federation
    xmpp
    server e1a internal 10.0.9.11 external 203.0.113.1
  }
}
site B {
  director pool dir01 { server dir01a 10.1.2.11 }
  edge pool e2 {
    nexthop dir01
    server e2a internal 10.1.9.11 external 203.0.113.2
  }
  edge pool e3 {
    nexthop fe01
    server e3a internal 10.1.9.12 external 203.0.113.3
  }
}
`;
        expect(await diagnose(text)).toEqual([]);
    });

    it('rejects a nexthop naming another role, on the reference', async () => {
        const found = await only(site(`  mediation pool med01 { server med01a 10.0.3.11 }
  edge pool e1 {
    nexthop med01
    server e1a internal 10.0.9.11 external 203.0.113.1
  }`));
        expect(summary(found)).toEqual([['error', 'nexthop-role', 'med01', 5]]);
        expect(found[0].message).toContain('med01 is a mediation pool');
    });

    it('allows nexthop, federation and xmpp only in edge pools', async () => {
        const found = await only(site(`  frontend pool fe01 {
    server fe01a 10.0.1.11
    nexthop fe01
    federation
    xmpp
  }`));
        expect(summary(found)).toEqual([
            ['error', 'option-not-for-role', 'nexthop fe01', 5],
            ['error', 'option-not-for-role', 'federation', 6],
            ['error', 'option-not-for-role', 'xmpp', 7],
        ]);
    });

    it('reports repeats as duplicate statements', async () => {
        const found = await only(site(`${FE}
  edge pool e1 {
    nexthop fe01
    federation
    xmpp
    nexthop fe01
    federation
    xmpp
    server e1a internal 10.0.9.11 external 203.0.113.1
  }`));
        expect(summary(found)).toEqual([
            ['error', 'duplicate-statement', 'nexthop fe01', 10],
            ['error', 'duplicate-statement', 'federation', 11],
            ['error', 'duplicate-statement', 'xmpp', 12],
        ]);
    });

    it('says which pool an edge pool without nexthop takes: the site\'s director first', async () => {
        const found = await only(site(`${FE}
  director pool dir01 { server dir01a 10.0.2.11 }
  edge pool e1 {
    server e1a internal 10.0.9.11 external 203.0.113.1
  }`));
        expect(summary(found)).toEqual([['info', 'implicit-nexthop', 'e1', 7]]);
        expect(found[0].message).toContain('director pool dir01');
    });

    it('takes the front end when the site has no director', async () => {
        const found = await only(site(`${FE}
  edge pool e1 {
    server e1a internal 10.0.9.11 external 203.0.113.1
  }`));
        expect(summary(found)).toEqual([['info', 'implicit-nexthop', 'e1', 6]]);
        expect(found[0].message).toContain('frontend pool fe01');
    });

    it('warns when there is no pool to take', async () => {
        const found = await only(site(`  edge pool e1 {
    server e1a internal 10.0.9.11 external 203.0.113.1
  }`));
        expect(summary(found)).toEqual([['warning', 'nexthop-missing', 'e1', 3]]);
    });
});

describe('edge address forms', () => {
    const only = diagnoseOnly('edge-service-addresses', 'edge-address-forms-mixed', 'server-address-shape');

    it('needs all three services, once each, and not with external', async () => {
        const found = await only(site(`${FE}
  edge pool e1 {
    nexthop fe01
    server e1a internal 10.0.9.11 access 203.0.113.1 av 203.0.113.3
    server e1b internal 10.0.9.12 external 203.0.113.10 access 203.0.113.11 webconf 203.0.113.12 av 203.0.113.13
    server e1c internal 10.0.9.13 access 203.0.113.21 webconf 203.0.113.22 av 203.0.113.23 access 203.0.113.24
    loadbalancing dns
  }`));
        expect(summary(found)).toEqual([
            ['error', 'edge-service-addresses', 'e1a', 8],
            ['error', 'edge-service-addresses', '203.0.113.10', 9],
            ['error', 'edge-service-addresses', 'access', 10],
        ]);
        expect(found[0].message).toContain('lacks `webconf ADDRESS`');
    });

    it('rejects a pool mixing one external address and per-service addresses', async () => {
        const found = await only(site(`${FE}
  edge pool e1 {
    nexthop fe01
    loadbalancing dns
    server e1a internal 10.0.9.11 external 203.0.113.1
    server e1b internal 10.0.9.12 access 203.0.113.11 webconf 203.0.113.12 av 203.0.113.13
  }`));
        expect(summary(found)).toEqual([['error', 'edge-address-forms-mixed', 'e1b', 10]]);
    });
});

describe('hardware load balancing of an edge pool', () => {
    const only = diagnoseOnly('edge-nat-with-hardware-load-balancing', 'edge-private-external-address', 'hardware-load-balancer-missing');
    const lb = `  loadbalancer lb1 for e1 {
    vip internal 10.0.9.100
    vip external 203.0.113.100
  }`;

    it('rejects NAT and private external addresses', async () => {
        const found = await only(site(`${FE}
  edge pool e1 {
    nexthop fe01
    loadbalancing hardware
    server e1a internal 10.0.9.11 external 203.0.113.1 nat 198.51.100.1
    server e1b internal 10.0.9.12 external 172.20.0.2
  }
${lb}`));
        expect(summary(found)).toEqual([
            ['error', 'edge-nat-with-hardware-load-balancing', '198.51.100.1', 9],
            ['error', 'edge-private-external-address', '172.20.0.2', 10],
        ]);
    });

    it('accepts them with DNS load balancing', async () => {
        const found = await only(site(`${FE}
  edge pool e1 {
    nexthop fe01
    loadbalancing dns
    server e1a internal 10.0.9.11 access 203.0.113.1 webconf 203.0.113.2 av 192.168.5.3 nat 198.51.100.1
    server e1b internal 10.0.9.12 access 203.0.113.11 webconf 203.0.113.12 av 192.168.5.13 nat 198.51.100.11
  }`));
        expect(found).toEqual([]);
    });

    it('flags private per-service addresses', async () => {
        const found = await only(site(`${FE}
  edge pool e1 {
    nexthop fe01
    loadbalancing hardware
    server e1a internal 10.0.9.11 access 203.0.113.1 webconf 10.9.0.2 av 203.0.113.3
  }
${lb}`));
        expect(summary(found)).toEqual([['error', 'edge-private-external-address', '10.9.0.2', 9]]);
    });

    it('needs a load balancer', async () => {
        const found = await only(site(`${FE}
  edge pool e1 {
    nexthop fe01
    loadbalancing hardware
    server e1a internal 10.0.9.11 external 203.0.113.1
    server e1b internal 10.0.9.12 external 203.0.113.2
  }`));
        expect(summary(found)).toEqual([['error', 'hardware-load-balancer-missing', 'loadbalancing hardware', 8]]);
    });

    it('needs load balancing for several servers', async () => {
        const found = await diagnoseOnly('pool-needs-load-balancing')(site(`${FE}
  edge pool e1 {
    nexthop fe01
    server e1a internal 10.0.9.11 external 203.0.113.1
    server e1b internal 10.0.9.12 external 203.0.113.2
  }`));
        expect(summary(found)).toEqual([['error', 'pool-needs-load-balancing', 'e1', 6]]);
    });
});

describe('external addresses and subnets', () => {
    it('rejects an external or NAT address inside the site\'s subnets', async () => {
        const found = await diagnoseOnly('edge-external-in-subnet', 'address-outside-subnets')(site(`  subnet servers 10.0.0.0/16
  subnet dmz 172.16.0.0/24
${FE}
  edge pool e1 {
    nexthop fe01
    server e1a internal 172.16.0.10 access 203.0.113.1 webconf 10.0.50.2 av 203.0.113.3 nat 172.16.0.99
  }
  edge pool e2 {
    nexthop fe01
    server e2a internal 172.16.0.11 external 10.0.60.1
  }`));
        expect(summary(found)).toEqual([
            ['error', 'edge-external-in-subnet', '10.0.50.2', 10],
            ['error', 'edge-external-in-subnet', '172.16.0.99', 10],
            ['error', 'edge-external-in-subnet', '10.0.60.1', 14],
        ]);
        expect(found[0].message).toContain('subnet servers (10.0.0.0/16)');
    });
});

describe('duplicate external addresses', () => {
    const only = diagnoseOnly('duplicate-address');

    it('covers service, NAT, sided VIP and reverse proxy external addresses, each reported once', async () => {
        const found = await only(site(`${FE}
  edge pool e1 {
    nexthop fe01
    loadbalancing dns
    server e1a internal 10.0.9.11 access 203.0.113.1 webconf 203.0.113.1 av 203.0.113.3 nat 198.51.100.1
    server e1b internal 10.0.9.12 access 203.0.113.3 webconf 203.0.113.12 av 203.0.113.13 nat 198.51.100.1
  }
  edge pool e2 {
    nexthop fe01
    loadbalancing hardware
    server e2a internal 10.0.9.21 external 203.0.113.21
  }
  loadbalancer lb2 for e2 {
    vip internal 10.0.9.100
    vip external 203.0.113.12
  }
  reverseproxy rp1 10.0.8.10 external 203.0.113.21`));
        expect(summary(found)).toEqual([
            ['error', 'duplicate-address', '203.0.113.1', 9],
            ['error', 'duplicate-address', '203.0.113.3', 10],
            ['error', 'duplicate-address', '198.51.100.1', 10],
            ['error', 'duplicate-address', '203.0.113.12', 19],
            ['error', 'duplicate-address', '203.0.113.21', 21],
        ]);
        expect(found[0].message).toContain('server e1a (webconf)');
        expect(found[0].message).toContain('server e1a (access)');
    });
});

describe('reverse proxies', () => {
    it('notes one without an external address', async () => {
        const found = await diagnoseOnly('reverse-proxy-without-external')(site(`  reverseproxy rp1 10.0.8.10
  reverseproxy rp2 10.0.8.11 external 203.0.113.80`));
        expect(summary(found)).toEqual([['info', 'reverse-proxy-without-external', 'rp1', 3]]);
    });

    it('checks the external address', async () => {
        const found = await diagnoseOnly('invalid-address')(site(`  reverseproxy rp1 10.0.8.10 external 203.0.113.800`));
        expect(summary(found)).toEqual([['error', 'invalid-address', '203.0.113.800', 3]]);
    });
});
