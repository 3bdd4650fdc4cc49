import type { RuntimeV8Flag } from '../launch/code-cache.js';

// The V8 flags the language server sets while it runs, apart from the modules that set them:
// its launchers need the list, and loading Node's `v8` module for it cost `sfbtopo` some 3 ms.

/**
 * How far V8 lets its heap grow past what the last full collection left alive, in
 * percent: 50 lets it grow by half. V8 picks up to four times on a machine with plenty
 * of memory, and its next full collection waits until then.
 */
export const HEAP_GROWING_PERCENT = 50;

/** The language server's heap growth (see heap-growth.ts). */
export const LIMITED_HEAP_GROWTH_FLAG = `--heap-growing-percent=${HEAP_GROWING_PERCENT}`;

/** V8's default: a factor of its own choosing. */
export const USUAL_HEAP_GROWTH_FLAG = '--heap-growing-percent=0';

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
