import type { MediaRange } from '../language/generated/ast.js';
import { clientEntries, serverEntriesFor, type PoolRoleContext } from '../catalogue/queries.js';
import type { MediaKind, PortEntry, Transport } from '../catalogue/types.js';
import { roleContext, type PoolFacts } from './pool-facts.js';

/** A span of ports, first and last included. */
export interface PortSpan {
    from: number;
    to: number;
}

/** What a pool moved: fixed ports by service key, media ranges by kind. */
export interface PortMoves {
    ports: ReadonlyMap<string, number>;
    media: ReadonlyMap<MediaKind, PortSpan>;
}

/** A catalogue row as it applies to one pool: its ports after the pool's overrides. */
export interface EffectivePort extends PortSpan {
    entry: PortEntry;
    /** True when the pool moved this row away from the catalogue's ports. */
    moved: boolean;
}

/**
 * The server-table rows for a pool's servers with its moves applied; rows the pool
 * does not move keep the catalogue's defaults.
 */
export function effectivePorts(context: PoolRoleContext, moves: PortMoves): EffectivePort[] {
    return serverEntriesFor(context).map((entry) => {
        const port = entry.key === undefined ? undefined : moves.ports.get(entry.key);
        if (port !== undefined) return { entry, from: port, to: port, moved: true };
        const span = entry.media === undefined ? undefined : moves.media.get(entry.media);
        if (span) return { entry, ...span, moved: true };
        return { entry, from: entry.from, to: entry.to, moved: false };
    });
}

/** A pool's `port` and `media` statements as moves; the first usable statement of each service or kind counts. */
export function portMoves(facts: PoolFacts): PortMoves {
    const ports = new Map<string, number>();
    for (const override of facts.ports) {
        if (override.service !== undefined && isPort(override.port) && !ports.has(override.service)) ports.set(override.service, override.port);
    }
    return { ports, media: mediaSpans(facts.media) };
}

/** `media` statements by kind; the first usable one of each kind counts. */
export function mediaSpans(ranges: MediaRange[]): Map<MediaKind, PortSpan> {
    const media = new Map<MediaKind, PortSpan>();
    for (const range of ranges) {
        const kind = range.kind as MediaKind;
        if (isUsableRange(range) && !media.has(kind)) media.set(kind, { from: range.range.first, to: range.range.last ?? range.range.first });
    }
    return media;
}

/** The client rows with the media ranges a site's `clients` block sets; the other rows keep the catalogue's ports. */
export function effectiveClientPorts(ranges: MediaRange[]): EffectivePort[] {
    const media = mediaSpans(ranges);
    return clientEntries().map((entry) => {
        const span = entry.media === undefined ? undefined : media.get(entry.media);
        return span ? { entry, ...span, moved: true } : { entry, from: entry.from, to: entry.to, moved: false };
    });
}

export function effectiveServerPorts(facts: PoolFacts): EffectivePort[] {
    return effectivePorts(roleContext(facts), portMoves(facts));
}

function isPort(port: number | undefined): port is number {
    return port !== undefined && port >= 1 && port <= 65535;
}

/** A range that parsed and passed the generic bounds and order checks. */
export function isUsableRange(range: MediaRange): boolean {
    const { first, last } = range.range ?? {};
    return isPort(first) && (last === undefined || (isPort(last) && first <= last));
}

export function transportsMeet(a: Transport, b: Transport): boolean {
    return a === b || a === 'TCP/UDP' || b === 'TCP/UDP';
}

export function portText(from: number, to: number): string {
    return from === to ? String(from) : `${from}-${to}`;
}
