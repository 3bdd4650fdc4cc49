import { describe, expect, it } from 'vitest';
import { PERIMETER_CATALOGUE } from '../../server/src/catalogue/perimeter.js';
import { cmsReplicationEntries } from '../../server/src/catalogue/queries.js';
import { ALL_CATALOGUE_ROWS, CATALOGUE_TABLES } from '../../server/src/catalogue/tables.js';
import type { PerimeterEntry, PerimeterTable } from '../../server/src/catalogue/types.js';

const rows = (table: PerimeterTable): PerimeterEntry[] => PERIMETER_CATALOGUE.filter((e) => e.table === table);

// How the documentation's tables name each end of a row.
const ADDRESS: Record<PerimeterEntry['address'], string> = {
    access: 'Access Edge',
    webconf: 'Web Conferencing Edge',
    av: 'A/V Edge',
    xmpp: 'XMPP Proxy',
    internal: 'internal interface',
    external: 'reverse proxy listener',
};
const PEER: Record<PerimeterEntry['peer'], string> = {
    any: 'Any',
    'next-hop': 'Director or Front End pool',
    'frontend-servers': 'Front End servers',
    'xmpp-gateway': 'Front End running the XMPP Gateway',
    cms: 'Front End pool holding the CMS',
    'web-services': 'Front End and Director pools',
    officewebapps: 'Office Web Apps',
};

/** `TRANSPORT PORTS SOURCE -> DESTINATION [condition]`, as a row of the documentation reads. */
const sig = (e: PerimeterEntry): string => {
    const ports = e.from === e.to ? `${e.from}` : `${e.from}-${e.to}`;
    const [source, destination] = e.direction === 'inbound' ? [PEER[e.peer], ADDRESS[e.address]] : [ADDRESS[e.address], PEER[e.peer]];
    return `${e.transport} ${ports} ${source} -> ${destination}${e.condition ? ` [${e.condition}]` : ''}`;
};

// Written by hand from "Edge Server environmental requirements in Skype for Business Server",
// section "Port and firewall planning", one line per table row in the page's order.
describe('the Edge tables, row by row', () => {
    it('External port firewall summary table', () => {
        expect(rows('edge-external').map(sig)).toEqual([
            'TCP 5269 Any -> XMPP Proxy [xmpp]',
            'TCP 80 Access Edge -> Any',
            'TCP 53 Access Edge -> Any',
            'UDP 53 Access Edge -> Any',
            'TCP 443 Any -> Access Edge',
            'TCP 5061 Any -> Access Edge [federation]',
            'TCP 5061 Access Edge -> Any [federation]',
            'TCP 443 Any -> Web Conferencing Edge',
            'TCP 50000-59999 A/V Edge -> Any',
            'UDP 50000-59999 A/V Edge -> Any',
            'UDP 3478 A/V Edge -> Any',
            'UDP 3478 Any -> A/V Edge',
            'TCP 443 Any -> A/V Edge',
            'TCP 443 A/V Edge -> Any',
        ]);
    });

    it('Internal port firewall summary table', () => {
        expect(rows('edge-internal').map(sig)).toEqual([
            'TCP 23456 Front End running the XMPP Gateway -> internal interface [xmpp]',
            'TCP 5061 Director or Front End pool -> internal interface',
            'TCP 5061 internal interface -> Director or Front End pool',
            'TCP 8057 Front End servers -> internal interface',
            'TCP 5062 Front End servers -> internal interface',
            'UDP 3478 Any -> internal interface',
            'TCP 443 Any -> internal interface',
            'TCP 4443 Front End pool holding the CMS -> internal interface',
            'TCP 50001 Any -> internal interface',
            'TCP 50002 Any -> internal interface',
            'TCP 50003 Any -> internal interface',
        ]);
    });

    it('hardware load balancers: External port firewall summary table (each server)', () => {
        expect(rows('edge-hlb-external').map(sig)).toEqual([
            'TCP 80 Access Edge -> Any',
            'TCP 53 Access Edge -> Any',
            'UDP 53 Access Edge -> Any',
            'TCP 50000-59999 A/V Edge -> Any',
            'UDP 50000-59999 A/V Edge -> Any',
            'UDP 3478 A/V Edge -> Any',
            'UDP 3478 Any -> A/V Edge',
            'TCP 443 Any -> A/V Edge',
            'TCP 443 A/V Edge -> Any',
        ]);
    });

    it('hardware load balancers: Internal port firewall summary table (each server)', () => {
        expect(rows('edge-hlb-internal').map(sig)).toEqual([
            'TCP 23456 Front End running the XMPP Gateway -> internal interface [xmpp]',
            'TCP 4443 Front End pool holding the CMS -> internal interface',
            'TCP 8057 Front End servers -> internal interface',
            'UDP 3478 Front End servers -> internal interface',
            'TCP 443 Front End servers -> internal interface',
            'TCP 50001 Any -> internal interface',
            'TCP 50002 Any -> internal interface',
            'TCP 50003 Any -> internal interface',
        ]);
    });

    it('hardware load balancers: External interface Virtual IPs', () => {
        expect(rows('edge-vip-external').map(sig)).toEqual([
            'TCP 5269 Any -> XMPP Proxy [xmpp]',
            'TCP 5269 XMPP Proxy -> Any [xmpp]',
            'TCP 443 Any -> Access Edge',
            'TCP 5061 Any -> Access Edge [federation]',
            'TCP 5061 Access Edge -> Any [federation]',
            'TCP 443 Any -> Web Conferencing Edge',
            'UDP 3478 Any -> A/V Edge',
            'TCP 443 Any -> A/V Edge',
        ]);
    });

    it('hardware load balancers: Internal interface Virtual IPs', () => {
        expect(rows('edge-vip-internal').map(sig)).toEqual([
            'TCP 5061 Director or Front End pool -> internal interface',
            'TCP 5061 internal interface -> Director or Front End pool',
            'TCP 5062 Front End servers -> internal interface',
            'UDP 3478 Any -> internal interface',
            'TCP 443 Any -> internal interface',
        ]);
    });

    it('names the application protocols the tables give', () => {
        const protocols = (table: PerimeterTable) => rows(table).map((e) => e.protocol);
        expect(protocols('edge-external')).toEqual([
            'XMPP', 'HTTP', 'DNS', 'DNS', 'TLS', 'MTLS', 'MTLS', 'PSOM/TLS', 'RTP', 'RTP', 'STUN/MSTURN', 'STUN/MSTURN', 'STUN/MSTURN', 'STUN/MSTURN',
        ]);
        expect(protocols('edge-internal')).toEqual([
            'XMPP/MTLS', 'MTLS', 'MTLS', 'PSOM/MTLS', 'MTLS', 'STUN/MSTURN', 'STUN/MSTURN', 'HTTPS', 'MTLS', 'MTLS', 'MTLS',
        ]);
    });

    it('says which Edge service each row belongs to, and where the table applies', () => {
        expect(rows('edge-external').map((e) => e.address)).toEqual(['xmpp', ...Array(6).fill('access'), 'webconf', ...Array(6).fill('av')]);
        for (const e of PERIMETER_CATALOGUE.filter((x) => x.role === 'edge')) {
            const hardware = e.table.startsWith('edge-hlb-') || e.table.startsWith('edge-vip-');
            expect([e.loadBalancing, e.at], e.id).toEqual([hardware ? 'hardware' : 'dns-or-none', e.table.startsWith('edge-vip-') ? 'vip' : 'server']);
            expect(e.document, e.id).toBe('Skype/SfbServer/plan-your-deployment/edge-server-deployments/edge-environmental-requirements.md');
        }
    });

    it('moves the Access and Web Conferencing Edge off 443 when the three services share one address', () => {
        // Topology Builder's recommendation: Access Edge 444, Web Conferencing Edge 8057, A/V Edge 443.
        for (const table of ['edge-external', 'edge-vip-external'] as const) {
            const listening = rows(table).filter((e) => e.direction === 'inbound' && e.transport === 'TCP' && e.from === 443);
            expect(listening.map((e) => [e.address, e.singleAddressPort?.port ?? e.from])).toEqual([
                ['access', 444],
                ['webconf', 8057],
                ['av', 443],
            ]);
        }
        const moved = PERIMETER_CATALOGUE.filter((e) => e.singleAddressPort);
        expect(moved.map((e) => e.singleAddressPort!.document)).toEqual(Array(4).fill('Skype/SfbServer/help-topics/2019/topobld/ms.lync.tb.AddEdgeServerFqdnsPage.md'));
    });
});

// Written by hand from the Lync Server 2013 "Port summary - Reverse proxy" page: its external
// interface table, then its internal interface table.
describe('the reverse proxy table', () => {
    it('matches the port summary row by row', () => {
        expect(rows('reverse-proxy').map((e) => `${e.protocol}/${sig(e)}`)).toEqual([
            'HTTP/TCP 80 Any -> reverse proxy listener [optional]',
            'HTTPS/TCP 443 Any -> reverse proxy listener',
            'HTTP/TCP 8080 internal interface -> Front End and Director pools [optional]',
            'HTTPS/TCP 4443 internal interface -> Front End and Director pools',
            'HTTPS/TCP 443 internal interface -> Office Web Apps',
        ]);
        for (const e of rows('reverse-proxy')) {
            expect([e.role, e.document], e.id).toEqual(['reverseproxy', 'Lync/LyncServer/lync-server-2013-port-summary-reverse-proxy.md']);
        }
    });
});

describe('perimeter catalogue shape', () => {
    it('keeps every row in a table of its own, after the seed tables', () => {
        expect(CATALOGUE_TABLES.map((t) => t.table)).toEqual([
            'server', 'lb-hardware', 'lb-dns', 'client', 'ipsec',
            'edge-external', 'edge-internal', 'edge-hlb-external', 'edge-hlb-internal', 'edge-vip-external', 'edge-vip-internal', 'reverse-proxy',
        ]);
        const counts = Object.fromEntries(CATALOGUE_TABLES.slice(5).map(({ table }) => [table, rows(table as PerimeterTable).length]));
        expect(counts).toEqual({
            'edge-external': 14, 'edge-internal': 11, 'edge-hlb-external': 9, 'edge-hlb-internal': 8, 'edge-vip-external': 8, 'edge-vip-internal': 5, 'reverse-proxy': 5,
        });
        expect(PERIMETER_CATALOGUE).toHaveLength(60);
    });

    it('has ids unique across the whole catalogue, each naming its table', () => {
        const ids = ALL_CATALOGUE_ROWS.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const e of PERIMETER_CATALOGUE) expect(e.id, e.id).toMatch(new RegExp(`^${e.table}\\.${e.address}\\.${e.transport.toLowerCase()}\\.${e.from}(-${e.to})?\\.(in|out)$`));
    });

    it('has one transport per row and purposes in both languages', () => {
        for (const e of PERIMETER_CATALOGUE) {
            expect(['TCP', 'UDP'], e.id).toContain(e.transport);
            expect(e.id.endsWith(e.direction === 'inbound' ? '.in' : '.out'), e.id).toBe(true);
            expect(e.purpose.en.trim(), e.id).not.toBe('');
            expect(e.purpose.ja.trim(), e.id).not.toBe('');
            expect(e.purpose.en, e.id).not.toBe(e.purpose.ja);
        }
    });
});

describe('how the Central Management Store reaches a role', () => {
    it('replicates to the Edge over HTTPS 4443 from the per-server table of its load balancing', () => {
        expect(cmsReplicationEntries('edge', undefined).map((e) => e.id)).toEqual(['edge-internal.internal.tcp.4443.in']);
        expect(cmsReplicationEntries('edge', 'dns').map((e) => e.id)).toEqual(['edge-internal.internal.tcp.4443.in']);
        expect(cmsReplicationEntries('edge', 'hardware').map((e) => e.id)).toEqual(['edge-hlb-internal.internal.tcp.4443.in']);
    });

    it('leaves the internal roles to the seed\'s Master Replicator row', () => {
        for (const role of ['frontend', 'director', 'mediation', 'persistentchat'] as const) expect(cmsReplicationEntries(role, undefined)).toEqual([]);
    });
});
