import type { CatalogueEntry, CatalogueRole } from '../catalogue/types.js';
import { portText } from '../model/effective-ports.js';
import type { EndpointGroup, Endpoints, FirewallName, Rule, Translation } from './rule.js';

/** What varies between the rules one catalogue row yields. */
export interface RulePlacement {
    site: string;
    /** The part of the id after the site: the pool, load balancer, `clients`, or a file share and the pool writing to it. */
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
    /** `internal` unless said. */
    firewall?: FirewallName;
    nat?: Translation[];
}

/** One rule per transport of a catalogue row: `TCP/UDP` rows become a TCP and a UDP rule. */
export function rulesFor(entry: CatalogueEntry, placement: RulePlacement): Rule[] {
    const transports = entry.transport === 'TCP/UDP' ? (['TCP', 'UDP'] as const) : [entry.transport];
    const ports = entry.table === 'ipsec' ? 'any' : portText(placement.from, placement.to);
    // One literal with every field, in rules.json's order (undefined where a field does not
    // apply), and the id joined into one flat string. Rules built up field by field, with ids
    // from templates (a tree of string pieces each), held 8 MB instead of 5 MB at 1,000 pools
    // for the whole export, and the collector copied all of it: building them took a fifth longer.
    return transports.map(
        (transport): Rule => ({
            id: [placement.site, placement.target, entry.id, transport.toLowerCase()].join('/'),
            site: placement.site,
            source: placement.source,
            destination: placement.destination,
            transport,
            ports,
            sourcePorts: placement.sourcePorts || undefined,
            direction: placement.direction,
            service: entry.service,
            table: entry.table,
            role: placement.role ?? entry.role,
            firewall: placement.firewall ?? 'internal',
            nat: placement.nat,
            sourceGroup: placement.sourceGroup && placement.source !== 'any' ? placement.sourceGroup : undefined,
            destinationGroup: placement.destinationGroup && placement.destination !== 'any' ? placement.destinationGroup : undefined,
            host: placement.host || undefined,
            catalogueId: entry.id,
            purpose: entry.purpose,
        }),
    );
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
    const merged: Rule[] = [];
    // Positions in `merged` of the rules with the same addresses and ports, a few each: a
    // repeat is found among them by comparing the other fields (a key spelling out every
    // field of every rule was the slowest part of building the rules).
    const candidates = new Map<string, number[]>();
    const listId = endpointIds();
    for (const rule of rules) {
        const key = `${listId(rule.source)} ${listId(rule.destination)} ${rule.ports}`;
        let group = candidates.get(key);
        if (!group) {
            group = [];
            candidates.set(key, group);
        }
        const position = group.find((index) => opensTheSame(merged[index], rule));
        if (position === undefined) {
            group.push(merged.length);
            merged.push(rule);
            continue;
        }
        const first = merged[position];
        if (!first.service.split(' + ').includes(rule.service)) {
            merged[position] = {
                ...first,
                service: `${first.service} + ${rule.service}`,
                purpose: { en: `${first.purpose.en} / ${rule.purpose.en}`, ja: `${first.purpose.ja} / ${rule.purpose.ja}` },
            };
        }
    }
    return merged;
}

/** The same fields but addresses (the caller compares those) and what the rules are for. */
function opensTheSame(a: Rule, b: Rule): boolean {
    return (
        a.site === b.site &&
        a.host === b.host &&
        a.transport === b.transport &&
        a.ports === b.ports &&
        a.sourcePorts === b.sourcePorts &&
        a.direction === b.direction &&
        a.firewall === b.firewall
    );
}

/**
 * A number for each distinct endpoint list, equal for lists with the same addresses in the
 * same order. Rules share their lists (see PeerAddresses), so a list is looked up by
 * identity first.
 */
function endpointIds(): (endpoints: Endpoints) => number {
    const byList = new Map<Endpoints, number>();
    const byContent = new Map<string, number>();
    return (endpoints) => {
        let id = byList.get(endpoints);
        if (id === undefined) {
            const content = JSON.stringify(endpoints);
            id = byContent.get(content) ?? byContent.size;
            byContent.set(content, id);
            byList.set(endpoints, id);
        }
        return id;
    };
}
