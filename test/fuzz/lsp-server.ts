// Starts `sfbtopo lsp --stdio` from the bundle and speaks JSON-RPC to it, for the long
// edit session and the protocol abuse tests.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
    createProtocolConnection,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    StreamMessageReader,
    StreamMessageWriter,
    type ProtocolConnection,
    type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { repoRoot } from '../helpers.js';
import { languageServerEnvironment } from '../../server/src/workspace/server-environment.js';

export interface LspServer {
    child: ChildProcessWithoutNullStreams;
    connection: ProtocolConnection;
    /** Every diagnostics notification, in the order received. */
    published: PublishDiagnosticsParams[];
    /** Resolves with the first notification for `uri` after `since` (an index into `published`) that passes `test`. */
    diagnostics(uri: string, options?: { since?: number; test?: (params: PublishDiagnosticsParams) => boolean; timeoutMs?: number }): Promise<PublishDiagnosticsParams>;
    /** The server's resident set size in bytes, from /proc/PID/status. */
    rss(): number;
    /** The live heap after a full collection, in bytes (only with `gcProbe`). */
    liveHeap(): Promise<number>;
    /** Resolves with the exit code (or signal) once the process has exited. */
    exited: Promise<number | string | null>;
    stderr(): string;
    stop(): void;
}

/**
 * `processId` is the client's process, which the server watches (this test process by
 * default). `gcProbe` preloads gc-probe.cjs, which reports the live heap on SIGUSR2.
 */
export async function startLspServer(options: { processId?: number; gcProbe?: boolean } = {}): Promise<LspServer> {
    const probe = options.gcProbe ? ['--expose-gc', '--require', join(repoRoot, 'test/fuzz/gc-probe.cjs')] : [];
    // Started as VS Code starts it, with the allocator settings of client/src/extension.ts.
    const child = spawn(process.execPath, [...probe, join(repoRoot, 'out/cli.cjs'), 'lsp', '--stdio'], { cwd: repoRoot, env: languageServerEnvironment(process.env) });
    const errors: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    // A server that exits closes the pipes; a write after that must not crash the test.
    child.stdin.on('error', () => undefined);
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.onError(() => undefined);
    const published: PublishDiagnosticsParams[] = [];
    const waiters = new Set<() => void>();
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        published.push(params);
        for (const wake of [...waiters]) wake();
    });
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: options.processId ?? process.pid, rootUri: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});

    return {
        child,
        connection,
        published,
        diagnostics(uri, { since = 0, test = () => true, timeoutMs = 10_000 } = {}) {
            return new Promise((resolve, reject) => {
                const look = () => {
                    const found = published.slice(since).find((p) => p.uri === uri && test(p));
                    if (!found) return;
                    waiters.delete(look);
                    clearTimeout(timer);
                    resolve(found);
                };
                const timer = setTimeout(() => {
                    waiters.delete(look);
                    reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms`));
                }, timeoutMs);
                waiters.add(look);
                look();
            });
        },
        rss() {
            const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
            const kb = /^VmRSS:\s+(\d+) kB/m.exec(status);
            if (!kb) throw new Error('no VmRSS line');
            return Number(kb[1]) * 1024;
        },
        async liveHeap() {
            const seen = Buffer.concat(errors).length;
            child.kill('SIGUSR2');
            for (let waited = 0; waited < 30_000; waited += 50) {
                const line = /sfbtopo-gc-probe heapUsed=(\d+)/.exec(Buffer.concat(errors).subarray(seen).toString('utf8'));
                if (line) return Number(line[1]);
                await new Promise((resolve) => setTimeout(resolve, 50));
            }
            throw new Error('the server did not report its heap (started without gcProbe?)');
        },
        exited,
        stderr: () => Buffer.concat(errors).toString('utf8'),
        stop() {
            connection.dispose();
            if (child.exitCode === null && child.signalCode === null) child.kill();
        },
    };
}
