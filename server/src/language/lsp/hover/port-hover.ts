import { AstUtils, type AstNode } from 'langium';
import { entriesForPort, hasLoadBalancerTable, loadBalancerEntries } from '../../../catalogue/queries.js';
import { CATALOGUE_ROLE_TITLES } from '../../../catalogue/roles.js';
import type { PortEntry } from '../../../catalogue/types.js';
import { effectiveClientPorts, effectiveServerPorts, type EffectivePort } from '../../../model/effective-ports.js';
import { isStandardEdition, loadBalancingMode, poolFacts, roleContext } from '../../../model/pool-facts.js';
import { isClients, isLoadBalancerPorts, isMediaRange, isPool, isPortOverride, isSite, type Pool } from '../../generated/ast.js';
import type { Bilingual } from '../../l10n/locale.js';
import type { Markdown } from './markdown.js';

/** Where a port number is written, and the catalogue rows that put ports there. */
interface PortPlace {
    /** Completes "Port N on …". */
    name: Bilingual;
    ports: EffectivePort[];
}

/**
 * A port number answers for the place it is written in first: the rows of this load
 * balancer, this pool's servers or this site's clients that take the port. The rest
 * of the catalogue is one line of who else uses it, so the hover keeps its size
 * however many rows share a port.
 */
export function portHover(md: Markdown, port: number, node: AstNode): Markdown {
    const place = placeOf(node);
    const here = place?.ports.filter((p) => p.from <= port && port <= p.to) ?? [];
    if (place) {
        md.heading({ en: `Port ${port} on ${place.name.en}`, ja: `${place.name.ja}のポート ${port}` });
        if (here.length > 0) md.effective(here);
        else md.say({ en: `No catalogue row puts port ${port} here.`, ja: `ここでポート ${port} を使うカタログの行はありません。` });
    } else {
        md.heading({ en: `Port ${port}`, ja: `ポート ${port}` });
    }
    // The place's other rows are answered for above: they do not take the port here.
    const shown = new Set(place?.ports.map((p) => p.entry.id));
    const others = entriesForPort(port).filter((entry) => !shown.has(entry.id));
    if (others.length === 0) {
        return place ? md : md.say({ en: 'No row of the port catalogue uses this port.', ja: 'ポート カタログのどの行もこのポートを使いません。' });
    }
    const users = [...new Set(others.map((entry) => md.locale.pick(userOf(entry))))].join(md.locale.pick({ en: ', ', ja: '、' }));
    const count = others.length;
    return place
        ? md.say({ en: `Also used by: ${users} (${count} more catalogue row${count === 1 ? '' : 's'}).`, ja: `ほかに使うもの: ${users} (カタログのほかの行 ${count} 件)。` })
        : md.say({ en: `Used by: ${users} (${count} catalogue row${count === 1 ? '' : 's'}).`, ja: `使うもの: ${users} (カタログの行 ${count} 件)。` });
}

/** A row's role as a short name; load balancer rows name the balancer rather than the servers. */
function userOf(entry: PortEntry): Bilingual {
    const role = CATALOGUE_ROLE_TITLES[entry.role];
    return entry.table === 'lb-hardware' || entry.table === 'lb-dns' ? { en: `${role.en} load balancer`, ja: `${role.ja}のロード バランサー` } : role;
}

function placeOf(node: AstNode): PortPlace | undefined {
    if (isLoadBalancerPorts(node)) {
        const balancer = node.$container;
        const pool = balancer.pool?.ref;
        const ports = pool && balancerPorts(pool);
        return ports && { name: { en: `load balancer ${balancer.name} (pool ${pool.name})`, ja: `ロード バランサー ${balancer.name} (プール ${pool.name}) ` }, ports };
    }
    const owner = isPortOverride(node) ? node.$container : isMediaRange(node.$container) ? node.$container.$container : undefined;
    if (isPool(owner)) {
        return { name: { en: `the servers of pool ${owner.name}`, ja: `プール ${owner.name} のサーバー` }, ports: effectiveServerPorts(poolFacts(owner)) };
    }
    if (isClients(owner)) {
        const site = AstUtils.getContainerOfType(owner, isSite);
        return { name: { en: `the clients of site ${site?.name ?? ''}`, ja: `サイト ${site?.name ?? ''} のクライアント` }, ports: effectiveClientPorts(owner.statements.filter(isMediaRange)) };
    }
    return undefined;
}

/** The rows of the load balancer table that applies to a pool, when one does. */
function balancerPorts(pool: Pool): EffectivePort[] | undefined {
    const facts = poolFacts(pool);
    const mode = loadBalancingMode(facts);
    if (!mode || isStandardEdition(facts) || !hasLoadBalancerTable(facts.role)) return undefined;
    return loadBalancerEntries(facts.role, mode, roleContext(facts).colocatedMediation).map((entry) => ({ entry, from: entry.from, to: entry.to, moved: false }));
}
