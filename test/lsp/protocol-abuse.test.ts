// Protocol abuse against `sfbtopo lsp --stdio`: malformed JSON-RPC, unknown methods,
// requests for documents never opened, positions outside the document, a 50 MB document
// and a client that vanishes mid-request. The server must answer with proper errors or
// exit cleanly, and never hang.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import {
    CodeActionRequest,
    CompletionRequest,
    DefinitionRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    DocumentFormattingRequest,
    DocumentHighlightRequest,
    DocumentRangeFormattingRequest,
    DocumentSymbolRequest,
    ErrorCodes,
    FoldingRangeRequest,
    HoverRequest,
    ReferencesRequest,
    RenameRequest,
    ResponseError,
    SemanticTokensRangeRequest,
    SemanticTokensRequest,
    ShutdownRequest,
} from 'vscode-languageserver-protocol/node.js';
import { bigTopology } from '../fuzz/big-topology.js';
import { startLspServer, type LspServer } from '../fuzz/lsp-server.js';

let server: LspServer | undefined;
afterEach(() => server?.stop());

const SMALL = 'topology T\nsite S {\n  frontend pool fe01 {\n    server fe01a 10.0.1.11\n    hosts cms\n  }\n  gateway g 10.0.0.300\n}\n';

/** Settles `promise` or fails after `ms`: a request may be refused, never left hanging. */
async function settles<T>(promise: Promise<T>, ms = 10_000): Promise<PromiseSettledResult<T>> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    });
    try {
        return await Promise.race([Promise.allSettled([promise]).then(([outcome]) => outcome), timeout]);
    } finally {
        clearTimeout(timer);
    }
}

/** An answer, or a proper JSON-RPC error (a ResponseError with a numeric code). */
async function answered<T>(promise: Promise<T>): Promise<T | ResponseError<unknown>> {
    const outcome = await settles(promise);
    if (outcome.status === 'fulfilled') return outcome.value;
    expect(outcome.reason).toBeInstanceOf(ResponseError);
    expect(typeof (outcome.reason as ResponseError<unknown>).code).toBe('number');
    return outcome.reason as ResponseError<unknown>;
}

/** The server still works: it publishes diagnostics for a fresh document and answers a hover on it. */
async function stillServes(live: LspServer, name = 'alive'): Promise<void> {
    const uri = `untitled:${name}.sfbtopo`;
    await live.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sfbtopo', version: 1, text: SMALL } });
    const { diagnostics } = await live.diagnostics(uri);
    expect(diagnostics.map((d) => d.code)).toContain('invalid-address');
    const hover = await live.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 4 } });
    expect(JSON.stringify(hover)).toContain('frontend');
}

/** Frames `body` as an LSP message, with a Content-Length unless told otherwise. */
function frame(body: string, header = `Content-Length: ${Buffer.byteLength(body, 'utf8')}`): string {
    return `${header}\r\n\r\n${body}`;
}

/** JSON-RPC messages the server writes to stdout, read independently of the protocol connection. */
function rawMessages(live: LspServer): Array<{ id?: unknown; error?: { code: number; message: string }; result?: unknown }> {
    const messages: Array<{ id?: unknown; error?: { code: number; message: string } }> = [];
    let buffer = Buffer.alloc(0);
    live.child.stdout.on('data', (chunk: Buffer) => {
        buffer = Buffer.concat([buffer, chunk]);
        for (;;) {
            const end = buffer.indexOf('\r\n\r\n');
            if (end < 0) return;
            const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
            if (buffer.length < end + 4 + length) return;
            messages.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')));
            buffer = buffer.subarray(end + 4 + length);
        }
    });
    return messages;
}

async function until<T>(find: () => T | undefined, ms = 10_000): Promise<T> {
    const deadline = performance.now() + ms;
    for (;;) {
        const found = find();
        if (found !== undefined) return found;
        if (performance.now() > deadline) throw new Error(`not within ${ms} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
    }
}

describe('malformed JSON-RPC', () => {
    it('answers well-framed messages that are not valid requests with JSON-RPC errors, and keeps serving', async () => {
        server = await startLspServer();
        const raw = rawMessages(server);
        const write = (text: string) => server!.child.stdin.write(text);
        // Well-formed JSON, wrong shapes: a request without a method, params of the wrong type.
        write(frame('{"jsonrpc":"2.0","id":"raw-1","method":"textDocument/hover","params":42}'));
        write(frame('{"jsonrpc":"2.0","id":"raw-2","method":"textDocument/completion","params":{"textDocument":{"uri":7},"position":"here"}}'));
        write(frame('{"jsonrpc":"2.0","id":"raw-3","method":"textDocument/hover"}'));
        write(frame('{"jsonrpc":"2.0","id":"raw-4","method":"textDocument/formatting","params":{"textDocument":null}}'));
        for (const id of ['raw-1', 'raw-2', 'raw-3', 'raw-4']) {
            const reply = await until(() => raw.find((m) => m.id === id));
            // An error, or (for what the server can read as "no document") an empty result.
            if (reply.error) expect(typeof reply.error.code).toBe('number');
            else expect(reply.result ?? null).toBeNull();
        }
        // Odd messages that are not requests at all are dropped.
        write(frame('{"jsonrpc":"2.0","id":"raw-5"}'));
        write(frame('[1,2,3]'));
        write(frame('"just a string"'));
        // Notifications with missing or mistyped fields: no text, a number for text, changes that are not a list.
        write(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:x.sfbtopo","version":"one"}}}'));
        write(frame('{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:y.sfbtopo","languageId":"sfbtopo","version":1,"text":42}}}'));
        write(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:y.sfbtopo","version":2},"contentChanges":5}}'));
        write(frame('{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:y.sfbtopo","version":3},"contentChanges":[{"range":{"start":{"line":0,"character":0},"end":{"line":0,"character":0}}}]}}'));
        write(frame('{"jsonrpc":"2.0","method":"textDocument/didClose","params":{}}'));
        await stillServes(server);
        expect(server.child.exitCode).toBeNull();
    });

    it('survives a body that is not JSON and still answers, or exits cleanly', async () => {
        server = await startLspServer();
        server.child.stdin.write(frame('{this is not json'));
        server.child.stdin.write(frame('\u0000\u0001\u00ff'));
        const alive = await settles(stillServes(server), 15_000).then((outcome) => outcome.status === 'fulfilled');
        if (!alive) expect(await settles(server.exited, 10_000)).toMatchObject({ status: 'fulfilled', value: expect.any(Number) });
    });

    it('exits with code 1 after a header without a usable Content-Length, instead of reading on from the wrong offset', async () => {
        for (const header of ['Content-Type: application/vscode-jsonrpc; charset=utf-8', 'Content-Length: lots', 'no colon here', 'Content-Length: -3']) {
            const live = (server = await startLspServer());
            live.child.stdin.write(frame('{"jsonrpc":"2.0","id":"raw-9","method":"shutdown"}', header));
            expect(await settles(live.exited, 10_000)).toEqual({ status: 'fulfilled', value: 1 });
            expect(live.stderr()).toContain('the LSP stream cannot be read any further');
            live.stop();
        }
    }, 60_000);

    it('keeps serving after messages split across writes at every byte, and after a 1 MB message', async () => {
        server = await startLspServer();
        const uri = 'untitled:split.sfbtopo';
        const message = frame(JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'sfbtopo', version: 1, text: SMALL } } }));
        for (const ch of message) server.child.stdin.write(ch);
        expect((await server.diagnostics(uri)).diagnostics.map((d) => d.code)).toEqual(['invalid-address']);
        const big = 'untitled:one-megabyte.sfbtopo';
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: big, languageId: 'sfbtopo', version: 1, text: `${SMALL}/* ${'é'.repeat(500_000)} */\n` },
        });
        await server.diagnostics(big, { timeoutMs: 30_000 });
        await stillServes(server);
    }, 60_000);
});

describe('unknown methods', () => {
    it('answers an unknown request with MethodNotFound and ignores unknown notifications', async () => {
        server = await startLspServer();
        const refused = await answered(server.connection.sendRequest('sfbtopo/noSuchRequest', { x: 1 }));
        expect(refused).toBeInstanceOf(ResponseError);
        expect((refused as ResponseError<unknown>).code).toBe(ErrorCodes.MethodNotFound);
        const dollar = await answered(server.connection.sendRequest('$/noSuchRequest', {}));
        expect(dollar).toBeInstanceOf(ResponseError);
        await server.connection.sendNotification('sfbtopo/noSuchNotification', { y: 2 });
        await server.connection.sendNotification('$/cancelRequest', { id: 123_456 });
        await stillServes(server);
    });
});

describe('requests for documents that were never opened', () => {
    it('answers with an error or nothing, for untitled and file URIs', async () => {
        server = await startLspServer();
        const { connection } = server;
        for (const uri of ['untitled:never-opened.sfbtopo', 'file:///no/such/dir/never.sfbtopo', 'not a uri at all', 'file:///etc/passwd']) {
            const textDocument = { uri };
            const position = { line: 0, character: 0 };
            const range = { start: position, end: position };
            const results = await Promise.all([
                answered(connection.sendRequest(HoverRequest.type, { textDocument, position })),
                answered(connection.sendRequest(CompletionRequest.type, { textDocument, position })),
                answered(connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } })),
                answered(connection.sendRequest(DocumentSymbolRequest.type, { textDocument })),
                answered(connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } })),
                answered(connection.sendRequest(SemanticTokensRequest.type, { textDocument })),
                answered(connection.sendRequest(DefinitionRequest.type, { textDocument, position })),
            ]);
            for (const result of results) {
                if (!(result instanceof ResponseError)) expect(result === null || (Array.isArray(result) && result.length === 0) || typeof result === 'object').toBe(true);
            }
        }
        await stillServes(server);
    });
});

describe('positions outside the document', () => {
    it('answers every feature for positions and ranges past the end, or refuses them properly', async () => {
        server = await startLspServer();
        const { connection } = server;
        const uri = 'untitled:positions.sfbtopo';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sfbtopo', version: 1, text: SMALL } });
        await server.diagnostics(uri);
        const textDocument = { uri };
        const positions = [
            { line: 1_000_000, character: 0 },
            { line: 0, character: 1_000_000 },
            { line: 2_147_483_647, character: 2_147_483_647 },
            { line: -1, character: -1 },
            { line: 1.5, character: 0.25 },
        ];
        for (const position of positions) {
            const range = { start: { line: 0, character: 0 }, end: position };
            await Promise.all([
                answered(connection.sendRequest(HoverRequest.type, { textDocument, position })),
                answered(connection.sendRequest(CompletionRequest.type, { textDocument, position })),
                answered(connection.sendRequest(DefinitionRequest.type, { textDocument, position })),
                answered(connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })),
                answered(connection.sendRequest(DocumentHighlightRequest.type, { textDocument, position })),
                answered(connection.sendRequest(RenameRequest.type, { textDocument, position, newName: 'x' })),
                answered(connection.sendRequest(DocumentRangeFormattingRequest.type, { textDocument, range, options: { tabSize: 2, insertSpaces: true } })),
                answered(connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } })),
                answered(connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument, range })),
                answered(connection.sendRequest(FoldingRangeRequest.type, { textDocument })),
            ]);
        }
        // An edit whose range lies past the end is applied at the end, as the text document manager does.
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 },
            contentChanges: [{ range: { start: { line: 500, character: 9 }, end: { line: 900, character: 0 } }, text: '// appended\n' }],
        });
        await stillServes(server);
    });
});

describe('a 50 MB document', () => {
    it('gets one document-too-large diagnostic within 10 s instead of a frozen editor, and the server keeps answering', async () => {
        server = await startLspServer();
        const { connection } = server;
        const base = bigTopology(1_000);
        const text = base.repeat(Math.ceil((50 * 1024 * 1024) / base.length));
        const uri = 'untitled:huge.sfbtopo';

        const started = performance.now();
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sfbtopo', version: 1, text } });
        const { diagnostics } = await server.diagnostics(uri, { timeoutMs: 10_000 });
        const seconds = (performance.now() - started) / 1000;
        console.log(`50 MB document: diagnostic after ${seconds.toFixed(1)} s`);
        expect(seconds).toBeLessThan(10);
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({ code: 'document-too-large', severity: 1, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
        expect(diagnostics[0].message).toMatch(/^This file is 50\.\d MB, over the 4 MB limit/);

        // Features answer at once, with nothing.
        const textDocument = { uri };
        const position = { line: 10, character: 4 };
        expect(await connection.sendRequest(HoverRequest.type, { textDocument, position })).toBeNull();
        const completion = await connection.sendRequest(CompletionRequest.type, { textDocument, position });
        expect(Array.isArray(completion) ? completion : (completion?.items ?? [])).toEqual([]);
        expect(await connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
        expect(await connection.sendRequest(DocumentSymbolRequest.type, { textDocument })).toEqual([]);
        await stillServes(server, 'after-huge');

        // Typing in it keeps the one diagnostic; cutting it down to a topology brings validation back.
        let published = server.published.length;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 },
            contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '// more\n' }],
        });
        expect((await server.diagnostics(uri, { since: published })).diagnostics.map((d) => d.code)).toEqual(['document-too-large']);
        published = server.published.length;
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text: SMALL }] });
        expect((await server.diagnostics(uri, { since: published })).diagnostics.map((d) => d.code)).toEqual(['invalid-address']);
    }, 60_000);
});

describe('a client that vanishes', () => {
    it('exits when its input closes in the middle of a request', async () => {
        server = await startLspServer();
        const { connection } = server;
        const uri = 'untitled:vanish.sfbtopo';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sfbtopo', version: 1, text: bigTopology(1_000) } });
        // The build of a thousand pools is still running: this request is pending.
        void connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 100, character: 4 } }).catch(() => undefined);
        // Let the writer put the request on the pipe, then vanish.
        await new Promise((resolve) => setTimeout(resolve, 200));
        connection.dispose();
        server.child.stdin.end();
        server.child.stdout.destroy();
        const outcome = await settles(server.exited, 20_000);
        // No shutdown request came first, so the LSP exit code is 1; a crash would be a signal or another code.
        expect(outcome).toEqual({ status: 'fulfilled', value: 1 });
    }, 60_000);

    it('exits when the client process dies without closing the pipes', async () => {
        const client = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
        const gone = new Promise((resolve) => client.once('exit', resolve));
        try {
            server = await startLspServer({ processId: client.pid });
            await stillServes(server);
            client.kill('SIGKILL');
            await gone;
            // The server looks for its client every few seconds.
            expect(await settles(server.exited, 20_000)).toEqual({ status: 'fulfilled', value: 1 });
        } finally {
            client.kill('SIGKILL');
        }
    }, 60_000);

    it('shuts down with exit code 0 when asked properly, even with a request pending', async () => {
        server = await startLspServer();
        const { connection } = server;
        const uri = 'untitled:shutdown.sfbtopo';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sfbtopo', version: 1, text: bigTopology(200) } });
        void connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 10, character: 4 } }).catch(() => undefined);
        await settles(connection.sendRequest(ShutdownRequest.type), 30_000);
        await connection.sendNotification('exit');
        expect(await settles(server.exited, 10_000)).toEqual({ status: 'fulfilled', value: 0 });
    }, 60_000);
});
