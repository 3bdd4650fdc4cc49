import { EDGE_SERVICE_TITLES } from '../../../catalogue/roles.js';
import type { EndpointGroup, Endpoints, FirewallName, Rule } from '../../../rules/rule.js';
import type { Bilingual } from '../../l10n/locale.js';
import type { DocumentCommandArgs } from '../export/export-command-ids.js';
import { previewRulesTarget, type Markdown } from './markdown.js';

/** The three firewalls a rule can belong to (spec §2.1), as a network team knows them. */
export const FIREWALL_TITLES: Record<FirewallName, Bilingual> = {
    internal: { en: 'the internal firewall', ja: '内部ファイアウォール' },
    'perimeter-external': { en: 'the perimeter\'s external firewall, towards the Internet', ja: '境界ネットワークの外部ファイアウォール (インターネット側)' },
    'perimeter-internal': { en: 'the perimeter\'s internal firewall, towards the internal network', ja: '境界ネットワークの内部ファイアウォール (内部ネットワーク側)' },
};

const FIREWALL_ORDER: FirewallName[] = ['perimeter-external', 'perimeter-internal', 'internal'];

/** Rows shown per firewall: a reverse proxy publishes every Front End and Director pool, which can be hundreds. */
const MOST_ROWS = 12;

/**
 * Rules as tables, one per firewall (the firewall a place faces first, under the caption
 * the caller gave it): from, to, ports, transport, service and purpose. With NAT, the line
 * under the table says which public address the external firewall sees.
 */
export function ruleRows(md: Markdown, rules: Rule[], where: { faces?: FirewallName; topology: DocumentCommandArgs }): Markdown {
    const { faces } = where;
    const order = faces ? [faces, ...FIREWALL_ORDER.filter((f) => f !== faces)] : FIREWALL_ORDER;
    for (const firewall of order) {
        const all = rules.filter((rule) => rule.firewall === firewall);
        if (all.length === 0) continue;
        const here = all.slice(0, MOST_ROWS);
        const title = FIREWALL_TITLES[firewall];
        if (firewall !== faces) md.say({ en: `*On ${title.en} (\`${firewall}\`):*`, ja: `*${title.ja} (\`${firewall}\`):*` });
        md.table(
            [
                { en: 'From', ja: '送信元' },
                { en: 'To', ja: '宛先' },
                { en: 'Port', ja: 'ポート' },
                { en: 'Transport', ja: 'トランスポート' },
                { en: 'Service', ja: 'サービス' },
                { en: 'Purpose', ja: '用途' },
            ],
            here.map((rule) => [
                md.locale.pick(endpointName(rule.source, rule.sourceGroup, firewall)),
                md.locale.pick(endpointName(rule.destination, rule.destinationGroup, firewall)),
                rule.ports,
                rule.transport,
                rule.service,
                md.locale.pick(rule.purpose),
            ]),
        );
        if (all.length > here.length) {
            const more = all.length - here.length;
            const link = previewRulesTarget(where.topology);
            md.say({ en: `…and ${more} more: [Preview rules](${link}) lists them all.`, ja: `…ほかに ${more} 件。[ルールをプレビュー](${link}) ですべて表示します。` });
        }
        const translations = new Map(here.flatMap((rule) => rule.nat ?? []).map((t) => [`${t.address}/${t.public}`, t]));
        for (const { address, public: seen } of translations.values()) {
            md.say({
                en: `NAT: the external firewall sees ${address} as ${seen}, the address the Internet connects to.`,
                ja: `NAT: 外部ファイアウォールからは ${address} が ${seen} に見えます。インターネットからはこのアドレスに接続します。`,
            });
        }
    }
    return md;
}

/** What the topology calls a rule's end: its group, the Internet on the external firewall, else its addresses. */
function endpointName(endpoints: Endpoints, group: EndpointGroup | undefined, firewall: FirewallName): Bilingual {
    if (endpoints === 'any') return firewall === 'perimeter-external' ? { en: 'Internet', ja: 'インターネット' } : { en: 'any', ja: '任意' };
    const name = group?.name ?? '';
    switch (group?.kind) {
        case 'pool':
            return { en: `pool ${name}`, ja: `プール ${name}` };
        case 'load-balancer':
            return { en: `load balancer ${name}`, ja: `ロード バランサー ${name}` };
        case 'file-share':
            return { en: `file share ${name}`, ja: `ファイル共有 ${name}` };
        case 'reverse-proxy':
            return { en: `reverse proxy ${name}`, ja: `リバース プロキシ ${name}` };
        case 'reverse-proxies':
            return name ? { en: `reverse proxies of site ${name}`, ja: `サイト ${name} のリバース プロキシ` } : { en: 'reverse proxies', ja: 'リバース プロキシ' };
        case 'frontend-servers':
            return { en: 'Front End servers', ja: 'フロント エンド サーバー' };
        case 'gateways':
            return { en: `gateways of pool ${name}`, ja: `プール ${name} のゲートウェイ` };
        case 'clients':
            return { en: `clients of site ${name}`, ja: `サイト ${name} のクライアント` };
        case 'edge-access':
        case 'edge-webconf':
        case 'edge-av': {
            const service = EDGE_SERVICE_TITLES[group.kind.slice('edge-'.length) as 'access' | 'webconf' | 'av'];
            return { en: `${service.en} of pool ${name}`, ja: `プール ${name} の${service.ja}` };
        }
        default:
            return { en: endpoints.join(', '), ja: endpoints.join('、') };
    }
}
