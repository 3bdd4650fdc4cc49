import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseOnly, site, summary } from '../../helpers.js';

const balancers = diagnoseOnly(
    'load-balancer-role',
    'load-balancer-without-mode',
    'load-balancer-not-needed',
    'load-balancer-vip',
    'load-balancer-missing-ports',
    'load-balancer-extra-port',
    'dns-load-balancing-needs-hlb',
    'hardware-load-balancer-missing',
    'standard-edition-load-balancing',
    'duplicate-statement',
);


/** The hardware-only table for a Front End pool (seed table 2), without the collocated-Mediation row. */
const FRONTEND_HARDWARE = '80, 135, 443, 444, 448, 4443, 5061, 5071, 5072, 5073, 5075, 5076, 5080, 8080';
const FRONTEND_HARDWARE_WITH_MEDIATION = '80, 135, 443, 444, 448, 4443, 5061, 5070, 5071, 5072, 5073, 5075, 5076, 5080, 8080';

/** A two-server Front End pool with the given extra statements, and a load balancer with the given body. */
const frontend = (options: string, lb: string) =>
    site(`  frontend pool fe { server a 10.0.0.1 server b 10.0.0.2 hosts cms ${options} }
  loadbalancer lb for fe { ${lb} }`);

describe('a realistic topology', () => {
    it('has no diagnostics when every load balancer carries its table', async () => {
        const text = `topology Contoso
site Redmond {
  subnet servers 10.0.0.0/16

  frontend pool fe01 {
    fqdn "fepool01.contoso.com"
    server fe01a 10.0.1.11
    server fe01b 10.0.1.12
    colocate mediation
    hosts cms
    loadbalancing hardware
  }
  director pool dir01 {
    fqdn "dirpool01.contoso.com"
    server dir01a 10.0.2.11
    server dir01b 10.0.2.12
    loadbalancing dns
  }
  mediation pool med01 {
    fqdn "med01.contoso.com"
    server med01a 10.0.3.11
    server med01b 10.0.3.12
    loadbalancing hardware
    gateway pstn1
  }
  gateway pstn1 10.0.3.200

  loadbalancer lbfe for fe01 { vip 10.0.1.100 ports ${FRONTEND_HARDWARE_WITH_MEDIATION} }
  loadbalancer lbdir for dir01 { vip 10.0.2.100 ports 443, 4443 }
  loadbalancer lbmed for med01 { vip 10.0.3.100 ports 5070 }
}
`;
        expect(await diagnose(text)).toEqual([]);
    });
});

describe('which pools a load balancer may serve', () => {
    it.each([
        ['an edge pool without hardware load balancing', 'edge pool p { server e1 internal 10.0.0.1 external 203.0.113.1 }', 'only a hardware-load-balanced Edge pool'],
        ['a persistentchat pool', 'persistentchat pool p { server c1 10.0.0.1 }', 'only for frontend, director and mediation pools'],
        ['an officewebapps pool', 'officewebapps pool p { server o1 10.0.0.1 }', 'only for frontend, director and mediation pools'],
        ['an exchangeum pool', 'exchangeum pool p { server x1 10.0.0.1 }', 'only for frontend, director and mediation pools'],
    ])('rejects a load balancer for %s, at the pool reference', async (_role, pool, why) => {
        const found = await balancers(site(`  ${pool}\n  loadbalancer lb for p { vip 10.0.0.100 }`));
        expect(summary(found)).toEqual([['error', 'load-balancer-role', 'p', 4]]);
        expect(found[0].message).toContain(why);
    });

    it.each([
        ['frontend', `loadbalancing hardware`, `ports ${FRONTEND_HARDWARE}`],
        ['director', 'loadbalancing hardware', 'ports 443, 444, 4443, 5061'],
        ['mediation', 'loadbalancing hardware', 'ports 5070'],
    ])('accepts a load balancer for a %s pool', async (role, mode, ports) => {
        const text = site(`  ${role} pool p { server a 10.0.0.1 server b 10.0.0.2 ${mode} }\n  loadbalancer lb for p { vip 10.0.0.100 ${ports} }`);
        expect(await balancers(text)).toEqual([]);
    });

    it('needs the pool to say how it is load balanced', async () => {
        const found = await balancers(site('  director pool d { server a 10.0.0.1 }\n  loadbalancer lb for d { vip 10.0.0.100 }'));
        expect(summary(found)).toEqual([['error', 'load-balancer-without-mode', 'd', 4]]);
        expect(found[0].message).toContain('load balancer lb');
    });

    it('rejects a load balancer for a Standard Edition pool, at the pool reference', async () => {
        const found = await balancers(site('  frontend pool se { edition standard server a 10.0.0.1 }\n  loadbalancer lb for se { vip 10.0.0.100 }'));
        expect(summary(found)).toEqual([['error', 'standard-edition-load-balancing', 'se', 4]]);
    });
});

describe('the VIP of a load balancer', () => {
    it('requires one VIP, reported at the load balancer name', async () => {
        const found = await balancers(frontend('loadbalancing dns', 'ports 80, 443, 4443, 8080'));
        expect(summary(found)).toEqual([['error', 'load-balancer-vip', 'lb', 4]]);
    });

    it('rejects a second VIP, at the second one', async () => {
        const found = await balancers(frontend('loadbalancing dns', 'vip 10.0.0.100 vip 10.0.0.101'));
        expect(summary(found)).toEqual([['error', 'load-balancer-vip', 'vip 10.0.0.101', 4]]);
        expect(found[0].message).toContain('already has a VIP at line 4');
    });
});

describe('ports by load balancing mode', () => {
    it('takes the hardware-only table under hardware load balancing', async () => {
        expect(await balancers(frontend('loadbalancing hardware', `vip 10.0.0.100 ports ${FRONTEND_HARDWARE}`))).toEqual([]);
    });

    it('takes the DNS table under DNS load balancing', async () => {
        expect(await balancers(frontend('loadbalancing dns', 'vip 10.0.0.100 ports 80, 443, 4443, 8080'))).toEqual([]);
    });

    it('accepts a load balancer without `ports`: the catalogue set is used as it is', async () => {
        expect(await balancers(frontend('loadbalancing hardware', 'vip 10.0.0.100'))).toEqual([]);
    });

    it('reports missing ports as an error on the `ports` statement, naming them', async () => {
        const found = await balancers(frontend('loadbalancing hardware', 'vip 10.0.0.100 ports 443, 4443'));
        expect(summary(found)).toEqual([['error', 'load-balancer-missing-ports', 'ports 443, 4443', 4]]);
        expect(found[0].message).toContain('lacks ports 80, 135, 444, 448, 5061, 5071, 5072, 5073, 5075, 5076, 5080, 8080');
        expect(found[0].message).toContain(`carries ${FRONTEND_HARDWARE}`);
    });

    it('reports a port outside the table as a warning at that port', async () => {
        const found = await balancers(frontend('loadbalancing dns', 'vip 10.0.0.100 ports 80, 443, 5061, 4443, 8080'));
        expect(summary(found)).toEqual([['warning', 'load-balancer-extra-port', '5061', 4]]);
        expect(found[0].message).toContain('the catalogue lists 80, 443, 4443, 8080');
    });

    it('reports a port listed twice as a warning at the repeat', async () => {
        const found = await balancers(site('  mediation pool m { server a 10.0.0.1 server b 10.0.0.2 loadbalancing hardware }\n  loadbalancer lb for m { vip 10.0.0.100 ports 5070, 5070 }'));
        expect(summary(found)).toEqual([['warning', 'load-balancer-extra-port', '5070', 4]]);
        expect(found[0].message).toBe('Port 5070 is listed twice.');
    });

    it('rejects a second `ports` statement', async () => {
        const found = await balancers(frontend('loadbalancing dns', 'vip 10.0.0.100 ports 80, 443, 4443, 8080 ports 443'));
        expect(summary(found)).toEqual([['error', 'duplicate-statement', 'ports 443', 4]]);
    });

    it('uses exactly 443 and 4443 for a Director under DNS load balancing', async () => {
        const text = (ports: string) => site(`  director pool d { server a 10.0.0.1 server b 10.0.0.2 loadbalancing dns }\n  loadbalancer lb for d { vip 10.0.0.100 ports ${ports} }`);
        expect(await balancers(text('443, 4443'))).toEqual([]);
        const extra = await balancers(text('443, 444, 4443'));
        expect(summary(extra)).toEqual([['warning', 'load-balancer-extra-port', '444', 4]]);
        const missing = await balancers(text('443'));
        expect(summary(missing)).toEqual([['error', 'load-balancer-missing-ports', 'ports 443', 4]]);
        expect(missing[0].message).toContain('lacks port 4443: with dns load balancing, a director pool');
    });

    it('uses 443, 444, 4443 and 5061 for a Director under hardware load balancing', async () => {
        const found = await balancers(site('  director pool d { server a 10.0.0.1 server b 10.0.0.2 loadbalancing hardware }\n  loadbalancer lb for d { vip 10.0.0.100 ports 443, 4443 }'));
        expect(summary(found)).toEqual([['error', 'load-balancer-missing-ports', 'ports 443, 4443', 4]]);
        expect(found[0].message).toContain('lacks ports 444, 5061');
    });
});

describe('collocated Mediation on a hardware load balanced Front End pool', () => {
    it('requires 5070 when the pool collocates Mediation', async () => {
        const found = await balancers(frontend('colocate mediation loadbalancing hardware', `vip 10.0.0.100 ports ${FRONTEND_HARDWARE}`));
        expect(summary(found)).toEqual([['error', 'load-balancer-missing-ports', `ports ${FRONTEND_HARDWARE}`, 4]]);
        expect(found[0].message).toContain('lacks port 5070:');
    });

    it('accepts 5070 when the pool collocates Mediation', async () => {
        expect(await balancers(frontend('colocate mediation loadbalancing hardware', `vip 10.0.0.100 ports ${FRONTEND_HARDWARE_WITH_MEDIATION}`))).toEqual([]);
    });

    it('treats 5070 as an extra port without collocation, at the 5070 token', async () => {
        const found = await balancers(frontend('loadbalancing hardware', `vip 10.0.0.100 ports ${FRONTEND_HARDWARE_WITH_MEDIATION}`));
        expect(summary(found)).toEqual([['warning', 'load-balancer-extra-port', '5070', 4]]);
    });

    it('does not add 5070 under DNS load balancing', async () => {
        const found = await balancers(frontend('colocate mediation loadbalancing dns', 'vip 10.0.0.100 ports 80, 443, 4443, 5070, 8080'));
        expect(summary(found)).toEqual([['warning', 'load-balancer-extra-port', '5070', 4]]);
    });
});

describe('load balancers a pool needs or does not need', () => {
    it('warns that a DNS load balanced Front End pool still needs an HLB for 80, 443, 4443 and 8080', async () => {
        const found = await balancers(site('  frontend pool fe { server a 10.0.0.1 server b 10.0.0.2 hosts cms loadbalancing dns }'));
        expect(summary(found)).toEqual([['warning', 'dns-load-balancing-needs-hlb', 'loadbalancing dns', 3]]);
        expect(found[0].message).toContain('hardware load balancer for ports 80, 443, 4443, 8080.');
    });

    it('warns that a DNS load balanced Director pool still needs an HLB for 443 and 4443', async () => {
        const found = await balancers(site('  director pool d { server a 10.0.0.1 server b 10.0.0.2 loadbalancing dns }'));
        expect(summary(found)).toEqual([['warning', 'dns-load-balancing-needs-hlb', 'loadbalancing dns', 3]]);
        expect(found[0].message).toContain('hardware load balancer for ports 443, 4443.');
    });

    it('does not warn once a load balancer serves the DNS load balanced pool', async () => {
        expect(await balancers(frontend('loadbalancing dns', 'vip 10.0.0.100'))).toEqual([]);
    });

    it('does not warn for a single-server pool or a DNS load balanced Mediation pool', async () => {
        expect(await balancers(site('  frontend pool fe { server a 10.0.0.1 hosts cms loadbalancing dns }'))).toEqual([]);
        expect(await balancers(site('  mediation pool m { server a 10.0.0.1 server b 10.0.0.2 loadbalancing dns }'))).toEqual([]);
    });

    it('warns that a load balancer for a DNS load balanced Mediation pool carries nothing', async () => {
        const found = await balancers(site('  mediation pool m { server a 10.0.0.1 server b 10.0.0.2 loadbalancing dns }\n  loadbalancer lb for m { vip 10.0.0.100 }'));
        expect(summary(found)).toEqual([['warning', 'load-balancer-not-needed', 'm', 4]]);
        expect(found[0].message).toContain('load balancer lb carries nothing');
    });

    it('rejects hardware load balancing without a load balancer, naming the ports', async () => {
        const found = await balancers(site('  mediation pool m { server a 10.0.0.1 server b 10.0.0.2 loadbalancing hardware }'));
        expect(summary(found)).toEqual([['error', 'hardware-load-balancer-missing', 'loadbalancing hardware', 3]]);
        expect(found[0].message).toContain('it would carry ports 5070.');
    });

    it('finds a load balancer declared in another site', async () => {
        const text = 'topology T\nsite A {\n  director pool d { server a 10.0.0.1 server b 10.0.0.2 loadbalancing hardware }\n}\nsite B {\n  loadbalancer lb for d { vip 10.0.0.100 }\n}\n';
        expect(await balancers(text)).toEqual([]);
    });
});
