import { isPool, type EdgeServiceAddress, type Pool, type ReverseProxy, type Server, type Site } from '../generated/ast.js';
import { ipv4ToNumber, normaliseIpv4 } from '../../net/ipv4.js';
import { loadBalancingMode, nextHopOf, poolFacts } from '../../model/pool-facts.js';
import { withArticle } from '../l10n/english.js';
import { IssueCodes } from './issue-codes.js';
import { reportRepeats } from './pools.js';
import type { Reporter } from './report.js';
import { declaredSubnets } from './subnets.js';
import { addressOwner, nodesOfSite } from './topology-contents.js';

const SERVICES = ['access', 'webconf', 'av'] as const;

/** The words for the statements only Edge pools take. */
const EDGE_ONLY = {
    NextHop: '`nexthop`',
    Federation: '`federation`',
    Xmpp: '`xmpp`',
} as const;

/**
 * An Edge pool's perimeter statements: where it hands SIP (`nexthop`, which may name a
 * pool of another site), the form of its servers' external addresses, and what hardware
 * load balancing demands of them.
 */
export function checkPerimeterPool(pool: Pool, report: Reporter): void {
    const facts = poolFacts(pool);
    for (const repeated of [facts.nextHops, facts.federations, facts.xmpps]) reportRepeats(repeated, report);
    if (facts.role !== 'edge') {
        for (const statement of [...facts.nextHops, ...facts.federations, ...facts.xmpps]) {
            const option = EDGE_ONLY[statement.$type];
            report('error', IssueCodes.OptionNotForRole, {
                en: `${option} applies only to edge pools; ${pool.name} is ${withArticle(pool.role)} pool. Remove it.`,
                ja: `${option} は edge プールだけに書けます。${pool.name} は ${pool.role} プールです。削除してください。`,
            }, { node: statement });
        }
        return;
    }
    const stated = facts.nextHops[0];
    const target = stated?.pool?.ref;
    if (target && target.role !== 'director' && target.role !== 'frontend') {
        report('error', IssueCodes.NextHopRole, {
            en: `An Edge pool hands SIP to a director or frontend pool; ${target.name} is ${withArticle(target.role)} pool.`,
            ja: `エッジ プールが SIP を渡す先は director プールか frontend プールです。${target.name} は ${target.role} プールです。`,
        }, { node: stated, property: 'pool' });
    }
    if (!stated) {
        const taken = nextHopOf(facts);
        if (taken) {
            const which = taken.pool.role === 'director' ? { en: 'Director', ja: 'ディレクター' } : { en: 'Front End', ja: 'フロントエンド' };
            report('info', IssueCodes.ImplicitNextHop, {
                en: `Edge pool ${pool.name} has no \`nexthop\`: it hands SIP to ${taken.pool.role} pool ${taken.pool.name}, its site's first ${which.en} pool. Write \`nexthop ${taken.pool.name}\` to make that explicit.`,
                ja: `エッジ プール ${pool.name} に \`nexthop\` がありません。SIP はサイトの最初の${which.ja} プールである ${taken.pool.role} プール ${taken.pool.name} に渡します。明示するには \`nexthop ${taken.pool.name}\` と書きます。`,
            }, { node: pool, property: 'name', data: { pool: taken.pool.name } });
        } else {
            report('warning', IssueCodes.NextHopMissing, {
                en: `Edge pool ${pool.name} has no \`nexthop\`, and its site has no director or frontend pool to hand SIP to. Add \`nexthop POOL\`.`,
                ja: `エッジ プール ${pool.name} に \`nexthop\` がなく、サイトには SIP を渡せる director プールも frontend プールもありません。\`nexthop POOL\` を追加してください。`,
            }, { node: pool, property: 'name' });
        }
    }
    checkAddressForms(facts.servers, report);
    if (loadBalancingMode(facts) === 'hardware') checkPublicAddresses(pool, facts.servers, report);
}

/** One form of external addresses per pool: a single `external`, or `access`, `webconf` and `av`. */
function checkAddressForms(servers: Server[], report: Reporter): void {
    const formOf = (server: Server) => (server.services.length > 0 ? 'three' : server.external !== undefined ? 'single' : undefined);
    const first = servers.find((server) => formOf(server) !== undefined);
    if (!first) return;
    const form = formOf(first);
    for (const server of servers) {
        const other = formOf(server);
        if (other === undefined || other === form) continue;
        report('error', IssueCodes.EdgeAddressFormsMixed, form === 'single'
            ? {
                  en: `Server ${server.name} has an address per service, but server ${first.name} of the same pool has one \`external\` address; the servers of an Edge pool use one form.`,
                  ja: `サーバー ${server.name} はサービスごとのアドレスを持ちますが、同じプールのサーバー ${first.name} は \`external\` アドレス 1 つです。エッジ プールのサーバーは同じ形式にそろえます。`,
              }
            : {
                  en: `Server ${server.name} has one \`external\` address, but server ${first.name} of the same pool has an address per service; the servers of an Edge pool use one form.`,
                  ja: `サーバー ${server.name} は \`external\` アドレス 1 つですが、同じプールのサーバー ${first.name} はサービスごとのアドレスを持ちます。エッジ プールのサーバーは同じ形式にそろえます。`,
              }, { node: server, property: 'name' });
    }
}

/** RFC 1918 private networks. */
const PRIVATE_NETWORKS: Array<[number, number]> = [
    [ipv4ToNumber('10.0.0.0'), 8],
    [ipv4ToNumber('172.16.0.0'), 12],
    [ipv4ToNumber('192.168.0.0'), 16],
];

export function isPrivateAddress(text: string): boolean {
    if (normaliseIpv4(text) === undefined) return false;
    const address = ipv4ToNumber(text);
    return PRIVATE_NETWORKS.some(([network, prefix]) => Math.floor(address / 2 ** (32 - prefix)) === Math.floor(network / 2 ** (32 - prefix)));
}

/** With hardware load balancing every external Edge address is public, and there is no NAT. */
function checkPublicAddresses(pool: Pool, servers: Server[], report: Reporter): void {
    for (const server of servers) {
        if (server.nat !== undefined) {
            report('error', IssueCodes.EdgeNatWithHardwareLoadBalancing, {
                en: `Edge pool ${pool.name} uses hardware load balancing, where every external address is public: NAT is only supported with DNS load balancing. Remove \`nat ${server.nat}\` and give server ${server.name} public addresses.`,
                ja: `エッジ プール ${pool.name} はハードウェア負荷分散を使います。この場合、外部アドレスはすべてパブリックで、NAT は DNS 負荷分散でのみサポートされます。\`nat ${server.nat}\` を削除し、サーバー ${server.name} にパブリック アドレスを割り当ててください。`,
            }, { node: server, property: 'nat' });
        }
        const external: Array<{ node: Server | EdgeServiceAddress; property: 'external' | 'address'; text: string }> = [];
        if (server.external !== undefined) external.push({ node: server, property: 'external', text: server.external });
        for (const service of server.services) if (service.address !== undefined) external.push({ node: service, property: 'address', text: service.address });
        for (const { node, property, text } of external) {
            if (!isPrivateAddress(text)) continue;
            const owner = addressOwner(node, property);
            report('error', IssueCodes.EdgePrivateExternalAddress, {
                en: `The external address ${text} of ${owner.en} is private (RFC 1918), but Edge pool ${pool.name} uses hardware load balancing, where every external address must be public.`,
                ja: `${owner.ja} の外部アドレス ${text} はプライベート アドレス (RFC 1918) です。エッジ プール ${pool.name} はハードウェア負荷分散を使うため、外部アドレスはすべてパブリックでなければなりません。`,
            }, { node, property });
        }
    }
}

/** The three-address form names each of `access`, `webconf` and `av` once, instead of `external`. */
export function checkEdgeServiceAddresses(server: Server, report: Reporter): void {
    if (server.services.length === 0) return;
    const owner = server.$container;
    if (!isPool(owner) || owner.role !== 'edge') return; // server-address-shape says the rest
    if (server.external !== undefined) {
        report('error', IssueCodes.EdgeServiceAddresses, {
            en: `Server ${server.name} has both \`external\` and per-service addresses; write either one \`external\` address or \`access\`, \`webconf\` and \`av\` addresses.`,
            ja: `サーバー ${server.name} に \`external\` とサービスごとのアドレスの両方があります。\`external\` アドレス 1 つか、\`access\`、\`webconf\`、\`av\` のアドレスのどちらかにしてください。`,
        }, { node: server, property: 'external' });
    }
    const seen = new Set<string>();
    for (const service of server.services) {
        if (seen.has(service.service)) {
            report('error', IssueCodes.EdgeServiceAddresses, {
                en: `Server ${server.name} already has an \`${service.service}\` address; each Edge service has one.`,
                ja: `サーバー ${server.name} には既に \`${service.service}\` のアドレスがあります。エッジのサービスごとにアドレスは 1 つです。`,
            }, { node: service, property: 'service' });
        }
        seen.add(service.service);
    }
    const missing = SERVICES.filter((service) => !seen.has(service));
    if (missing.length > 0) {
        const list = missing.map((service) => `\`${service} ADDRESS\``).join(', ');
        report('error', IssueCodes.EdgeServiceAddresses, {
            en: `Server ${server.name} lacks ${list}: with an address per service, the Access, Web Conferencing and A/V Edge each need one.`,
            ja: `サーバー ${server.name} に ${list} がありません。サービスごとのアドレスでは、アクセス エッジ、Web 会議エッジ、A/V エッジのそれぞれにアドレスが必要です。`,
        }, { node: server, property: 'name', data: { missing } });
    }
}

/** External and NAT addresses of an Edge server face the Internet: never inside the site's own subnets. */
export function checkEdgeExternalSubnets(site: Site, report: Reporter): void {
    const subnets = declaredSubnets(site);
    if (subnets.length === 0) return;
    for (const node of nodesOfSite(site)) {
        if (node.$type !== 'Server') continue;
        const server = node as Server;
        const pool = server.$container;
        if (!isPool(pool) || pool.role !== 'edge') continue;
        const uses: Array<{ node: Server | EdgeServiceAddress; property: 'external' | 'nat' | 'address'; text: string | undefined }> = [
            { node: server, property: 'external', text: server.external },
            ...server.services.map((service) => ({ node: service, property: 'address' as const, text: service.address })),
            { node: server, property: 'nat', text: server.nat },
        ];
        for (const { node: at, property, text } of uses) {
            if (text === undefined || normaliseIpv4(text) === undefined) continue;
            const address = ipv4ToNumber(text);
            const inside = subnets.find(({ network }) => network.first <= address && address <= network.last);
            if (!inside) continue;
            const owner = addressOwner(at, property);
            report('error', IssueCodes.EdgeExternalInSubnet, {
                en: `The address ${text} of ${owner.en} faces the Internet, but it is inside subnet ${inside.subnet.name} (${inside.network.text}) of site ${site.name}; an Edge server's external and NAT addresses belong to the perimeter network.`,
                ja: `${owner.ja} のアドレス ${text} はインターネット側のアドレスですが、サイト ${site.name} のサブネット ${inside.subnet.name} (${inside.network.text}) の中にあります。エッジ サーバーの外部アドレスと NAT アドレスは境界ネットワークに置きます。`,
            }, { node: at, property });
        }
    }
}

/** A reverse proxy without `external` is only a target of internal rules. */
export function checkReverseProxyExternal(proxy: ReverseProxy, report: Reporter): void {
    if (proxy.external !== undefined) return;
    report('info', IssueCodes.ReverseProxyWithoutExternal, {
        en: `Reverse proxy ${proxy.name} has no \`external ADDRESS\`, so it gets no Internet-facing rule; add one to export the rule that publishes the web services.`,
        ja: `リバース プロキシ ${proxy.name} に \`external ADDRESS\` がないため、インターネット側のルールは作られません。Web サービスを公開するルールを出力するには追加してください。`,
    }, { node: proxy, property: 'name' });
}
