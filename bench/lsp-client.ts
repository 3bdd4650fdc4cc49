// A minimal LSP client for the benchmark: spawns a server over stdio and times
// keystroke → diagnostics, hover and completion the way an editor would see them.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
    CompletionRequest,
    createProtocolConnection,
    DidChangeConfigurationNotification,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    HoverRequest,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
    type CompletionItem,
    type Hover,
    type MessageConnection,
    type Position,
    type ProtocolConnection,
    type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';

/** `getconf CLK_TCK` on Linux. */
const CLOCK_TICKS = 100;

/** A character offset in a text as an LSP position (UTF-16 columns; the benchmark texts are ASCII). */
export function positionAt(text: string, offset: number): Position {
    let line = 0;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
}

export interface Published {
    params: PublishDiagnosticsParams;
    at: number;
}

export class LspSession {
    private readonly published: Published[] = [];
    private readonly waiters: Array<() => void> = [];
    private exited = false;

    private constructor(
        readonly name: string,
        readonly child: ChildProcess,
        readonly connection: ProtocolConnection,
    ) {
        child.once('exit', () => {
            this.exited = true;
            this.waiters.splice(0).forEach((wake) => wake());
        });
        connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
            this.published.push({ params, at: performance.now() });
            this.waiters.splice(0).forEach((wake) => wake());
        });
        // Servers may ask the client things (registerCapability, workspace/configuration, …): answer politely.
        const raw = connection as unknown as MessageConnection;
        raw.onRequest((method: string, params: unknown) =>
            method === 'workspace/configuration' ? ((params as { items?: unknown[] } | undefined)?.items ?? []).map(() => null) : null,
        );
        raw.onNotification(() => undefined);
        connection.listen();
    }

    /** Spawns `node ARGS…` with stdio pipes (in `env`, by default this process's); stderr is collected for error messages. */
    static start(name: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): LspSession {
        const child = spawn(process.execPath, args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
        let stderr = '';
        child.stderr!.on('data', (chunk: Buffer) => {
            stderr = (stderr + chunk.toString()).slice(-4000);
        });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const session = new LspSession(name, child, connection);
        session.stderr = () => stderr;
        return session;
    }

    stderr: () => string = () => '';

    /** `initialize`, then `initialized`; `folders` are the workspace's folders (paths), none by default. */
    async initialize(capabilities: object = {}, folders: string[] = []): Promise<void> {
        await this.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri: null,
            workspaceFolders: folders.length > 0 ? folders.map((folder) => ({ uri: pathToFileURL(folder).toString(), name: basename(folder) })) : null,
            capabilities,
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    async configure(settings: unknown): Promise<void> {
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings });
    }

    /** Publications for `uri` received after index `from` of the log. */
    private nextPublication(uri: string, from: number, timeoutMs: number, version?: number): Promise<Published> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`${this.name}: no diagnostics for ${uri} within ${timeoutMs} ms\n${this.stderr()}`)), timeoutMs);
            const look = () => {
                // Match on the version when the server sends one, else take the first publication after the change.
                const found = this.published.slice(from).find((p) => p.params.uri === uri && (version === undefined || p.params.version === undefined || p.params.version === version));
                if (found) {
                    clearTimeout(timer);
                    resolve(found);
                } else if (this.exited) {
                    clearTimeout(timer);
                    reject(new Error(`${this.name} exited\n${this.stderr()}`));
                } else {
                    this.waiters.push(look);
                }
            };
            look();
        });
    }

    /** Opens a document and waits for its first diagnostics; returns them and the time it took. */
    async open(uri: string, languageId: string, text: string, timeoutMs: number): Promise<{ ms: number; params: PublishDiagnosticsParams }> {
        const from = this.published.length;
        const start = performance.now();
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
        const published = await this.nextPublication(uri, from, timeoutMs, 1);
        return { ms: published.at - start, params: published.params };
    }

    /** Applies an incremental edit and times it until the matching diagnostics arrive. */
    async edit(uri: string, version: number, at: Position, removeChars: number, insert: string, timeoutMs: number): Promise<{ ms: number; params: PublishDiagnosticsParams }> {
        const from = this.published.length;
        const start = performance.now();
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: at, end: { line: at.line, character: at.character + removeChars } }, text: insert }],
        });
        const published = await this.nextPublication(uri, from, timeoutMs, version);
        return { ms: published.at - start, params: published.params };
    }

    async hover(uri: string, position: Position): Promise<{ ms: number; hover: Hover | null }> {
        const start = performance.now();
        const hover = await this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
        return { ms: performance.now() - start, hover };
    }

    async completion(uri: string, position: Position): Promise<{ ms: number; items: CompletionItem[] }> {
        const start = performance.now();
        const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
        const items = Array.isArray(result) ? result : (result?.items ?? []);
        return { ms: performance.now() - start, items };
    }

    /** CPU time the server process has used so far, in milliseconds (Linux `/proc/PID/stat` utime + stime, 10 ms ticks). */
    cpuMs(): number | undefined {
        try {
            // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
            const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
            const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
            return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
        } catch {
            return undefined;
        }
    }

    /** Peak resident set size of the server process so far, in bytes (Linux `VmHWM`). */
    peakRss(): number | undefined {
        try {
            const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
            const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1];
            return kb === undefined ? undefined : Number(kb) * 1024;
        } catch {
            return undefined;
        }
    }

    /** Shuts the server down politely, then kills it if it lingers. */
    async stop(): Promise<void> {
        if (this.exited) return;
        const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
        try {
            await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 3000))]);
            await this.connection.sendNotification(ExitNotification.type);
        } catch {
            // the server may already be gone
        }
        await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
        if (!this.exited) this.child.kill('SIGKILL');
        this.connection.dispose();
    }
}
