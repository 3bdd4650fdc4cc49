import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createProtocolConnection, InitializedNotification, InitializeRequest, IPCMessageReader, IPCMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node.js';
import { repoRoot } from '../helpers.js';

// The moments `npm run bench` splits the editor's start-up by (bench/editor-startup.mjs).
let server: ChildProcess | undefined;
let connection: ProtocolConnection | undefined;
let scratch: string | undefined;

afterEach(() => {
    connection?.dispose();
    server?.kill();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
});

async function startServer(env: NodeJS.ProcessEnv): Promise<void> {
    server = fork(join(repoRoot, 'out/server.cjs'), ['--node-ipc'], { cwd: repoRoot, silent: true, env });
    connection = createProtocolConnection(new IPCMessageReader(server), new IPCMessageWriter(server));
    connection.listen();
    const folder = join(repoRoot, 'examples');
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'examples' }] });
    await connection.sendNotification(InitializedNotification.type, {});
}

const eventsIn = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { event: string; at: number }) : []);

describe('the language server’s start-up moments', () => {
    it('are logged in order, in the clock of the process that started it, when SFBTOPO_STARTUP_LOG is set', async () => {
        scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-startup-'));
        const log = join(scratch, 'startup.jsonl');
        const before = Date.now();
        await startServer({ ...process.env, SFBTOPO_STARTUP_LOG: log });
        const deadline = Date.now() + 10_000;
        while (!eventsIn(log).some(({ event }) => event === 'workspace read') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        const events = eventsIn(log);
        expect(events.map(({ event }) => event)).toEqual(['server process', 'server loaded', 'initialize', 'workspace read']);
        const times = events.map(({ at }) => at);
        expect(times).toEqual([...times].sort((a, b) => a - b));
        // Milliseconds since the epoch, as the extension logs its own moments, not since the server started.
        expect(times[0]).toBeGreaterThanOrEqual(before - 50);
        expect(times[3]).toBeLessThanOrEqual(Date.now());
    });
});
