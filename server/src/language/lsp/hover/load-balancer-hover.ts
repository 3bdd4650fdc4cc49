import { hasLoadBalancerTable, loadBalancerEntries } from '../../../catalogue/queries.js';
import { isStandardEdition, loadBalancingMode, poolFacts, roleContext } from '../../../model/pool-facts.js';
import type { Pool } from '../../generated/ast.js';
import { edgeLoadBalancingHover } from './edge-pool-hover.js';
import type { Markdown } from './markdown.js';

/** The ports a hardware load balancer in front of a pool must open, and which rule of the catalogue says so. */
export function loadBalancerHover(md: Markdown, pool: Pool): Markdown {
    const facts = poolFacts(pool);
    if (facts.role === 'edge') return edgeLoadBalancingHover(md, pool, loadBalancingMode(facts));
    md.heading({ en: `Load balancer ports for pool ${pool.name}`, ja: `プール ${pool.name} のロード バランサーのポート` });
    if (!hasLoadBalancerTable(facts.role)) {
        return md.say({
            en: `The catalogue has load balancer ports only for frontend, director and mediation pools; ${pool.name} is a ${pool.role} pool.`,
            ja: `カタログにロード バランサーのポートがあるのは frontend、director、mediation プールだけです。${pool.name} は ${pool.role} プールです。`,
        });
    }
    if (isStandardEdition(facts)) {
        return md.say({ en: 'A Standard Edition pool has one server and no load balancer.', ja: 'Standard Edition のプールはサーバー 1 台で、ロード バランサーはありません。' });
    }
    const mode = loadBalancingMode(facts);
    if (!mode) {
        return md.say({
            en: 'The pool states no `loadbalancing`, so no load balancer table applies yet.',
            ja: 'プールに `loadbalancing` がないため、まだどのロード バランサーの表も適用されません。',
        });
    }
    const { colocatedMediation } = roleContext(facts);
    const rows = loadBalancerEntries(facts.role, mode, colocatedMediation);
    if (mode === 'hardware') {
        md.say({
            en: `The pool uses hardware load balancing only, so its load balancer carries the full hardware table for ${pool.role} pools${colocatedMediation ? ', plus 5070 because the pool collocates Mediation' : ''}.`,
            ja: `このプールはハードウェア負荷分散のみを使うため、ロード バランサーは ${pool.role} プールのハードウェア表をすべて扱います${colocatedMediation ? '。仲介サーバーを併置しているので 5070 も加わります' : ''}。`,
        });
    } else {
        md.say({
            en: 'The pool uses DNS load balancing for SIP; DNS cannot balance web traffic, so a hardware load balancer still carries the web ports below.',
            ja: 'このプールは SIP に DNS 負荷分散を使います。DNS では Web 通信を分散できないため、以下の Web ポートはハードウェア ロード バランサーが扱います。',
        });
    }
    if (rows.length === 0) {
        return md.say({ en: 'The catalogue lists no ports for this case.', ja: 'この場合のポートはカタログにありません。' });
    }
    return md.entries(rows);
}
