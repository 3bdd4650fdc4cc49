import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EXPOSE_GC_FLAG } from './v8-flags.js';

/** How long the server must have been idle after a build before it collects (and again, before it collects a second time). */
export const IDLE_MS = 2_000;

/**
 * Collects garbage once the language server has been idle for a while after a build.
 *
 * An edit that cannot be reparsed site by site (see language/parser/site-reparse.ts)
 * leaves the whole previous syntax tree behind: tens of megabytes for a thousand pools.
 * V8 collects it lazily and sizes its heap for the worst moment, so after an hour of such
 * edits a server held half as much memory again as right after opening the file, while
 * the data it kept had not grown. A full collection while nobody waits for an answer
 * hands that memory back; it costs a few tens of milliseconds of idle time. It takes
 * two: the first frees the garbage for reuse inside the heap, and the second, once the
 * first has been swept, lets V8 give the emptied pages back to the system (measured by
 * the long-session test: after one collection the resident set was 5 to 40% above what
 * it was after the first build, after two 1 to 5%).
 */
export function collectWhenIdle(shared: LangiumSharedServices, idleMs = IDLE_MS): void {
    const collect = fullCollection();
    if (!collect) return;
    /** The resident size after the last collection. */
    let settled = 0;
    let timer: NodeJS.Timeout | undefined;
    // unref: a pending collection never keeps a finished server alive.
    const after = (action: () => void) => (timer = setTimeout(action, idleMs).unref());
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        clearTimeout(timer);
        after(() => {
            // Edits reparsed site by site leave little behind: then a collection (tens of
            // milliseconds for a big topology, in which a request would wait) is not worth it.
            if (process.memoryUsage.rss() < settled * GROWTH) return;
            collect();
            after(() => {
                collect();
                // V8 gives the pages back a little after the collection.
                after(() => (settled = process.memoryUsage.rss()));
            });
        });
    });
}

/** Collect once the resident size has grown by a tenth since the last collection. */
const GROWTH = 1.1;

/** V8's full collection: `gc` when Node.js runs with --expose-gc, else from a context made after exposing it. */
function fullCollection(): (() => void) | undefined {
    if (typeof globalThis.gc === 'function') return globalThis.gc;
    setFlagsFromString(EXPOSE_GC_FLAG);
    const gc: unknown = runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : undefined;
}
