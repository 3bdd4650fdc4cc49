import type { CatalogueEntry, CatalogueRole } from '../catalogue/types.js';
import { portText } from '../model/effective-ports.js';
import type { EndpointGroup, Endpoints, Rule } from './rule.js';

/** What varies between the rules one catalogue row yields. */
export interface RulePlacement {
    site: string;
    /** The part of the id after the site: the pool, file share, load balancer or `clients`. */
    target: string;
    host?: string;
    source: Endpoints;
    destination: Endpoints;
    sourceGroup?: EndpointGroup;
    destinationGroup?: EndpointGroup;
    direction: Rule['direction'];
    from: number;
    to: number;
    sourcePorts?: string;
    /** The rule's role when it differs from the row's (a standalone Mediation pool borrowing a row). */
    role?: CatalogueRole;
}

/** One rule per transport of a catalogue row: `TCP/UDP` rows become a TCP and a UDP rule. */
export function rulesFor(entry: CatalogueEntry, placement: RulePlacement): Rule[] {
    const transports = entry.transport === 'TCP/UDP' ? (['TCP', 'UDP'] as const) : [entry.transport];
    const anyPort = entry.table === 'ipsec';
    return transports.map((transport) => ({
        id: `${placement.site}/${placement.target}/${entry.id}/${transport.toLowerCase()}`,
        site: placement.site,
        source: placement.source,
        destination: placement.destination,
        transport,
        ports: anyPort ? 'any' : portText(placement.from, placement.to),
        ...(placement.sourcePorts ? { sourcePorts: placement.sourcePorts } : {}),
        direction: placement.direction,
        service: entry.service,
        table: entry.table,
        role: placement.role ?? entry.role,
        ...(placement.sourceGroup && placement.source !== 'any' ? { sourceGroup: placement.sourceGroup } : {}),
        ...(placement.destinationGroup && placement.destination !== 'any' ? { destinationGroup: placement.destinationGroup } : {}),
        ...(placement.host ? { host: placement.host } : {}),
        catalogueId: entry.id,
        purpose: entry.purpose,
    }));
}

/** Addresses, or `any` when the topology knows none. */
export function endpoints(addresses: string[]): Endpoints {
    return addresses.length > 0 ? [...new Set(addresses)] : 'any';
}

/**
 * Merges rules that open the same thing (same site, host, endpoints, transport,
 * ports and direction): the seed lists some rows twice, and some ports serve two
 * services (443 on a Front End server). The merged rule names every service.
 */
export function mergeRepeats(rules: Rule[]): Rule[] {
    const merged = new Map<string, Rule>();
    for (const rule of rules) {
        const key = JSON.stringify([rule.site, rule.host, rule.source, rule.destination, rule.transport, rule.ports, rule.sourcePorts, rule.direction]);
        const first = merged.get(key);
        if (!first) {
            merged.set(key, rule);
        } else if (!first.service.split(' + ').includes(rule.service)) {
            merged.set(key, {
                ...first,
                service: `${first.service} + ${rule.service}`,
                purpose: { en: `${first.purpose.en} / ${rule.purpose.en}`, ja: `${first.purpose.ja} / ${rule.purpose.ja}` },
            });
        }
    }
    return [...merged.values()];
}
