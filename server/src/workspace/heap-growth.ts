import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets its heap grow past what the last full collection left alive, in
 * percent: 50 lets it grow by half. V8 picks up to four times on a machine with plenty
 * of memory, and its next full collection waits until then.
 */
export const HEAP_GROWING_PERCENT = 50;

/**
 * Keeps the language server's memory close to what it holds. Every keystroke replaces
 * the previous build's results (megabytes for a big topology) and they become garbage
 * only when the next build is done, after they have outlived the young generation. With
 * V8's own factor, a 5,000-pool topology held about 200 MB and reached 400 MB within forty
 * keystrokes before the first full collection; with this one, 270 MB, and each collection
 * then (every dozen keystrokes) adds about 100 ms to one keystroke (`npm run bench`,
 * BENCHMARKS.md). Set once, before the first document is built; V8 reads it at every
 * full collection.
 */
export function limitHeapGrowth(): void {
    setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
