import { hasLoadBalancerTable, ipsecEntriesFor, serverEntriesFor } from '../../../catalogue/queries.js';
import { ROLE_TITLES } from '../../../catalogue/roles.js';
import type { PoolRole } from '../../../catalogue/types.js';
import type { Markdown } from './markdown.js';

/** A role's port table: every server row of the role, its conditional rows included, and its IPsec exceptions. */
export function roleHover(md: Markdown, role: PoolRole): Markdown {
    const title = md.locale.pick(ROLE_TITLES[role]);
    const rows = serverEntriesFor({ role, colocatedMediation: true, hostsCms: true });
    const ipsec = ipsecEntriesFor({ role, colocatedMediation: false, hostsCms: false });
    md.heading({ en: `${title} pool (\`${role}\`)`, ja: `${title} プール (\`${role}\`)` });
    if (rows.length > 0) {
        md.say({ en: 'Ports its servers listen on, from the catalogue:', ja: 'サーバーが待ち受けるポート (カタログより):' }).entries(rows);
    } else {
        md.say({ en: 'The seed lists no server ports for this role.', ja: 'この役割のサーバー ポートは元資料に記載がありません。' });
    }
    if (ipsec.length > 0) {
        md.say({ en: 'IPsec exceptions that concern it:', ja: '関係する IPsec の例外:' }).entries(ipsec, () => 'any');
    }
    if (hasLoadBalancerTable(role)) {
        md.say({
            en: 'Pools of this role with several servers are load balanced: `loadbalancing dns` or `loadbalancing hardware` chooses the load balancer port table.',
            ja: '複数サーバーのこの役割のプールは負荷分散します。`loadbalancing dns` または `loadbalancing hardware` でロード バランサーのポート表が決まります。',
        });
    }
    return md;
}
