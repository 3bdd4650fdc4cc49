import { AstUtils } from 'langium';
import { isSite, isSubnet, type Pool } from '../../generated/ast.js';
import { checkIpv4Cidr, ipv4ToNumber, normaliseIpv4, numberToIpv4 } from '../../../net/ipv4.js';
import { poolFacts } from '../../../model/pool-facts.js';
import { addressUses, namedDeclarations } from '../../validation/topology-contents.js';
import type { FixContext } from './fix-context.js';

// Names and addresses a fix can declare without clashing with the topology's own.

/** `wanted`, or `wanted-2`, `wanted-3`… when a declaration already has that name. */
export function freeName(context: FixContext, wanted: string): string {
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
export function freeAddressNear(context: FixContext, pool: Pool): string {
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
