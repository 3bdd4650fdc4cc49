// @ts-check
// Starting the pinned code-server (e2e/code-server, installed by scripts/e2e-setup.sh)
// with everything it writes kept in one profile folder, never in the home directory.
// Shared by the end-to-end launcher and `npm run try`.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** code-server's entry point, or undefined when e2e/code-server is not installed. */
export function findCodeServer() {
    const entry = join(here, 'code-server/node_modules/code-server/out/node/entry.js');
    return existsSync(entry) ? entry : undefined;
}

/**
 * The arguments and environment that keep one code-server's files below `profile`
 * (user data, extensions, its config file and the XDG folders it would otherwise use).
 * @param {string} profile
 * @param {{ userDataDir?: string, extensionsDir?: string, env?: Record<string, string> }} [options]
 */
export function profileSettings(profile, options = {}) {
    const config = join(profile, 'code-server.yaml');
    mkdirSync(join(profile, 'xdg-config'), { recursive: true });
    mkdirSync(join(profile, 'xdg-data'), { recursive: true });
    writeFileSync(config, 'auth: none\ncert: false\n');
    const userDataDir = options.userDataDir ?? join(profile, 'user-data');
    const extensionsDir = options.extensionsDir ?? join(profile, 'extensions');
    return {
        args: ['--config', config, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir],
        env: { ...process.env, XDG_CONFIG_HOME: join(profile, 'xdg-config'), XDG_DATA_HOME: join(profile, 'xdg-data'), ...options.env },
        userDataDir,
        extensionsDir,
    };
}

/**
 * Runs code-server once (e.g. --install-extension) and resolves with its output when it exits 0.
 * @param {string} entry @param {string[]} args @param {NodeJS.ProcessEnv} env
 * @param {{ onSpawn?: (child: import('node:child_process').ChildProcess) => void }} [options]
 * @returns {Promise<string>}
 */
export function runCodeServer(entry, args, env, options = {}) {
    return new Promise((resolvePromise, reject) => {
        // Its own process group, like the server below: stopCodeServer ends it with all it started.
        const child = spawn(process.execPath, [entry, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        options.onSpawn?.(child);
        let output = '';
        child.stdout.on('data', (chunk) => (output += chunk));
        child.stderr.on('data', (chunk) => (output += chunk));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`code-server ${args.join(' ')} exited with ${code}:\n${output}`))));
    });
}

/**
 * Starts the code-server web server on loopback (port 0: a free one) and resolves with
 * its address once it answers /healthz. It runs in its own process group, so that
 * `stopCodeServer` also ends its extension host and the language servers it started.
 * @param {string} entry @param {string[]} args @param {NodeJS.ProcessEnv} env @param {number} deadline
 * `onSpawn` gets the process as soon as it exists, so that a caller interrupted while
 * waiting can still stop it.
 * @param {{ port?: number, onLog?: (line: string) => void, onSpawn?: (child: import('node:child_process').ChildProcess) => void, workspaceTrust?: boolean }} [options]
 */
export async function startCodeServer(entry, args, env, deadline, options = {}) {
    // Workspace trust is off unless asked for: a folder then opens in Restricted Mode.
    const trust = options.workspaceTrust ? [] : ['--disable-workspace-trust'];
    const child = spawn(process.execPath, [entry, '--bind-addr', `127.0.0.1:${options.port ?? 0}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', ...trust, '--disable-getting-started-override', ...args], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
    });
    options.onSpawn?.(child);
    let output = '';
    /** @type {string} */
    const address = await new Promise((resolvePromise, reject) => {
        const look = (/** @type {Buffer} */ chunk) => {
            output += chunk;
            const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
            if (match) resolvePromise(match[1]);
        };
        child.stdout.on('data', look);
        child.stderr.on('data', look);
        child.on('error', reject);
        child.on('exit', (code) => reject(new Error(`code-server exited with ${code} before listening:\n${output}`)));
        setTimeout(() => reject(new Error(`code-server did not listen in time:\n${output}`)), Math.max(0, deadline - Date.now())).unref();
    });
    // From here on its output is the server's log.
    child.stdout.removeAllListeners('data');
    child.stderr.removeAllListeners('data');
    const onLog = options.onLog ?? (() => {});
    child.stdout.on('data', (chunk) => onLog(String(chunk)));
    child.stderr.on('data', (chunk) => onLog(String(chunk)));
    await waitUntil(async () => (await fetch(`${address}/healthz`)).ok, deadline, 'code-server /healthz');
    return { child, address };
}

/** Ends a code-server started by startCodeServer or runCodeServer, with everything it started. @param {import('node:child_process').ChildProcess} child */
export function stopCodeServer(child) {
    try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
        // already gone
    }
}

/**
 * Polls a condition until it holds or the deadline passes; returns as soon as it holds.
 * @param {() => unknown} condition @param {number} deadline @param {string} what
 */
export async function waitUntil(condition, deadline, what) {
    for (;;) {
        try {
            if (await condition()) return;
        } catch {
            // not yet
        }
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
    }
}
