import { setFlagsFromString } from 'node:v8';
import type { RuntimeV8Flag } from '../launch/code-cache.js';

/**
 * How far V8 lets its heap grow past what the last full collection left alive, in
 * percent: 50 lets it grow by half. V8 picks up to four times on a machine with plenty
 * of memory, and its next full collection waits until then.
 */
export const HEAP_GROWING_PERCENT = 50;

const LIMITED_HEAP_GROWTH_FLAG = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;
/** V8's default: a factor of its own choosing. */
const USUAL_HEAP_GROWTH_FLAG = '--heap-growing-percent=0';

/** Lets the language server take V8's `gc` for its idle collections (see idle-collection.ts). */
export const EXPOSE_GC_FLAG = '--expose-gc';

/**
 * The V8 flags the language server sets while it runs, with V8's defaults: its launchers
 * make its code cache under the defaults (see runWithCodeCache). The server sets them only
 * once its modules are loaded: after a flag changes, Node compiles its own modules without
 * their cache too (some 15 ms more for the language server's).
 */
export const LANGUAGE_SERVER_V8_FLAGS: readonly RuntimeV8Flag[] = [
    { set: LIMITED_HEAP_GROWTH_FLAG, initial: USUAL_HEAP_GROWTH_FLAG },
    { set: EXPOSE_GC_FLAG, initial: '--no-expose-gc' },
];

/** Whether this process limits its heap growth (the language server does; the command line does not). */
let limited = false;

/**
 * Keeps the language server's memory close to what it holds. Every keystroke replaces
 * the previous build's results (megabytes for a big topology) and they become garbage
 * only when the next build is done, after they have outlived the young generation. With
 * V8's own factor, a 5,000-pool topology held about 200 MB and reached 400 MB within forty
 * keystrokes before the first full collection; with this one, about 230 MB, and each
 * collection (every few keystrokes) adds some 100 ms to one keystroke (measured by
 * replaying `npm run bench`'s editor session for 40 keystrokes; see BENCHMARKS.md). Set
 * once, before the first document is built; V8 reads it at every full collection.
 */
export function limitHeapGrowth(): void {
    setFlagsFromString(LIMITED_HEAP_GROWTH_FLAG);
    limited = true;
}

/**
 * Runs `work` with V8's own heap growth. An export allocates a few hundred megabytes of
 * short-lived text and lists for a big topology; collecting as often as for editing made
 * it about a fifth slower. (`0` is V8's default: a factor of its own choosing.)
 */
export function withUsualHeapGrowth<T>(work: () => T): T {
    if (!limited) return work();
    setFlagsFromString(USUAL_HEAP_GROWTH_FLAG);
    try {
        return work();
    } finally {
        setFlagsFromString(LIMITED_HEAP_GROWTH_FLAG);
    }
}
