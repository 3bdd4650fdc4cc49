import { describe, expect, it } from 'vitest';
import { diagnose, diagnoseOnly, site, summary } from '../../helpers.js';


describe('a realistic topology', () => {
    it('has no diagnostics with every role, option and address shape used as intended', async () => {
        const text = `topology Fabrikam
site Tokyo {
  subnet servers 10.10.0.0/16
  subnet perimeter 172.16.0.0/24
  subnet desktops 10.20.0.0/16

  frontend pool fe01 {
    fqdn "fe01.fabrikam.com"
    edition enterprise
    server fe01a 10.10.1.11
    server fe01b 10.10.1.12
    colocate mediation
    hosts cms
    loadbalancing hardware
    gateway pstn1
  }
  frontend pool se01 {
    fqdn "se01.fabrikam.com"
    edition standard
    server se01a 10.10.1.21
  }
  director pool dir01 {
    fqdn "dir01.fabrikam.com"
    server dir01a 10.10.2.11
  }
  mediation pool med01 {
    fqdn "med01.fabrikam.com"
    server med01a 10.10.3.11
    server med01b 10.10.3.12
    loadbalancing dns
    gateway pstn1
    gateway pstn2
  }
  persistentchat pool pc01 {
    server pc01a 10.10.4.11
    server pc01b 10.10.4.12
  }
  edge pool edge01 {
    nexthop dir01
    server edge01a internal 172.16.0.10 external 203.0.113.10
  }
  fileshare fs01 { server fs01a 10.10.7.11 }
  gateway pstn1 10.10.3.200
  gateway pstn2 10.10.3.201
  loadbalancer lbfe for fe01 { vip 10.10.1.100 }

  clients {
    subnet desktops
    media audio 50020-50039
  }
}
`;
        expect(await diagnose(text)).toEqual([]);
    });
});

describe('pools that need load balancing', () => {
    const check = diagnoseOnly('pool-needs-load-balancing');

    it.each(['frontend', 'director', 'mediation'])('rejects a %s pool of several servers without `loadbalancing`, at its name', async (role) => {
        const found = await check(site(`  ${role} pool p { server a 10.0.0.1 server b 10.0.0.2 }`));
        expect(summary(found)).toEqual([['error', 'pool-needs-load-balancing', 'p', 3]]);
        expect(found[0].message).toContain('Pool p has 2 servers but no `loadbalancing dns` or `loadbalancing hardware`');
    });

    it.each(['persistentchat', 'officewebapps', 'exchangeum'])('does not ask a %s pool to be load balanced', async (role) => {
        expect(await check(site(`  ${role} pool p { server a 10.0.0.1 server b 10.0.0.2 }`))).toEqual([]);
    });

    it('accepts a single server without load balancing, and several servers with it', async () => {
        expect(await check(site('  director pool p { server a 10.0.0.1 }'))).toEqual([]);
        expect(await check(site('  director pool p { server a 10.0.0.1 server b 10.0.0.2 loadbalancing dns }'))).toEqual([]);
    });
});

describe('Standard Edition pools', () => {
    const check = diagnoseOnly('standard-edition-servers', 'standard-edition-load-balancing', 'pool-needs-load-balancing');

    it('accepts one server and no load balancing', async () => {
        expect(await check(site('  frontend pool se { edition standard server a 10.0.0.1 }'))).toEqual([]);
    });

    it('rejects two servers, at `standard`', async () => {
        const found = await check(site('  frontend pool se { edition standard server a 10.0.0.1 server b 10.0.0.2 }'));
        expect(summary(found)).toEqual([['error', 'standard-edition-servers', 'standard', 3]]);
        expect(found[0].message).toContain('exactly one server; se has 2');
    });

    it('rejects a pool with no server, at `standard`', async () => {
        const found = await check(site('  frontend pool se { edition standard }'));
        expect(summary(found)).toEqual([['error', 'standard-edition-servers', 'standard', 3]]);
    });

    it('rejects `loadbalancing` in a Standard Edition pool, at the statement', async () => {
        const found = await check(site('  frontend pool se { edition standard server a 10.0.0.1 loadbalancing dns }'));
        expect(summary(found)).toEqual([['error', 'standard-edition-load-balancing', 'loadbalancing dns', 3]]);
    });

    it('treats a Front End pool without `edition` as Enterprise', async () => {
        expect(await check(site('  frontend pool fe { server a 10.0.0.1 server b 10.0.0.2 loadbalancing dns }'))).toEqual([]);
    });
});

describe('options that only Front End pools take', () => {
    const check = diagnoseOnly('option-not-for-role');

    it.each([
        ['colocate mediation', 'mediation'],
        ['hosts cms', 'director'],
        ['edition enterprise', 'persistentchat'],
        ['edition standard', 'director'],
    ])('rejects `%s` in a %s pool, at the statement', async (option, role) => {
        const found = await check(site(`  frontend pool fe { server f 10.0.0.9 hosts cms }\n  ${role} pool p { server a 10.0.0.1 ${option} }`));
        expect(summary(found)).toEqual([['error', 'option-not-for-role', option, 4]]);
        expect(found[0].message).toContain(`applies only to frontend pools; p is a ${role} pool`);
    });

    it('accepts the options in a Front End pool', async () => {
        expect(await check(site('  frontend pool fe { edition enterprise server f 10.0.0.9 colocate mediation hosts cms }'))).toEqual([]);
    });
});

describe('statements a pool states once', () => {
    const check = diagnoseOnly('duplicate-statement');

    it.each([
        ['fqdn', 'fqdn "a.contoso.com"', 'fqdn "b.contoso.com"'],
        ['edition', 'edition enterprise', 'edition standard'],
        ['colocation', 'colocate mediation', 'colocate mediation'],
        ['load balancing', 'loadbalancing dns', 'loadbalancing hardware'],
        ['gateway link', 'colocate mediation gateway g', 'gateway g'],
    ])('rejects a repeated %s at the repeat', async (_kind, first, second) => {
        const found = await check(site(`  frontend pool fe { server f 10.0.0.9 hosts cms\n    ${first}\n    ${second}\n  }\n  gateway g 10.0.0.200`));
        expect(summary(found)).toEqual([['error', 'duplicate-statement', second, 5]]);
        expect(found[0].message).toContain('from line 4');
    });

    it('accepts two different gateways', async () => {
        expect(await check(site('  mediation pool m { server a 10.0.0.1 gateway g1 gateway g2 }\n  gateway g1 10.0.0.201\n  gateway g2 10.0.0.202'))).toEqual([]);
    });
});

describe('gateway references', () => {
    const check = diagnoseOnly('gateway-not-allowed');
    const withGateway = (pool: string) => site(`  ${pool}\n  gateway g 10.0.0.200`);

    it('accepts them from a mediation pool and from a Front End pool collocating Mediation', async () => {
        expect(await check(withGateway('mediation pool m { server a 10.0.0.1 gateway g }'))).toEqual([]);
        expect(await check(withGateway('frontend pool fe { server a 10.0.0.1 hosts cms colocate mediation gateway g }'))).toEqual([]);
    });

    it('rejects them from a Front End pool without collocated Mediation, at the reference statement', async () => {
        const found = await check(withGateway('frontend pool fe { server a 10.0.0.1 hosts cms gateway g }'));
        expect(summary(found)).toEqual([['error', 'gateway-not-allowed', 'gateway g', 3]]);
        expect(found[0].message).toContain('fe is a frontend pool without collocated Mediation');
    });

    it.each(['director', 'persistentchat', 'exchangeum'])('rejects them from a %s pool', async (role) => {
        const found = await check(withGateway(`${role} pool p { server a 10.0.0.1 gateway g }`));
        expect(summary(found)).toEqual([['error', 'gateway-not-allowed', 'gateway g', 3]]);
    });
});

describe('server address shapes', () => {
    const check = diagnoseOnly('server-address-shape');

    it('accepts two legs on edge servers and one address elsewhere', async () => {
        expect(await check(site(`  edge pool e { server e1 internal 10.0.9.10 external 203.0.113.10 }
  director pool d { server d1 10.0.2.11 }
  fileshare fs { server fs1 10.0.7.11 }`))).toEqual([]);
    });

    it.each([
        ['a single address', 'server e1 10.0.9.10', 'not a single address'],
        ['only an internal address', 'server e1 internal 10.0.9.10', 'needs both legs'],
        ['only an external address', 'server e1 external 203.0.113.10', 'needs both legs'],
    ])('rejects an edge server with %s, at its name', async (_case, server, words) => {
        const found = await check(site(`  edge pool e { ${server} }`));
        expect(summary(found)).toEqual([['error', 'server-address-shape', 'e1', 3]]);
        expect(found[0].message).toContain(words);
    });

    it.each([
        ['internal and external legs', 'director pool p { server s1 internal 10.0.2.11 external 203.0.113.1 }', 'for edge servers only'],
        ['no address', 'director pool p { server s1 }', 'needs exactly one address'],
        ['no address in a file share', 'fileshare p { server s1 }', 'needs exactly one address'],
    ])('rejects a non-edge server with %s, at its name', async (_case, body, words) => {
        const found = await check(site(`  ${body}`));
        expect(summary(found)).toEqual([['error', 'server-address-shape', 's1', 3]]);
        expect(found[0].message).toContain(words);
    });
});

describe('client subnet references', () => {
    const check = diagnoseOnly('linking-error');

    it('resolves a declared subnet', async () => {
        expect(await check(site('  subnet desktops 10.20.0.0/16\n  clients { subnet desktops }'))).toEqual([]);
    });

    it('rejects an undeclared subnet, at the name', async () => {
        const found = await check(site('  subnet desktops 10.20.0.0/16\n  clients { subnet laptops }'));
        expect(summary(found)).toEqual([['error', 'linking-error', 'laptops', 4]]);
        expect(found[0].message).toContain("No subnet named 'laptops'");
    });

    it('rejects a name that is not a subnet', async () => {
        const found = await check(site('  gateway desktops 10.0.0.200\n  clients { subnet desktops }'));
        expect(summary(found)).toEqual([['error', 'linking-error', 'desktops', 4]]);
    });
});
