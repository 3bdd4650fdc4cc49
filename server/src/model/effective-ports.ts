import type { MediaRange, PortOverride } from '../language/generated/ast.js';
import { serverEntriesFor } from '../catalogue/queries.js';
import type { PortEntry, Transport } from '../catalogue/types.js';
import { roleContext, type PoolFacts } from './pool-facts.js';

/** A catalogue row as it applies to one pool: its ports after the pool's overrides. */
export interface EffectivePort {
    entry: PortEntry;
    from: number;
    to: number;
    /** The statement that moved this row away from the catalogue's ports, if any. */
    movedBy?: PortOverride | MediaRange;
}

/**
 * The server-table rows for a pool's servers with `port SERVICE N` and `media KIND
 * A-B` applied; rows the pool does not override keep the catalogue's defaults.
 */
export function effectiveServerPorts(facts: PoolFacts): EffectivePort[] {
    return serverEntriesFor(roleContext(facts)).map((entry) => {
        const movedBy = entry.key
            ? facts.ports.find((override) => override.service === entry.key && isPort(override.port))
            : entry.media
              ? facts.media.find((range) => range.kind === entry.media && isUsableRange(range))
              : undefined;
        if (!movedBy) return { entry, from: entry.from, to: entry.to };
        return movedBy.$type === 'PortOverride'
            ? { entry, from: movedBy.port, to: movedBy.port, movedBy }
            : { entry, from: movedBy.range.first, to: movedBy.range.last ?? movedBy.range.first, movedBy };
    });
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
