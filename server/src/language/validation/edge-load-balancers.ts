import { isLoadBalancerPorts, isVip, type LoadBalancer, type Pool, type Vip } from '../generated/ast.js';
import { loadBalancingMode, type PoolFacts } from '../../model/pool-facts.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';
import { lineOf } from './topology-contents.js';

/**
 * An Edge pool's load balancer: with hardware load balancing it carries the pool's
 * internal virtual IP and its external one (`vip external`, or one per Edge service), and
 * the Edge tables say which ports each carries, so it lists none of its own.
 */
export function checkEdgeLoadBalancer(lb: LoadBalancer, pool: Pool, facts: PoolFacts, report: Reporter): void {
    if (loadBalancingMode(facts) !== 'hardware') {
        report('error', IssueCodes.LoadBalancerRole, {
            en: `Edge pool ${pool.name} is not \`loadbalancing hardware\`: only a hardware-load-balanced Edge pool has a load balancer.`,
            ja: `エッジ プール ${pool.name} は \`loadbalancing hardware\` ではありません。ロード バランサーを持つのはハードウェア負荷分散のエッジ プールだけです。`,
        }, { node: lb, property: 'pool' });
        return;
    }
    const vips = lb.statements.filter(isVip);
    const seen = new Map<string, Vip>();
    for (const vip of vips) {
        if (vip.side === undefined) {
            report('error', IssueCodes.LoadBalancerVip, {
                en: `Say which side of Edge pool ${pool.name} this virtual IP is on: \`vip internal\`, \`vip external\`, or \`vip access\`, \`vip webconf\`, \`vip av\`.`,
                ja: `この仮想 IP がエッジ プール ${pool.name} のどちら側かを書いてください: \`vip internal\`、\`vip external\`、または \`vip access\`、\`vip webconf\`、\`vip av\`。`,
            }, { node: vip });
            continue;
        }
        const first = seen.get(vip.side);
        if (first) {
            report('error', IssueCodes.LoadBalancerVip, {
                en: `Load balancer ${lb.name} already has \`vip ${vip.side}\` at line ${lineOf(first)}.`,
                ja: `ロード バランサー ${lb.name} には ${lineOf(first)} 行目に \`vip ${vip.side}\` があります。`,
            }, { node: vip, property: 'side' });
        } else seen.set(vip.side, vip);
    }
    const services = ['access', 'webconf', 'av'].filter((side) => seen.has(side));
    const external = seen.has('external') ? (services.length === 0 ? 'ok' : 'both') : services.length === 3 ? 'ok' : 'missing';
    if (!seen.has('internal') || external === 'missing') {
        const lacking = [!seen.has('internal') && '`vip internal ADDRESS`', external === 'missing' && (services.length === 0 ? '`vip external ADDRESS`' : ['access', 'webconf', 'av'].filter((s) => !seen.has(s)).map((s) => `\`vip ${s} ADDRESS\``).join(', '))].filter(Boolean).join(' and ');
        report('error', IssueCodes.LoadBalancerVip, {
            en: `Load balancer ${lb.name} of Edge pool ${pool.name} lacks ${lacking}: a hardware-load-balanced Edge pool has an internal and an external virtual IP.`,
            ja: `エッジ プール ${pool.name} のロード バランサー ${lb.name} に ${lacking} がありません。ハードウェア負荷分散のエッジ プールには内部と外部の仮想 IP が必要です。`,
        }, { node: lb, property: 'name' });
    } else if (external === 'both') {
        report('error', IssueCodes.LoadBalancerVip, {
            en: `Load balancer ${lb.name} has \`vip external\` and per-service virtual IPs; use one form.`,
            ja: `ロード バランサー ${lb.name} に \`vip external\` とサービスごとの仮想 IP の両方があります。どちらか一方にしてください。`,
        }, { node: seen.get('external')!, property: 'side' });
    }
    for (const listing of lb.statements.filter(isLoadBalancerPorts)) {
        report('error', IssueCodes.LoadBalancerExtraPort, {
            en: `An Edge pool's load balancer takes its ports from the Edge tables; remove this list.`,
            ja: `エッジ プールのロード バランサーのポートはエッジの表から決まります。この一覧を削除してください。`,
        }, { node: listing });
    }
}
