import { AstUtils, type AstNode } from 'langium';
import { PERIMETER_CATALOGUE } from '../../../catalogue/perimeter.js';
import { EDGE_SERVICE_TITLES } from '../../../catalogue/roles.js';
import type { PerimeterAddress } from '../../../catalogue/types.js';
import { portText } from '../../../model/effective-ports.js';
import { loadBalancingMode, poolFacts } from '../../../model/pool-facts.js';
import type { FirewallName } from '../../../rules/rule.js';
import { isEdgeServiceAddress, isPool, isReverseProxy, isServer, isVip, type Pool, type ReverseProxy, type Server, type Vip } from '../../generated/ast.js';
import type { Bilingual } from '../../l10n/locale.js';
import type { Markdown } from './markdown.js';
import { FIREWALL_TITLES, ruleRows } from './rule-rows.js';
import { firewallRulesOf, rulesAt } from './topology-rules.js';

/** An address of the perimeter, as a hover names it. */
interface Place {
    heading: Bilingual;
    address: string;
    faces: FirewallName;
    /** For Edge addresses: the pool, and which rows of its tables answer at the address. */
    edge?: { pool: Pool; rows: PerimeterAddress[]; at: 'server' | 'vip' };
}

/**
 * An Edge server's internal, external, service or NAT address, an Edge load balancer's
 * VIP, or a reverse proxy's address or listener: which firewall it faces and the rules
 * of this topology at it. `part` is the keyword or property under the cursor.
 */
export function perimeterHover(md: Markdown, node: AstNode, part: string | undefined): Markdown | undefined {
    const places = placesOf(node, part);
    if (places.length === 0) return undefined;
    const rules = firewallRulesOf(node);
    for (const place of places) {
        const faces = FIREWALL_TITLES[place.faces];
        md.heading(place.heading).say({ en: `Faces ${faces.en} (\`${place.faces}\`).`, ja: `${faces.ja}に面しています (\`${place.faces}\`)。` });
        const here = rulesAt(rules, place.address);
        if (here.length > 0) ruleRows(md, here, { faces: place.faces, topology: { uri: AstUtils.getDocument(node).uri.toString() } });
        else md.say({ en: 'No rule of this topology opens this address yet.', ja: 'このトポロジのルールで、このアドレスを開くものはまだありません。' });
        if (place.edge) optionsOff(md, place.edge);
    }
    return md;
}

function placesOf(node: AstNode, part: string | undefined): Place[] {
    if (isEdgeServiceAddress(node)) {
        const server = node.$container;
        const pool = edgePoolOf(server);
        if (!pool || node.address === undefined) return [];
        const title = EDGE_SERVICE_TITLES[node.service];
        return [{
            heading: { en: `${title.en} of Edge server ${server.name} (${node.address})`, ja: `エッジ サーバー ${server.name} の${title.ja} (${node.address})` },
            address: node.address,
            faces: 'perimeter-external',
            edge: { pool, rows: node.service === 'access' ? ['access', 'xmpp'] : [node.service], at: 'server' },
        }];
    }
    if (isServer(node)) return serverPlaces(node, part);
    if (isVip(node)) return vipPlaces(node);
    if (isReverseProxy(node)) return proxyPlaces(node, part);
    return [];
}

function edgePoolOf(server: Server): Pool | undefined {
    const owner = server.$container;
    return isPool(owner) && owner.role === 'edge' ? owner : undefined;
}

function serverPlaces(server: Server, part: string | undefined): Place[] {
    const pool = edgePoolOf(server);
    if (!pool) return [];
    const name = server.name;
    if (part === 'internal' && server.internal !== undefined) {
        return [{
            heading: { en: `Internal side of Edge server ${name} (${server.internal})`, ja: `エッジ サーバー ${name} の内部側 (${server.internal})` },
            address: server.internal,
            faces: 'perimeter-internal',
            edge: { pool, rows: ['internal'], at: 'server' },
        }];
    }
    if (part === 'external' && server.external !== undefined) {
        return [{
            heading: {
                en: `External address of Edge server ${name} (${server.external}): the Access, Web Conferencing and A/V Edge, each on a port of its own`,
                ja: `エッジ サーバー ${name} の外部アドレス (${server.external}): アクセス エッジ、Web 会議エッジ、A/V エッジがそれぞれ別のポートで使います`,
            },
            address: server.external,
            faces: 'perimeter-external',
            edge: { pool, rows: ['access', 'xmpp', 'webconf', 'av'], at: 'server' },
        }];
    }
    if (part === 'nat' && server.nat !== undefined) {
        const av = server.services.find((service) => service.service === 'av')?.address ?? server.external ?? '';
        return [{
            heading: { en: `NAT of Edge server ${name}: ${server.nat} stands for the A/V Edge ${av}`, ja: `エッジ サーバー ${name} の NAT: ${server.nat} は A/V エッジ ${av} を表します` },
            address: server.nat,
            faces: 'perimeter-external',
        }];
    }
    return [];
}

const VIP_TITLES: Record<string, Bilingual> = {
    internal: { en: 'Internal VIP', ja: '内部 VIP' },
    external: { en: 'External VIP (Access, Web Conferencing and A/V Edge)', ja: '外部 VIP (アクセス エッジ、Web 会議エッジ、A/V エッジ)' },
    access: { en: `${EDGE_SERVICE_TITLES.access.en} VIP`, ja: `${EDGE_SERVICE_TITLES.access.ja}の VIP` },
    webconf: { en: `${EDGE_SERVICE_TITLES.webconf.en} VIP`, ja: `${EDGE_SERVICE_TITLES.webconf.ja}の VIP` },
    av: { en: `${EDGE_SERVICE_TITLES.av.en} VIP`, ja: `${EDGE_SERVICE_TITLES.av.ja}の VIP` },
};

/** The VIP rows of each side: an external VIP alone serves the three services. */
const VIP_ROWS: Record<string, PerimeterAddress[]> = {
    internal: ['internal'],
    external: ['access', 'xmpp', 'webconf', 'av'],
    access: ['access', 'xmpp'],
    webconf: ['webconf'],
    av: ['av'],
};

function vipPlaces(vip: Vip): Place[] {
    const balancer = vip.$container;
    const pool = balancer.pool?.ref;
    if (!pool || pool.role !== 'edge' || vip.address === undefined) return [];
    // A VIP without a side is the Edge pool's internal one (see resolved-topology.ts).
    const side = vip.side ?? 'internal';
    const title = VIP_TITLES[side];
    return [{
        heading: {
            en: `${title.en} of load balancer ${balancer.name} for Edge pool ${pool.name} (${vip.address})`,
            ja: `エッジ プール ${pool.name} のロード バランサー ${balancer.name} の${title.ja} (${vip.address})`,
        },
        address: vip.address,
        faces: side === 'internal' ? 'perimeter-internal' : 'perimeter-external',
        edge: { pool, rows: VIP_ROWS[side], at: 'vip' },
    }];
}

/** The listener on `external` and its address; the inside on its address; both on its name. */
function proxyPlaces(proxy: ReverseProxy, part: string | undefined): Place[] {
    const inside: Place = {
        heading: { en: `Inside of reverse proxy ${proxy.name} (${proxy.address})`, ja: `リバース プロキシ ${proxy.name} の内部側 (${proxy.address})` },
        address: proxy.address,
        faces: 'perimeter-internal',
    };
    const listener: Place | undefined = proxy.external === undefined ? undefined : {
        heading: { en: `Internet-facing listener of reverse proxy ${proxy.name} (${proxy.external})`, ja: `リバース プロキシ ${proxy.name} のインターネット側のリスナー (${proxy.external})` },
        address: proxy.external,
        faces: 'perimeter-external',
    };
    if (part === 'external') return listener ? [listener] : [];
    if (part === 'address') return proxy.address === undefined ? [] : [inside];
    return [...(proxy.address === undefined ? [] : [inside]), ...(listener ? [listener] : [])];
}

/** One line for the rows at this place that `federation` or `xmpp` would add, when the pool lacks them. */
function optionsOff(md: Markdown, edge: NonNullable<Place['edge']>): void {
    const facts = poolFacts(edge.pool);
    const loadBalancing = loadBalancingMode(facts) === 'hardware' ? 'hardware' : 'dns-or-none';
    const off = { federation: facts.federations.length === 0, xmpp: facts.xmpps.length === 0 };
    const parts: Bilingual[] = [];
    for (const option of ['federation', 'xmpp'] as const) {
        if (!off[option]) continue;
        const rows = PERIMETER_CATALOGUE.filter(
            (entry) => entry.role === 'edge' && entry.condition === option && entry.loadBalancing === loadBalancing && entry.at === edge.at && edge.rows.includes(entry.address),
        );
        if (rows.length === 0) continue;
        const text = (inbound: string, outbound: string, comma: string) =>
            rows.map((entry) => `${portText(entry.from, entry.to)}/${entry.transport} ${entry.direction === 'inbound' ? inbound : outbound}`).join(comma);
        parts.push({ en: `with \`${option}\`, ${text('in', 'out', ', ')}`, ja: `\`${option}\` があれば ${text('受信', '送信', '、')}` });
    }
    if (parts.length === 0) return;
    md.say({ en: `Also here ${parts.map((p) => p.en).join('; ')}.`, ja: `ほかにここで開くもの: ${parts.map((p) => p.ja).join('。')}。` });
}
