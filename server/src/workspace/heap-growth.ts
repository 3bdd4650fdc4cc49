import { setFlagsFromString } from 'node:v8';
import { LIMITED_HEAP_GROWTH_FLAG, USUAL_HEAP_GROWTH_FLAG } from './v8-flags.js';

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
