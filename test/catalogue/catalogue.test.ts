import { describe, it, expect } from 'vitest';
import { CATALOGUE } from '../../server/src/catalogue/catalogue.js';
import type { CatalogueEntry, CatalogueTable, IpsecEntry } from '../../server/src/catalogue/types.js';

const rows = (table: CatalogueTable): CatalogueEntry[] => CATALOGUE.filter((e) => e.table === table);

/** `role[/condition] from[-to] transport[ protocol]`, written by hand from the seed below. */
const sig = (e: CatalogueEntry): string => {
    const role = e.condition ? `${e.role}/${e.condition}` : e.role;
    const ports = e.from === e.to ? `${e.from}` : `${e.from}-${e.to}`;
    return `${role} ${ports} ${e.transport}${e.protocol ? ` ${e.protocol}` : ''}`;
};

const byId = (id: string): CatalogueEntry => {
    const e = CATALOGUE.find((x) => x.id === id);
    if (!e) throw new Error(`no entry ${id}`);
    return e;
};

describe('catalogue shape', () => {
    it('has every row of the five seed tables', () => {
        expect(rows('server')).toHaveLength(53);
        expect(rows('lb-hardware')).toHaveLength(20);
        expect(rows('lb-dns')).toHaveLength(6);
        expect(rows('client')).toHaveLength(12);
        expect(rows('ipsec')).toHaveLength(15);
        expect(CATALOGUE).toHaveLength(106);
    });

    it('keeps the tables in seed order', () => {
        const order: CatalogueTable[] = [];
        for (const e of CATALOGUE) if (order[order.length - 1] !== e.table) order.push(e.table);
        expect(order).toEqual(['server', 'lb-hardware', 'lb-dns', 'client', 'ipsec']);
    });

    it('has unique ids', () => {
        const ids = CATALOGUE.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[a-z-]+\.[a-z-]+(\.[a-z-]+)?\.[0-9a-z-]+$/);
        for (const e of CATALOGUE) expect(e.id.startsWith(`${e.table}.`)).toBe(true);
    });

    it('has sane port ranges and non-empty purposes', () => {
        for (const e of CATALOGUE) {
            expect(Number.isInteger(e.from) && Number.isInteger(e.to), e.id).toBe(true);
            expect(e.from, e.id).toBeGreaterThanOrEqual(1);
            expect(e.to, e.id).toBeLessThanOrEqual(65535);
            expect(e.from, e.id).toBeLessThanOrEqual(e.to);
            expect(e.service.trim(), e.id).not.toBe('');
            expect(e.purpose.en.trim(), e.id).not.toBe('');
            expect(e.purpose.ja.trim(), e.id).not.toBe('');
            expect(e.purpose.en, e.id).not.toBe(e.purpose.ja);
        }
    });

    it('only sets a condition on Front End rows', () => {
        for (const e of CATALOGUE) if (e.condition) expect(e.role, e.id).toBe('frontend');
    });
});

describe('server ports by role', () => {
    it('matches the seed row by row', () => {
        expect(rows('server').map(sig)).toEqual([
            'all-servers 1434 UDP',
            'frontend 5060 TCP',
            'frontend 5061 TCP TLS',
            'frontend 444 TCP HTTPS',
            'frontend 135 TCP DCOM/RPC',
            'frontend 5062 TCP',
            'frontend 8057 TCP TLS',
            'frontend 8058 TCP TLS',
            'frontend 5063 TCP',
            'frontend 57501-65535 TCP/UDP',
            'frontend 80 TCP HTTP',
            'frontend 443 TCP HTTPS',
            'frontend 8080 TCP HTTP',
            'frontend 4443 TCP HTTPS',
            'frontend 8060 TCP MTLS',
            'frontend 8061 TCP MTLS',
            'frontend 5086 TCP MTLS',
            'frontend 5087 TCP MTLS',
            'frontend 443 TCP HTTPS',
            'frontend 5064 TCP',
            'frontend 5072 TCP',
            'frontend/colocated-mediation 5070 TCP',
            'frontend/colocated-mediation 5067 TCP TLS',
            'frontend/colocated-mediation 5068 TCP',
            'frontend/colocated-mediation 5081 TCP',
            'frontend/colocated-mediation 5082 TCP TLS',
            'frontend 5065 TCP',
            'frontend 49152-65535 TCP',
            'frontend 5073 TCP',
            'frontend 5075 TCP',
            'frontend 5076 TCP',
            'frontend 5066 TCP',
            'frontend 5071 TCP',
            'frontend 8404 TCP MTLS',
            'frontend 5080 TCP',
            'frontend 445 TCP SMB',
            'frontend 448 TCP',
            'frontend/cms 445 TCP',
            'all-servers 1434 UDP',
            'internal-servers 49152-57500 TCP/UDP',
            'officewebapps 443 TCP',
            'director 5060 TCP',
            'director 444 TCP HTTPS',
            'director 80 TCP',
            'director 443 TCP HTTPS',
            'director 5061 TCP',
            'mediation 5070 TCP',
            'mediation 5067 TCP TLS',
            'mediation 5068 TCP',
            'mediation 5070 TCP MTLS',
            'persistentchat 5041 TCP MTLS',
            'persistentchat 881 TCP TLS/MTLS',
            'persistentchat 443 TCP TLS',
        ]);
    });

    it('Front End 5061 is TCP with TLS', () => {
        const e = rows('server').filter((x) => x.role === 'frontend' && !x.condition && x.from === 5061);
        expect(e).toHaveLength(1);
        expect(e[0]).toMatchObject({ to: 5061, transport: 'TCP', protocol: 'TLS' });
    });

    it('has the media ranges with their media kinds', () => {
        const media = rows('server').filter((x) => x.media !== undefined);
        expect(media.map((x) => [x.role, x.from, x.to, x.transport, x.media])).toEqual([
            ['frontend', 57501, 65535, 'TCP/UDP', 'video'],
            ['frontend', 49152, 65535, 'TCP', 'appsharing'],
            ['internal-servers', 49152, 57500, 'TCP/UDP', 'audio'],
        ]);
        expect(media.every((x) => x.protocol === undefined)).toBe(true);
    });

    it('marks the five collocated-Mediation rows', () => {
        const colo = rows('server').filter((x) => x.condition === 'colocated-mediation');
        expect(colo.map((x) => [x.role, x.from, x.transport, x.protocol ?? null])).toEqual([
            ['frontend', 5070, 'TCP', null],
            ['frontend', 5067, 'TCP', 'TLS'],
            ['frontend', 5068, 'TCP', null],
            ['frontend', 5081, 'TCP', null],
            ['frontend', 5082, 'TCP', 'TLS'],
        ]);
        expect(colo.every((x) => x.service === 'Mediation service')).toBe(true);
    });

    it('has the CMS row on TCP 445', () => {
        const cms = rows('server').filter((x) => x.condition === 'cms');
        expect(cms).toHaveLength(1);
        expect(cms[0]).toMatchObject({ role: 'frontend', from: 445, to: 445, transport: 'TCP' });
        expect(cms[0].protocol).toBeUndefined();
    });

    it('keeps duplicated seed rows as separate entries', () => {
        const sql = rows('server').filter((x) => x.role === 'all-servers' && x.from === 1434);
        expect(sql).toHaveLength(2);
        expect(sql.every((x) => x.transport === 'UDP' && x.service === 'SQL Browser')).toBe(true);
        const med = rows('server').filter((x) => x.role === 'mediation' && x.from === 5070);
        expect(med.map((x) => x.protocol ?? null)).toEqual([null, 'MTLS']);
    });

    it('names the services', () => {
        expect(byId('server.frontend.5066').service).toBe('Enhanced 9-1-1 gateway');
        expect(byId('server.frontend.443-web').service).toBe('Web Compatibility service');
        expect(byId('server.frontend.443-mobility').service).toBe('Mobility Services component');
        expect(byId('server.internal-servers.49152-57500').service).toBe('Media (various)');
        expect(byId('server.officewebapps.443')).toMatchObject({ service: 'Office Web Apps Server', transport: 'TCP' });
        expect(byId('server.officewebapps.443').protocol).toBeUndefined();
    });
});

describe('load balancer ports', () => {
    it('hardware load balancing only matches the seed', () => {
        expect(rows('lb-hardware').map(sig)).toEqual([
            'frontend 5061 TCP TLS',
            'frontend 444 TCP HTTPS',
            'frontend 135 TCP DCOM/RPC',
            'frontend 80 TCP HTTP',
            'frontend 8080 TCP',
            'frontend 443 TCP HTTPS',
            'frontend 4443 TCP HTTPS',
            'frontend 5072 TCP',
            'frontend 5073 TCP',
            'frontend 5075 TCP',
            'frontend 5076 TCP',
            'frontend 5071 TCP',
            'frontend 5080 TCP',
            'frontend 448 TCP',
            'mediation 5070 TCP',
            'frontend/colocated-mediation 5070 TCP',
            'director 443 TCP HTTPS',
            'director 444 TCP HTTPS',
            'director 5061 TCP',
            'director 4443 TCP HTTPS',
        ]);
    });

    it('hardware Mediation load balancer is port 5070 only', () => {
        expect(rows('lb-hardware').filter((x) => x.role === 'mediation').map((x) => x.from)).toEqual([5070]);
    });

    it('DNS load balancing: Front End 80, 443, 8080, 4443 and Director 443, 4443', () => {
        const fe = rows('lb-dns').filter((x) => x.role === 'frontend');
        const dir = rows('lb-dns').filter((x) => x.role === 'director');
        expect(fe.map((x) => x.from)).toEqual([80, 443, 8080, 4443]);
        expect(dir.map((x) => x.from)).toEqual([443, 4443]);
        expect(rows('lb-dns').map(sig)).toEqual([
            'frontend 80 TCP HTTP',
            'frontend 443 TCP HTTPS',
            'frontend 8080 TCP',
            'frontend 4443 TCP HTTPS',
            'director 443 TCP HTTPS',
            'director 4443 TCP HTTPS',
        ]);
    });
});

describe('client ports', () => {
    it('matches the seed row by row', () => {
        expect(rows('client').map((x) => `${sig(x)}${x.media ? ` [${x.media}]` : ''}`)).toEqual([
            'client 67-68 UDP DHCP',
            'client 443 TCP TLS',
            'client 443 TCP PSOM/TLS',
            'client 443 TCP STUN/MSTURN',
            'client 3478 UDP STUN/MSTURN',
            'client 5061 TCP MTLS',
            'client 6891-6901 TCP',
            'client 1024-65535 TCP/UDP [audio]',
            'client 1024-65535 TCP/UDP [video]',
            'client 1024-65535 TCP [filetransfer]',
            'client 1024-65535 TCP [appsharing]',
            'ip-phone 67-68 UDP DHCP',
        ]);
    });

    it('3478 is UDP STUN/MSTURN and 67-68 is UDP DHCP', () => {
        const stun = rows('client').filter((x) => x.from === 3478);
        expect(stun).toHaveLength(1);
        expect(stun[0]).toMatchObject({ to: 3478, transport: 'UDP', protocol: 'STUN/MSTURN' });
        const dhcp = rows('client').filter((x) => x.role === 'client' && x.from === 67);
        expect(dhcp).toHaveLength(1);
        expect(dhcp[0]).toMatchObject({ to: 68, transport: 'UDP', protocol: 'DHCP' });
    });
});

describe('IPsec exceptions', () => {
    const ipsec = rows('ipsec') as IpsecEntry[];

    it('matches the seed rule by rule', () => {
        expect(ipsec.map((x) => [x.direction, x.source, x.destination, x.transport, x.role])).toEqual([
            ['inbound', 'any', 'edge-internal', 'TCP/UDP', 'edge'],
            ['inbound', 'any', 'edge-external', 'TCP/UDP', 'edge'],
            ['outbound', 'edge-internal', 'any', 'TCP/UDP', 'edge'],
            ['outbound', 'edge-external', 'any', 'TCP/UDP', 'edge'],
            ['inbound', 'any', 'mediation', 'TCP/UDP', 'mediation'],
            ['outbound', 'mediation', 'any', 'TCP/UDP', 'mediation'],
            ['inbound', 'any', 'conferencing-attendant', 'TCP/UDP', 'frontend'],
            ['outbound', 'conferencing-attendant', 'any', 'TCP/UDP', 'frontend'],
            ['inbound', 'any', 'av-conferencing', 'TCP/UDP', 'frontend'],
            ['outbound', 'av-conferencing', 'any', 'TCP/UDP', 'frontend'],
            ['inbound', 'any', 'exchangeum', 'TCP/UDP', 'exchangeum'],
            ['inbound', 'any', 'appsharing', 'TCP', 'frontend'],
            ['outbound', 'appsharing', 'any', 'TCP', 'frontend'],
            ['outbound', 'exchangeum', 'any', 'TCP/UDP', 'exchangeum'],
            ['any', 'any', 'any', 'UDP', 'client'],
        ]);
    });

    it('covers every destination port and only the client rule uses the media source ports', () => {
        for (const x of ipsec) {
            expect([x.from, x.to, x.destinationPorts, x.protocol], x.id).toEqual([1, 65535, 'any', undefined]);
        }
        expect(ipsec.map((x) => x.sourcePorts)).toEqual([...Array(14).fill('any'), 'client-media']);
        expect(byId('ipsec.edge-internal.inbound').table).toBe('ipsec');
    });
});

describe('port keys', () => {
    const server = rows('server');
    const keyOf = (e: CatalogueEntry): string | undefined => ('key' in e ? e.key : undefined);
    /**
     * The namespace a key lives in: the row's role. Conditional Front End rows (collocated Mediation, CMS) have
     * role `frontend`, so they share the Front End namespace; the condition is deliberately ignored.
     */
    const namespace = (e: CatalogueEntry): string => e.role;

    it('gives every fixed-port server row a kebab-case key', () => {
        for (const e of server.filter((x) => x.from === x.to)) {
            expect(keyOf(e), e.id).toMatch(/^[a-z][a-z0-9-]*$/);
        }
    });

    it('gives no key to media ranges or to rows outside the server table', () => {
        const ranges = server.filter((x) => x.from !== x.to);
        expect(ranges.map((x) => x.id)).toEqual([
            'server.frontend.57501-65535',
            'server.frontend.49152-65535',
            'server.internal-servers.49152-57500',
        ]);
        for (const e of ranges) expect(keyOf(e), e.id).toBeUndefined();
        for (const e of CATALOGUE.filter((x) => x.table !== 'server')) expect(keyOf(e), e.id).toBeUndefined();
    });

    it('keeps keys unique per role; rows sharing a key are the same port of the same service', () => {
        const seen = new Map<string, CatalogueEntry>();
        for (const e of server) {
            const key = keyOf(e);
            if (key === undefined) continue;
            const first = seen.get(`${namespace(e)} ${key}`);
            if (first) {
                expect([e.from, e.to, e.service], `${e.id} shares ${key} with ${first.id}`)
                    .toEqual([first.from, first.to, first.service]);
            } else {
                seen.set(`${namespace(e)} ${key}`, e);
            }
        }
        const shared = server.filter((e) => {
            const key = keyOf(e);
            return key !== undefined && server.some((o) => o !== e && o.role === e.role && keyOf(o) === key);
        });
        expect(shared.map((e) => e.id)).toEqual([
            'server.all-servers.1434',
            'server.all-servers.1434-2',
            'server.mediation.5070',
            'server.mediation.5070-2',
        ]);
    });

    it('reserves the all-servers keys: no role reuses them', () => {
        const global = new Set(server.filter((e) => e.role === 'all-servers').map(keyOf));
        expect([...global]).toEqual(['sql-browser']);
        for (const e of server.filter((x) => x.role !== 'all-servers')) {
            expect(global.has(keyOf(e)), e.id).toBe(false);
        }
    });

    it('puts the conditional Front End rows in the Front End namespace', () => {
        const fe = server.filter((e) => e.role === 'frontend' && keyOf(e) !== undefined);
        expect(fe.some((e) => e.condition === 'colocated-mediation')).toBe(true);
        expect(fe.some((e) => e.condition === 'cms')).toBe(true);
        const keys = fe.map(keyOf);
        expect(new Set(keys).size).toBe(keys.length);
    });

    it('names the well-known ports', () => {
        const port = (role: string, key: string): number[] =>
            server.filter((e) => e.role === role && keyOf(e) === key).map((e) => e.from);
        expect(port('frontend', 'sip')).toEqual([5060]);
        expect(port('frontend', 'sip-tls')).toEqual([5061]);
        expect(port('frontend', 'web-internal-https')).toEqual([444]);
        expect(port('frontend', 'web-https')).toEqual([443]);
        expect(port('frontend', 'mobility-https')).toEqual([443]);
        expect(port('frontend', 'web-reverse-proxy')).toEqual([4443]);
        expect(port('frontend', 'web-mtls-8061')).toEqual([8061]);
        expect(port('frontend', 'mobility-sip-5086')).toEqual([5086]);
        expect(port('frontend', 'mediation')).toEqual([5070]);
        expect(port('frontend', 'file-share')).toEqual([445]);
        expect(port('frontend', 'master-replicator')).toEqual([445]);
        expect(port('director', 'sip-tls')).toEqual([5061]);
        expect(port('director', 'web-internal-https')).toEqual([444]);
        expect(port('mediation', 'mediation')).toEqual([5070, 5070]);
        expect(port('mediation', 'mediation-gateway-tls')).toEqual([5067]);
        expect(port('persistentchat', 'sip')).toEqual([5041]);
        expect(port('persistentchat', 'wcf')).toEqual([881]);
        expect(port('officewebapps', 'https')).toEqual([443]);
        expect(port('all-servers', 'sql-browser')).toEqual([1434, 1434]);
        expect(byId('server.frontend.cms.445')).toMatchObject({ condition: 'cms', key: 'master-replicator' });
        expect(byId('server.frontend.colocated-mediation.5082')).toMatchObject({ key: 'mediation-to-gateway-tls' });
    });
});
