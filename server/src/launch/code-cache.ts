import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

/** Long enough for a language server to have opened its first documents. */
const WRITE_AFTER_MS = 10_000;

/**
 * Runs a CommonJS bundle as `require` would, but compiled from V8's code cache when one was
 * kept: most of the command line's start-up is V8 compiling its bundle. The cache is written
 * after running (see below), so that it also holds the functions compiled while running; one
 * per `name` (the command), because each command runs other functions.
 *
 * (Node 22 has `module.enableCompileCache()`; Node 20, which sfbtopo supports, has not.)
 * The cache is the user's own (see cacheFolder); anything wrong with it only costs the time
 * it would have saved.
 *
 * `runtimeFlags` are the V8 flags the bundle sets for itself while it runs. V8 takes a cache
 * only under the flags it was made with, so the cache is made with them as they were when
 * the bundle was compiled (without this, every start of the language server rejected its cache).
 */
export function runWithCodeCache(bundle: string, name: string, runtimeFlags: readonly RuntimeV8Flag[] = []): void {
    // esbuild writes ASCII only (its default charset), which Latin-1 reads as UTF-8 would, minus UTF-8's checks.
    const source = readFileSync(bundle, 'latin1');
    const cacheFile = cachePath(bundle, name);
    const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile);
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, cachedData });
    if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected)) {
        // On exit, or once a long-running process (the language server) has been up a while:
        // it may well be ended by a signal, which runs no exit handler.
        let written = false;
        const write = () => {
            if (!written) writeCache(cacheFile, script, runtimeFlags);
            written = true;
        };
        process.once('exit', write);
        setTimeout(write, WRITE_AFTER_MS).unref();
    }
    const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;
    const module = { exports: {} };
    run.call(module.exports, module.exports, createRequire(bundle), module, bundle, dirname(bundle));
}

/** A V8 flag a bundle sets while it runs (`set`), and its value before (`initial`), both as command-line flags. */
export interface RuntimeV8Flag {
    set: string;
    initial: string;
}

/** Runs `action` with the flags at their initial values, then sets them again. */
function withInitialFlags<T>(flags: readonly RuntimeV8Flag[], action: () => T): T {
    if (flags.length === 0) return action();
    // Required here: Node's `v8` module takes some 3 ms to load, which `sfbtopo validate` does not need.
    const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
    for (const flag of flags) setFlagsFromString(flag.initial);
    try {
        return action();
    } finally {
        for (const flag of flags) setFlagsFromString(flag.set);
    }
}

/** Where this user's caches go on this platform; undefined when it is not safely the user's. */
function cacheFolder(): string | undefined {
    const home = homedir();
    const xdg = process.env.XDG_CACHE_HOME;
    const folder =
        process.platform === 'win32'
            ? join(process.env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'sfbtopo', 'Cache')
            : process.platform === 'darwin'
              ? join(home, 'Library', 'Caches', 'sfbtopo')
              : join(xdg && isAbsolute(xdg) ? xdg : join(home, '.cache'), 'sfbtopo');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    // Compiled code from a folder someone else controls would run as this user: only our own.
    const owner = statSync(folder).uid;
    return process.getuid === undefined || owner === process.getuid() ? folder : undefined;
}

/** The cache of this bundle, where it is and as it is now (size and time), for this V8; undefined without a usable folder. */
function cachePath(bundle: string, name: string): string | undefined {
    try {
        const folder = cacheFolder();
        if (folder === undefined) return undefined;
        const { size, mtimeMs } = statSync(bundle);
        // Two installations (a global one and a project's) keep a cache each instead of replacing each other's.
        return join(folder, `${name}.${pathHash(bundle)}-${process.versions.v8}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.v8cache`);
    } catch {
        return undefined;
    }
}

/** FNV-1a: a short name for a path, not a secret. */
function pathHash(path: string): string {
    let hash = 0x811c9dc5;
    for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193);
    return (hash >>> 0).toString(36);
}

function readCache(file: string): Buffer | undefined {
    try {
        return readFileSync(file);
    } catch {
        return undefined;
    }
}

/** Replaces this name's caches by the current one: written whole, then renamed into place. */
function writeCache(file: string, script: Script, runtimeFlags: readonly RuntimeV8Flag[]): void {
    try {
        const folder = dirname(file);
        const name = file.slice(folder.length + 1).split('-')[0];
        const partial = `${file}.${process.pid}.partial`;
        writeFileSync(partial, withInitialFlags(runtimeFlags, () => script.createCachedData()), { mode: 0o600 });
        renameSync(partial, file);
        for (const old of readdirSync(folder)) {
            if (old.startsWith(`${name}-`) && join(folder, old) !== file && !old.endsWith('.partial')) rmSync(join(folder, old), { force: true });
        }
    } catch {
        // An unwritable cache: the next run compiles again.
    }
}
