import { AstUtils } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { isLoadBalancerPorts, isPool, isSite, isSubnet, type Pool } from '../../generated/ast.js';
import { checkIpv4Cidr, ipv4ToNumber, normaliseIpv4, numberToIpv4 } from '../../../net/ipv4.js';
import { poolFacts } from '../../../model/pool-facts.js';
import { addressUses, namedDeclarations } from '../../validation/topology-contents.js';
import type { FixContext } from './fix-context.js';

/** `load-balancer-missing-ports`: append the missing ports to the `ports` list. */
export function addMissingPorts(context: FixContext): CodeAction[] {
    const listing = context.nodeAt(isLoadBalancerPorts);
    const missing = context.data.missing as number[] | undefined;
    if (!listing || !missing?.length) return [];
    const edit = context.replace(listing, `ports ${[...listing.ports, ...missing].join(', ')}`);
    return edit ? [context.fix({ en: `Add port${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, ja: `ポート ${missing.join(', ')} を追加` }, [edit])] : [];
}

/** `load-balancer-extra-port`: drop that port (or the whole list when it was the only one). */
export function removeExtraPort(context: FixContext): CodeAction[] {
    const listing = context.nodeAt(isLoadBalancerPorts);
    const port = context.data.port as number | undefined;
    if (!listing || port === undefined) return [];
    const index = listing.ports.lastIndexOf(port);
    const rest = listing.ports.filter((_, i) => i !== index);
    const edit = rest.length > 0 ? context.replace(listing, `ports ${rest.join(', ')}`) : context.removal(listing);
    return edit ? [context.fix({ en: `Remove port ${port}`, ja: `ポート ${port} を削除` }, [edit])] : [];
}

/**
 * `dns-load-balancing-needs-hlb`, `hardware-load-balancer-missing`: declare a load
 * balancer for the pool right after it, with a free VIP next to the pool's servers.
 */
export function addLoadBalancer(context: FixContext): CodeAction[] {
    const pool = context.nodeAt(isPool);
    const cst = pool?.$cstNode;
    if (!pool || !cst) return [];
    const name = freeName(context, `lb-${pool.name}`);
    const vip = suggestVip(context, pool);
    const indent = ' '.repeat(cst.range.start.character);
    const statement = `loadbalancer ${name} for ${pool.name} { vip ${vip} }`;
    return [
        context.fix({ en: `Add load balancer ${name} for pool ${pool.name}`, ja: `プール ${pool.name} にロード バランサー ${name} を追加` }, [
            { range: { start: cst.range.end, end: cst.range.end }, newText: `\n\n${indent}${statement}` },
        ]),
    ];
}

function freeName(context: FixContext, wanted: string): string {
    const taken = new Set(namedDeclarations(context.topology).map((d) => d.node.name.toLowerCase()));
    let name = wanted;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${wanted}-${n}`;
    return name;
}

/**
 * The first unused address after the pool's servers, inside the declared subnet that
 * holds them (or their /24 when none is declared). Falls back to a documentation
 * address the administrator will notice and replace.
 */
function suggestVip(context: FixContext, pool: Pool): string {
    const servers = poolFacts(pool).servers.flatMap((s) => (s.address && normaliseIpv4(s.address) ? [ipv4ToNumber(s.address)] : []));
    if (servers.length === 0) return '192.0.2.1';
    const used = new Set(addressUses(context.topology).flatMap((use) => (normaliseIpv4(use.text) ? [ipv4ToNumber(use.text)] : [])));
    const highest = Math.max(...servers);
    const site = AstUtils.getContainerOfType(pool, isSite);
    const network = site?.members
        .filter(isSubnet)
        .map((subnet) => (subnet.cidr ? checkIpv4Cidr(subnet.cidr) : undefined))
        .flatMap((checked) => (checked && checked.problem === undefined ? [checked.network] : []))
        .find((net) => net.first <= highest && highest <= net.last);
    const first = network ? network.first : Math.floor(highest / 256) * 256;
    const last = network ? network.last : first + 255;
    for (let candidate = highest + 1; candidate < last; candidate++) {
        if (!used.has(candidate)) return numberToIpv4(candidate);
    }
    for (let candidate = first + 1; candidate < highest; candidate++) {
        if (!used.has(candidate)) return numberToIpv4(candidate);
    }
    return '192.0.2.1';
}
