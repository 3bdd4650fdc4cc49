import { describe, expect, it } from 'vitest';
import { check, diagnose, diagnoseOnly, site, summary } from '../../helpers.js';

const overrides = diagnoseOnly('unknown-service', 'port-override-collision', 'duplicate-statement', 'port-out-of-range');


const pool = (role: string, statements: string) => site(`  ${role} pool p { server a 10.0.0.1 ${statements} }`);

describe('a realistic topology', () => {
    it('has no diagnostics with ports moved to free numbers', async () => {
        const text = `topology Contoso
site Redmond {
  frontend pool fe01 {
    fqdn "fe01.contoso.com"
    server fe01a 10.0.1.11
    colocate mediation
    hosts cms
    port sip 5160
    port mediation 5090
    port web-external 8081
  }
  director pool dir01 {
    server dir01a 10.0.2.11
    port sip-tls 5161
  }
  mediation pool med01 {
    server med01a 10.0.3.11
    port mediation-gateway-tcp 5069
  }
  persistentchat pool pc01 {
    server pc01a 10.0.4.11
    port wcf 882
  }
}
`;
        expect(await diagnose(text)).toEqual([]);
    });
});

describe('the service of a port override', () => {
    it('suggests the service meant for a misspelled name, at the name', async () => {
        const found = await overrides(pool('frontend', 'port sip-tsl 5100'));
        expect(summary(found)).toEqual([['error', 'unknown-service', 'sip-tsl', 3]]);
        expect(found[0].message).toContain("A frontend pool has no service 'sip-tsl' with a fixed port; did you mean 'sip-tls'?");
        expect(found[0].message).toContain('Services of this pool: sql-browser, sip, sip-tls,');
    });

    it('rejects a service of another role', async () => {
        const found = await overrides(pool('director', 'port im-conferencing 5100'));
        expect(summary(found)).toEqual([['error', 'unknown-service', 'im-conferencing', 3]]);
        expect(found[0].message).toContain('Services of this pool: sql-browser, sip, web-internal-https, web-http, web-https, sip-tls.');
    });

    it('knows the collocated Mediation services only when the pool collocates Mediation', async () => {
        const found = await overrides(pool('frontend', 'port mediation 5090'));
        expect(summary(found)).toEqual([['error', 'unknown-service', 'mediation', 3]]);
        expect(await overrides(pool('frontend', 'colocate mediation port mediation 5090'))).toEqual([]);
    });

    it('knows the Master Replicator only on the pool that hosts the CMS', async () => {
        expect(summary(await overrides(pool('frontend', 'port master-replicator 4450')))).toEqual([['error', 'unknown-service', 'master-replicator', 3]]);
        expect(await overrides(pool('frontend', 'hosts cms port master-replicator 4450'))).toEqual([]);
    });

    it('says so when the role has no fixed ports at all', async () => {
        const found = await overrides(pool('exchangeum', 'port sip-tls 5100'));
        expect(summary(found)).toEqual([['error', 'unknown-service', 'sip-tls', 3]]);
        expect(found[0].message).toContain("no service 'sip-tls' with a fixed port. The catalogue lists no fixed server ports for this role.");
        expect(found[0].message).not.toContain('Services of this pool');
    });

    it('rejects a service moved twice, at the second statement', async () => {
        const found = await overrides(pool('frontend', 'port sip 5100 port sip 5200'));
        expect(summary(found)).toEqual([['error', 'duplicate-statement', 'port sip 5200', 3]]);
    });

    it('rejects a port number that does not exist', async () => {
        const found = await overrides(pool('frontend', 'port sip-tls 70000'));
        expect(summary(found)).toEqual([['error', 'port-out-of-range', '70000', 3]]);
    });
});

describe('collisions of a moved port', () => {
    it('rejects sip-tls on 5062, naming the IM Conferencing service, at the number', async () => {
        const found = await overrides(pool('frontend', 'port sip-tls 5062'));
        expect(summary(found)).toEqual([['error', 'port-override-collision', '5062', 3]]);
        expect(found[0].message).toBe('Moving sip-tls to port 5062 collides with im-conferencing (5062 TCP) on the same servers; choose a free port.');
    });

    it('rejects sip-tls inside the default audio media range', async () => {
        const found = await overrides(pool('director', 'port sip-tls 50000'));
        expect(summary(found)).toEqual([['error', 'port-override-collision', '50000', 3]]);
        expect(found[0].message).toContain('collides with audio media (49152-57500 TCP/UDP)');
    });

    it('rejects sip-tls inside the default media ranges of a Front End pool', async () => {
        const found = await overrides(pool('frontend', 'port sip-tls 50000'));
        expect(summary(found)).toEqual([['error', 'port-override-collision', '50000', 3]]);
        expect(found[0].message).toMatch(/collides with (audio|appsharing) media \(49152-/);
    });

    it('accepts a port the pool freed by moving its media ranges', async () => {
        expect(await overrides(pool('director', 'media audio 20000-29999 port sip-tls 50000'))).toEqual([]);
        expect(await overrides(pool('frontend', 'media audio 20000-29999 media appsharing 30000-39999 port sip-tls 50000'))).toEqual([]);
    });

    it('accepts a port freed by moving the service that held it', async () => {
        expect(await overrides(pool('frontend', 'port im-conferencing 5100 port sip-tls 5062'))).toEqual([]);
    });

    it('does not collide a TCP service with the UDP SQL Browser on 1434', async () => {
        expect(await overrides(pool('frontend', 'port sip-tls 1434'))).toEqual([]);
        expect(await overrides(pool('director', 'port sql-browser 5061'))).toEqual([]);
    });

    it('does collide a UDP service with the UDP audio media range', async () => {
        const found = await overrides(pool('director', 'port sql-browser 50000'));
        expect(summary(found)).toEqual([['error', 'port-override-collision', '50000', 3]]);
    });

    it('rejects a port of the collocated Mediation service only when Mediation is collocated', async () => {
        expect(await overrides(pool('frontend', 'port sip 5070'))).toEqual([]);
        const found = await overrides(pool('frontend', 'colocate mediation port sip 5070'));
        expect(summary(found)).toEqual([['error', 'port-override-collision', '5070', 3]]);
        expect(found[0].message).toContain('collides with mediation (5070 TCP)');
    });
});

describe('messages in Japanese', () => {
    it('suggests the service meant in Japanese when the locale is ja', async () => {
        const checked = await check(pool('frontend', 'hosts cms port sip-tsl 5100 port sip-tls 5062'), undefined, 'ja');
        const unknown = checked.diagnostics.find((d) => d.code === 'unknown-service');
        expect(unknown?.message).toContain("frontend プールには固定ポートを持つサービス 'sip-tsl' がありません。'sip-tls' ではありませんか?");
        const collision = checked.diagnostics.find((d) => d.code === 'port-override-collision');
        expect(collision?.message).toBe('sip-tls をポート 5062 に移すと、同じサーバーの im-conferencing (5062 TCP) と衝突します。空いているポートを選んでください。');
    });
});
