import type { CodeAction } from 'vscode-languageserver';
import { isLoadBalancerPorts, isPool } from '../../generated/ast.js';
import type { FixContext } from './fix-context.js';
import { freeAddressNear, freeName } from './free-choices.js';

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
    // An Edge pool's load balancer needs sided VIPs, internal and external: no one right fix.
    if (!pool || !cst || pool.role === 'edge') return [];
    const name = freeName(context, `lb-${pool.name}`);
    const vip = freeAddressNear(context, pool);
    const indent = ' '.repeat(cst.range.start.character);
    const statement = `loadbalancer ${name} for ${pool.name} { vip ${vip} }`;
    return [
        context.fix({ en: `Add load balancer ${name} for pool ${pool.name}`, ja: `プール ${pool.name} にロード バランサー ${name} を追加` }, [
            { range: { start: cst.range.end, end: cst.range.end }, newText: `\n\n${indent}${statement}` },
        ]),
    ];
}
