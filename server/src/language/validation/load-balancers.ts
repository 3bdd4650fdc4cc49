import { isLoadBalancerPorts, isVip, type LoadBalancer, type Pool } from '../generated/ast.js';
import { hasLoadBalancerTable, loadBalancerEntries, portsOf } from '../../catalogue/queries.js';
import { isStandardEdition, loadBalancersOf, loadBalancingMode, poolFacts, roleContext } from '../../model/pool-facts.js';
import { checkEdgeLoadBalancer } from './edge-load-balancers.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';
import { lineOf } from './topology-contents.js';
import { withArticle } from '../l10n/english.js';

/** Roles that need load balancing once they have several servers. */
const BALANCED_ROLES = new Set(['frontend', 'director', 'mediation', 'edge']);

/** The ports a load balancer must carry, and whether it may exist at all. */
export function checkLoadBalancer(lb: LoadBalancer, report: Reporter): void {
    const pool = lb.pool?.ref;
    if (!pool) return; // an unresolved `for` is a linking error
    const facts = poolFacts(pool);
    const at = { node: lb, property: 'pool' };
    if (facts.role === 'edge') {
        checkEdgeLoadBalancer(lb, pool, facts, report);
        return;
    }
    const vips = lb.statements.filter(isVip);
    if (vips.length === 0) {
        report('error', IssueCodes.LoadBalancerVip, {
            en: `Load balancer ${lb.name} has no \`vip ADDRESS\`: its virtual IP is where the rules for pool ${pool.name} point.`,
            ja: `ロード バランサー ${lb.name} に \`vip ADDRESS\` がありません。プール ${pool.name} へのルールはこの仮想 IP を宛先にします。`,
        }, { node: lb, property: 'name' });
    }
    for (const sided of vips.filter((vip) => vip.side !== undefined)) {
        report('error', IssueCodes.LoadBalancerVip, {
            en: `\`vip ${sided.side}\` is for an Edge pool's load balancer; pool ${pool.name}'s has one \`vip ADDRESS\`.`,
            ja: `\`vip ${sided.side}\` はエッジ プールのロード バランサー用です。プール ${pool.name} のロード バランサーには \`vip ADDRESS\` を 1 つ書きます。`,
        }, { node: sided, property: 'side' });
    }
    for (const extra of vips.slice(1)) {
        report('error', IssueCodes.LoadBalancerVip, {
            en: `Load balancer ${lb.name} already has a VIP at line ${lineOf(vips[0])}; a load balancer has one.`,
            ja: `ロード バランサー ${lb.name} には ${lineOf(vips[0])} 行目に VIP があります。VIP は 1 つだけです。`,
        }, { node: extra });
    }
    if (!hasLoadBalancerTable(facts.role)) {
        report('error', IssueCodes.LoadBalancerRole, {
            en: `Pool ${pool.name} is ${withArticle(pool.role)} pool, and the catalogue has load balancer ports only for frontend, director and mediation pools.`,
            ja: `プール ${pool.name} は ${pool.role} プールです。カタログにロード バランサーのポートがあるのは frontend、director、mediation プールだけです。`,
        }, at);
        return;
    }
    if (isStandardEdition(facts)) {
        report('error', IssueCodes.StandardEditionLoadBalancing, {
            en: `Pool ${pool.name} is Standard Edition: its single server is never load balanced. Remove this load balancer or make the pool \`edition enterprise\`.`,
            ja: `プール ${pool.name} は Standard Edition で、サーバーは 1 台だけなので負荷分散しません。このロード バランサーを削除するか、プールを \`edition enterprise\` にしてください。`,
        }, at);
        return;
    }
    const mode = loadBalancingMode(facts);
    if (!mode) {
        report('error', IssueCodes.LoadBalancerWithoutMode, {
            en: `Pool ${pool.name} has no \`loadbalancing dns\` or \`loadbalancing hardware\`, so the catalogue cannot tell which ports load balancer ${lb.name} carries.`,
            ja: `プール ${pool.name} に \`loadbalancing dns\` も \`loadbalancing hardware\` もないため、ロード バランサー ${lb.name} が扱うポートを決められません。`,
        }, at);
        return;
    }
    const required = portsOf(loadBalancerEntries(facts.role, mode, roleContext(facts).colocatedMediation));
    if (required.length === 0) {
        report('warning', IssueCodes.LoadBalancerNotNeeded, {
            en: `Pool ${pool.name} uses DNS load balancing, and the catalogue lists no hardware load balancer ports for ${withArticle(pool.role)} pool then: load balancer ${lb.name} carries nothing.`,
            ja: `プール ${pool.name} は DNS 負荷分散を使います。その場合、${pool.role} プールのハードウェア ロード バランサーに必要なポートはカタログにありません。ロード バランサー ${lb.name} は何も扱いません。`,
        }, at);
        return;
    }
    const listings = lb.statements.filter(isLoadBalancerPorts);
    for (const extra of listings.slice(1)) {
        report('error', IssueCodes.DuplicateStatement, {
            en: `Load balancer ${lb.name} already lists its ports at line ${lineOf(listings[0])}; list them once.`,
            ja: `ロード バランサー ${lb.name} のポートは ${lineOf(listings[0])} 行目で既に指定されています。1 回だけ書きます。`,
        }, { node: extra });
    }
    const listing = listings[0];
    if (!listing) return; // without `ports`, the catalogue's set is used as it is
    const missing = required.filter((port) => !listing.ports.includes(port));
    if (missing.length > 0) {
        report('error', IssueCodes.LoadBalancerMissingPorts, {
            en: `Load balancer ${lb.name} lacks port${missing.length > 1 ? 's' : ''} ${missing.join(', ')}: with ${mode} load balancing, ${withArticle(pool.role)} pool's load balancer carries ${required.join(', ')}.`,
            ja: `ロード バランサー ${lb.name} にポート ${missing.join(', ')} がありません。${mode === 'dns' ? 'DNS' : 'ハードウェア'}負荷分散の ${pool.role} プールのロード バランサーは ${required.join(', ')} を扱います。`,
        }, { node: listing, data: { missing } });
    }
    listing.ports.forEach((port, index) => {
        const repeated = listing.ports.indexOf(port) < index;
        if (required.includes(port) && !repeated) return;
        report('warning', IssueCodes.LoadBalancerExtraPort, repeated
            ? { en: `Port ${port} is listed twice.`, ja: `ポート ${port} が 2 回書かれています。` }
            : {
                  en: `Port ${port} is not a load balancer port for ${withArticle(pool.role)} pool with ${mode} load balancing (the catalogue lists ${required.join(', ')}).`,
                  ja: `ポート ${port} は、${mode === 'dns' ? 'DNS' : 'ハードウェア'}負荷分散の ${pool.role} プールのロード バランサーのポートではありません (カタログでは ${required.join(', ')})。`,
              }, { node: listing, property: 'ports', index, data: { port } });
    });
}

/** A pool's load balancing, checked from the pool's side. */
export function checkPoolLoadBalancing(pool: Pool, report: Reporter): void {
    const facts = poolFacts(pool);
    const servers = facts.servers.length;
    const balancing = facts.loadBalancings[0];
    const balancers = loadBalancersOf(pool);
    if (isStandardEdition(facts)) {
        if (servers !== 1) {
            report('error', IssueCodes.StandardEditionServers, {
                en: `A Standard Edition pool has exactly one server; ${pool.name} has ${servers}. Use \`edition enterprise\` for a pool of several servers.`,
                ja: `Standard Edition のプールのサーバーはちょうど 1 台です。${pool.name} には ${servers} 台あります。複数のサーバーには \`edition enterprise\` を使います。`,
            }, { node: facts.editions[0], property: 'value', data: { servers } });
        }
        if (balancing) {
            report('error', IssueCodes.StandardEditionLoadBalancing, {
                en: `Pool ${pool.name} is Standard Edition: its single server is never load balanced. Remove \`${balancing.$cstNode?.text}\`.`,
                ja: `プール ${pool.name} は Standard Edition で、サーバーは 1 台だけなので負荷分散しません。\`${balancing.$cstNode?.text}\` を削除してください。`,
            }, { node: balancing });
        }
        return;
    }
    if (servers > 1 && !balancing && BALANCED_ROLES.has(pool.role)) {
        report('error', IssueCodes.PoolNeedsLoadBalancing, {
            en: `Pool ${pool.name} has ${servers} servers but no \`loadbalancing dns\` or \`loadbalancing hardware\`; ${withArticle(pool.role)} pool of several servers must be load balanced. Topology Builder does not record which: when the pool's FQDN resolves to each server's address it is DNS, when to one virtual IP of a load balancer, hardware.`,
            ja: `プール ${pool.name} にはサーバーが ${servers} 台ありますが、\`loadbalancing dns\` も \`loadbalancing hardware\` もありません。複数サーバーの ${pool.role} プールは負荷分散が必要です。どちらかはトポロジ ビルダーに記録されていません。プールの FQDN が各サーバーのアドレスに解決されれば DNS、ロード バランサーの 1 つの仮想 IP に解決されればハードウェアです。`,
        }, { node: pool, property: 'name' });
    }
    if (!balancing || balancers.length > 0) return;
    if (facts.role === 'edge' && balancing.mode === 'hardware') {
        report('error', IssueCodes.HardwareLoadBalancerMissing, {
            en: `Edge pool ${pool.name} uses hardware load balancing but no \`loadbalancer … for ${pool.name}\` exists; it needs \`vip internal ADDRESS\` and \`vip external ADDRESS\` (or \`vip access\`, \`vip webconf\`, \`vip av\`).`,
            ja: `エッジ プール ${pool.name} はハードウェア負荷分散を使いますが、\`loadbalancer … for ${pool.name}\` がありません。\`vip internal ADDRESS\` と \`vip external ADDRESS\` (または \`vip access\`、\`vip webconf\`、\`vip av\`) が必要です。`,
        }, { node: balancing, data: { pool: pool.name } });
        return;
    }
    if (!hasLoadBalancerTable(facts.role)) return;
    const mode = loadBalancingMode(facts)!;
    const ports = portsOf(loadBalancerEntries(facts.role, mode, roleContext(facts).colocatedMediation));
    if (mode === 'dns' && servers > 1 && (pool.role === 'frontend' || pool.role === 'director')) {
        report('warning', IssueCodes.DnsLoadBalancingNeedsHlb, {
            en: `DNS load balancing does not cover web traffic: pool ${pool.name} still needs a hardware load balancer for ports ${ports.join(', ')}. Add \`loadbalancer NAME for ${pool.name} { vip ADDRESS }\`.`,
            ja: `DNS 負荷分散は Web 通信を扱いません。プール ${pool.name} にはポート ${ports.join(', ')} のためのハードウェア ロード バランサーが必要です。\`loadbalancer NAME for ${pool.name} { vip ADDRESS }\` を追加してください。`,
        }, { node: balancing, data: { pool: pool.name } });
    } else if (mode === 'hardware') {
        report('error', IssueCodes.HardwareLoadBalancerMissing, {
            en: `Pool ${pool.name} uses hardware load balancing but no \`loadbalancer … for ${pool.name}\` exists; it would carry ports ${ports.join(', ')}.`,
            ja: `プール ${pool.name} はハードウェア負荷分散を使いますが、\`loadbalancer … for ${pool.name}\` がありません。必要なポートは ${ports.join(', ')} です。`,
        }, { node: balancing, data: { pool: pool.name } });
    }
}
