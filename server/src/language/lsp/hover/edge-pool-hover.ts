import { AstUtils } from 'langium';
import { loadBalancersOf } from '../../../model/pool-facts.js';
import type { LoadBalancingMode } from '../../../catalogue/queries.js';
import type { PerimeterEntry } from '../../../catalogue/types.js';
import { isSite, type Federation, type NextHop, type Pool, type Xmpp } from '../../generated/ast.js';
import { withArticle } from '../../l10n/english.js';
import type { Markdown } from './markdown.js';
import { ruleRows } from './rule-rows.js';
import { firewallRulesOf, rowOf, touchesPool } from './topology-rules.js';

/**
 * An Edge pool's `nexthop`, `federation` and `xmpp`: what each says, and the rules of this
 * topology it brings, between the Edge pool (its servers, services and load balancers)
 * and its peers.
 */
export function edgeOptionHover(md: Markdown, statement: NextHop | Federation | Xmpp): Markdown {
    const pool = statement.$container;
    if (pool.role !== 'edge') {
        const word = statement.$type === 'NextHop' ? 'nexthop' : statement.$type === 'Federation' ? 'federation' : 'xmpp';
        return md.heading(`\`${word}\``).say({
            en: `Applies only to edge pools; ${pool.name} is ${withArticle(pool.role)} pool.`,
            ja: `edge プールだけに書けます。${pool.name} は ${pool.role} プールです。`,
        });
    }
    switch (statement.$type) {
        case 'NextHop':
            return nextHopHover(md, statement, pool);
        case 'Federation':
            md.heading({ en: `SIP federation through Edge pool ${pool.name}`, ja: `エッジ プール ${pool.name} による SIP フェデレーション` }).say({
                en: 'The Access Edge exchanges SIP with federated partners and public IM providers:',
                ja: 'アクセス エッジがフェデレーションの相手やパブリック IM のプロバイダーと SIP をやり取りします:',
            });
            rulesOfPool(md, pool, (row) => row.condition === 'federation');
            if (!pool.statements.some((s) => s.$type === 'Xmpp')) {
                md.say({ en: 'Also: `xmpp` adds XMPP federation (Skype for Business Server 2015 only).', ja: 'ほかに: `xmpp` で XMPP フェデレーションを追加します (Skype for Business Server 2015 のみ)。' });
            }
            return md;
        case 'Xmpp':
            md.heading({ en: `XMPP federation through Edge pool ${pool.name}`, ja: `エッジ プール ${pool.name} による XMPP フェデレーション` }).say({
                en: 'The XMPP Proxy listens on the Access Edge\'s external address, and the XMPP Gateway on the Front End servers hands it traffic. Skype for Business Server 2015 only: 2019 has no XMPP.',
                ja: 'XMPP プロキシはアクセス エッジの外部アドレスで待ち受け、フロント エンド サーバーの XMPP ゲートウェイが通信を渡します。Skype for Business Server 2015 のみで、2019 には XMPP はありません。',
            });
            return rulesOfPool(md, pool, (row) => row.condition === 'xmpp');
    }
}

function nextHopHover(md: Markdown, statement: NextHop, pool: Pool): Markdown {
    const target = statement.pool?.ref;
    if (!target) {
        const name = statement.pool?.$refText ?? '';
        return md.heading({ en: `Next hop ${name}`, ja: `ネクスト ホップ ${name}` }).say({ en: 'No pool of this name.', ja: 'この名前のプールはありません。' });
    }
    const site = isSite(target.$container) ? target.$container.name : '';
    md.heading({
        en: `Next hop of Edge pool ${pool.name}: ${target.role} pool ${target.name} (site ${site})`,
        ja: `エッジ プール ${pool.name} のネクスト ホップ: ${target.role} プール ${target.name} (サイト ${site})`,
    });
    if (target.role !== 'director' && target.role !== 'frontend') {
        return md.say({
            en: `An Edge pool hands SIP to a director or frontend pool; ${target.name} is ${withArticle(target.role)} pool.`,
            ja: `エッジ プールが SIP を渡す先は director プールか frontend プールです。${target.name} は ${target.role} プールです。`,
        });
    }
    md.say({ en: 'SIP between the Edge pool and its next hop, both ways:', ja: 'エッジ プールとネクスト ホップの間の SIP (双方向):' });
    rulesOfPool(md, pool, (row) => row.peer === 'next-hop');
    return md.say({
        en: 'Also: without `nexthop`, an Edge pool hands SIP to its site\'s first Director pool, else its first Front End pool.',
        ja: 'ほかに: `nexthop` がなければ、エッジ プールはサイトの最初のディレクター プール、なければ最初のフロント エンド プールに SIP を渡します。',
    });
}

/**
 * An Edge pool's `loadbalancing`, or its load balancer: where the Internet and the next hop
 * reach the pool, and under hardware load balancing the rules at the load balancers' VIPs.
 */
export function edgeLoadBalancingHover(md: Markdown, pool: Pool, mode: LoadBalancingMode | undefined): Markdown {
    md.heading({ en: `Load balancing of Edge pool ${pool.name}`, ja: `エッジ プール ${pool.name} の負荷分散` });
    if (mode === undefined) {
        return md.say({
            en: 'No `loadbalancing`: fine for one Edge server; a pool of several states `dns` or `hardware`.',
            ja: '`loadbalancing` がありません。エッジ サーバー 1 台なら問題ありません。複数台のプールでは `dns` か `hardware` を指定します。',
        });
    }
    if (mode === 'dns') {
        return md.say({
            en: 'DNS load balancing: each Edge server\'s own addresses take the rows of the Edge tables (hover an address for them). Only here may the A/V Edge sit behind NAT (`nat ADDRESS`).',
            ja: 'DNS 負荷分散: 各エッジ サーバー自身のアドレスがエッジの表の行を受け持ちます (アドレスにカーソルを合わせると表示します)。A/V エッジを NAT の内側 (`nat ADDRESS`) に置けるのはこの場合だけです。',
        });
    }
    md.say({
        en: 'Hardware load balancing: the Internet and the next hop reach the pool at its load balancer\'s virtual IPs, and each server keeps its own rows for media relay, DNS and revocation lists. Every external address is public: no NAT.',
        ja: 'ハードウェア負荷分散: インターネットとネクスト ホップはロード バランサーの仮想 IP でプールに接続し、メディアの中継、DNS、失効リストの行は各サーバーが受け持ちます。外部アドレスはすべてパブリックで、NAT は使えません。',
    });
    const balancers = new Set(loadBalancersOf(pool).map((lb) => lb.name));
    if (balancers.size === 0) {
        return md.say({
            en: `No load balancer names this pool yet: \`loadbalancer NAME for ${pool.name} { vip internal ADDRESS vip external ADDRESS }\`, or one VIP per service.`,
            ja: `このプールのロード バランサーはまだありません: \`loadbalancer NAME for ${pool.name} { vip internal ADDRESS vip external ADDRESS }\`、またはサービスごとの VIP。`,
        });
    }
    const atVips = firewallRulesOf(pool).filter((rule) => touchesPool(rule, undefined, balancers));
    return ruleRows(md, atVips, { topology: { uri: AstUtils.getDocument(pool).uri.toString() } });
}

/** The rules of an Edge pool whose catalogue row passes `keep`, or a line saying there are none. */
function rulesOfPool(md: Markdown, pool: Pool, keep: (row: PerimeterEntry) => boolean): Markdown {
    const balancers = new Set(loadBalancersOf(pool).map((lb) => lb.name));
    const rules = firewallRulesOf(pool).filter((rule) => {
        const row = rowOf(rule);
        return row !== undefined && 'peer' in row && row.role === 'edge' && keep(row) && touchesPool(rule, pool.name, balancers);
    });
    if (rules.length === 0) {
        return md.say({ en: 'No rule of this topology comes from it yet.', ja: 'このトポロジには、これによるルールはまだありません。' });
    }
    return ruleRows(md, rules, { topology: { uri: AstUtils.getDocument(pool).uri.toString() } });
}
