import { CATALOGUE } from './catalogue.js';
import { PERIMETER_CATALOGUE } from './perimeter.js';
import { INTERNAL_SERVER_ROLES, SKYPE_SERVER_ROLES } from './roles.js';
import type { IpsecEntry, MediaKind, PerimeterEntry, PoolRole, PortEntry } from './types.js';

/** What decides which catalogue rows apply to the servers of a pool. */
export interface PoolRoleContext {
    role: PoolRole;
    colocatedMediation: boolean;
    hostsCms: boolean;
}

export type LoadBalancingMode = 'dns' | 'hardware';

const PORT_ENTRIES = CATALOGUE.filter((entry): entry is PortEntry => entry.table !== 'ipsec');

/**
 * Answers of the queries below by their arguments: the catalogue never changes, and
 * validating a large topology asks the same few questions for every pool. Callers get
 * a copy, so nothing they do to a result reaches the next caller.
 */
const answers = new Map<string, PortEntry[]>();

function remembered(key: string, compute: () => PortEntry[]): PortEntry[] {
    let answer = answers.get(key);
    if (!answer) {
        answer = compute();
        answers.set(key, answer);
    }
    return answer.slice();
}

/** Server-table rows that apply to every server of a pool, in catalogue order. */
export function serverEntriesFor(context: PoolRoleContext): PortEntry[] {
    return remembered(`server/${context.role}/${context.colocatedMediation}/${context.hostsCms}`, () => serverEntriesOf(context));
}

function serverEntriesOf(context: PoolRoleContext): PortEntry[] {
    return PORT_ENTRIES.filter(
        (entry) =>
            entry.table === 'server' &&
            ((entry.role === context.role && conditionHolds(entry, context)) ||
                (entry.role === 'all-servers' && SKYPE_SERVER_ROLES.has(context.role)) ||
                (entry.role === 'internal-servers' && INTERNAL_SERVER_ROLES.has(context.role))),
    );
}

function conditionHolds(entry: PortEntry, context: PoolRoleContext): boolean {
    if (entry.condition === 'colocated-mediation') return context.colocatedMediation;
    if (entry.condition === 'cms') return context.hostsCms;
    return true;
}

/** The catalogue's media range of one kind for a pool's servers, if the role has one. */
export function defaultMediaEntry(context: PoolRoleContext, kind: MediaKind): PortEntry | undefined {
    return serverEntriesFor(context).find((entry) => entry.media === kind);
}

/** Roles that have rows in the load balancer tables (Front End, Director, Mediation). */
export function hasLoadBalancerTable(role: PoolRole): boolean {
    return LOAD_BALANCED_ROLES.has(role);
}

const LOAD_BALANCED_ROLES = new Set<string>(PORT_ENTRIES.filter((entry) => entry.table === 'lb-hardware').map((entry) => entry.role));

/**
 * The rows a hardware load balancer in front of a pool must carry: the hardware-only
 * table under hardware load balancing (with the collocated-Mediation row when the
 * pool collocates Mediation), the DNS table under DNS load balancing.
 */
export function loadBalancerEntries(role: PoolRole, mode: LoadBalancingMode, colocatedMediation: boolean): PortEntry[] {
    const table = mode === 'hardware' ? 'lb-hardware' : 'lb-dns';
    return remembered(`${table}/${role}/${colocatedMediation}`, () =>
        PORT_ENTRIES.filter(
            (entry) => entry.table === table && entry.role === role && (entry.condition !== 'colocated-mediation' || colocatedMediation),
        ),
    );
}

/** The distinct port numbers of some entries, ascending. */
export function portsOf(entries: PortEntry[]): number[] {
    return [...new Set(entries.map((entry) => entry.from))].sort((a, b) => a - b);
}

/** The client table: what client computers send. */
export function clientEntries(): PortEntry[] {
    return remembered('client', () => PORT_ENTRIES.filter((entry) => entry.table === 'client'));
}

/** The client rows for one media kind (the seed's 1024-65535 ranges). */
export function clientMediaEntry(kind: MediaKind): PortEntry | undefined {
    return PORT_ENTRIES.find((entry) => entry.table === 'client' && entry.media === kind);
}

/** Every port row (server, load balancer and client tables) whose ports include `port`. */
export function entriesForPort(port: number): PortEntry[] {
    return PORT_ENTRIES.filter((entry) => entry.from <= port && port <= entry.to);
}

/** The IPsec exceptions that concern a pool's servers. */
export function ipsecEntriesFor(context: PoolRoleContext): IpsecEntry[] {
    return CATALOGUE.filter(
        (entry): entry is IpsecEntry =>
            entry.table === 'ipsec' && (entry.role === context.role || (entry.role === 'mediation' && context.colocatedMediation)),
    );
}

/**
 * The perimeter rows by which the Central Management Store reaches each server of a pool
 * of this role, from the per-server table for the pool's load balancing (for the Edge:
 * HTTPS 4443 on the internal side). Empty for the roles the seed's Master Replicator row
 * (SMB 445) serves.
 */
export function cmsReplicationEntries(role: PoolRole, mode: LoadBalancingMode | undefined): PerimeterEntry[] {
    const loadBalancing = mode === 'hardware' ? 'hardware' : 'dns-or-none';
    return PERIMETER_CATALOGUE.filter(
        (entry) =>
            entry.role === role && entry.peer === 'cms' && entry.direction === 'inbound' && entry.at === 'server' && entry.loadBalancing === loadBalancing,
    );
}
