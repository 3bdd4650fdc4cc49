import { fork, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
    createProtocolConnection,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExitNotification,
    CodeActionRequest,
    CompletionRequest,
    DocumentFormattingRequest,
    HoverRequest,
    RenameRequest,
    SemanticTokensRequest,
    InitializedNotification,
    InitializeRequest,
    IPCMessageReader,
    IPCMessageWriter,
    PublishDiagnosticsNotification,
    ShutdownRequest,
    StreamMessageReader,
    StreamMessageWriter,
    type ProtocolConnection,
    type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'langium';
import { CONTOSO_INFO_CODES, infoCodesOf, problemsOf, readRepoFile, repoRoot } from '../helpers.js';

// `sfbtopo lsp --stdio` is the plain LSP server other editors start; speak to it as they do.
let server: ChildProcess | undefined;
let connection: ProtocolConnection | undefined;

afterEach(() => {
    connection?.dispose();
    server?.kill();
});

/** Starts the server as other editors do (`sfbtopo lsp --stdio`) or as the VS Code client does (IPC). */
async function startServer(transport: 'stdio' | 'ipc' = 'stdio', locale?: string) {
    if (transport === 'stdio') {
        const child = spawn(process.execPath, [join(repoRoot, 'out/cli.cjs'), 'lsp', '--stdio'], { cwd: repoRoot });
        server = child;
        connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    } else {
        const child = fork(join(repoRoot, 'out/server.cjs'), ['--node-ipc'], { cwd: repoRoot, silent: true });
        server = child;
        connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    }
    const published: PublishDiagnosticsParams[] = [];
    const waiters: Array<() => void> = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        published.push(params);
        waiters.splice(0).forEach((wake) => wake());
    });
    connection.listen();
    const init = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, locale });
    await connection.sendNotification(InitializedNotification.type, {});
    const diagnosticsFor = (uri: string) =>
        new Promise<PublishDiagnosticsParams>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within 10 s`)), 10_000);
            const look = () => {
                const found = published.find((p) => p.uri === uri);
                if (found) {
                    clearTimeout(timer);
                    resolve(found);
                } else {
                    waiters.push(look);
                }
            };
            look();
        });
    return { connection, init, diagnosticsFor };
}

describe('the bundled language server over IPC, as the VS Code client starts it', () => {
    it('answers initialize and publishes diagnostics', async () => {
        const { connection, init, diagnosticsFor } = await startServer('ipc');
        expect(init.capabilities.textDocumentSync).toBeDefined();
        const uri = 'untitled:ipc.sfbtopo';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'sfbtopo', version: 1, text: 'topology T\nsite S { subnet n 10.0.0.1/8 }\n' },
        });
        expect((await diagnosticsFor(uri)).diagnostics).toMatchObject([{ code: 'subnet-host-bits', severity: 2 }]);
    });
});

describe('documents without a .sfbtopo name', () => {
    it('serves an untitled editor, and survives it being closed', async () => {
        const { connection, diagnosticsFor } = await startServer();
        const uri = 'untitled:Untitled-1';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'sfbtopo', version: 1, text: 'topology T\nsite S {\n  loadbalancer lb3 for \n}\n' },
        });
        expect((await diagnosticsFor(uri)).diagnostics.length).toBeGreaterThan(0);
        await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        // The server is still there: a fresh document is served.
        const next = 'untitled:Untitled-2';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: next, languageId: 'sfbtopo', version: 1, text: 'topology T\nsite S { gateway g 10.0.0.300 }\n' },
        });
        expect((await diagnosticsFor(next)).diagnostics.map((d) => d.code)).toEqual(['invalid-address']);
    });
});

describe('the client locale', () => {
    it('switches diagnostics to Japanese when the editor says ja', async () => {
        const { connection, diagnosticsFor } = await startServer('stdio', 'ja-JP');
        const uri = 'untitled:ja.sfbtopo';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'sfbtopo', version: 1, text: 'topology T\nsite S { gateway g 10.0.0.300 }\n' },
        });
        const [diagnostic] = (await diagnosticsFor(uri)).diagnostics;
        expect(diagnostic.code).toBe('invalid-address');
        expect(diagnostic.message).toBe("'10.0.0.300' は IPv4 アドレスではありません。10.0.1.11 のように、0 から 255 までの 10 進数 4 つをドットで区切って書きます。");
    });
});

describe('sfbtopo lsp --stdio', () => {
    it('publishes the same diagnostics as the command line for an opened document, and shuts down cleanly', async () => {
        const { connection, init, diagnosticsFor } = await startServer();
        expect(init.capabilities.textDocumentSync).toBeDefined();

        const good = pathToFileURL(join(repoRoot, 'examples/contoso.sfbtopo')).href;
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: good, languageId: 'sfbtopo', version: 1, text: readRepoFile('examples/contoso.sfbtopo') },
        });
        const contosoFindings = (await diagnosticsFor(good)).diagnostics;
        expect(problemsOf(contosoFindings)).toEqual([]);
        expect(infoCodesOf(contosoFindings)).toEqual(CONTOSO_INFO_CODES);

        const bad = 'untitled:bad.sfbtopo';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: bad, languageId: 'sfbtopo', version: 1, text: 'topology T\nsite S {\n  gateway g 10.0.0.300\n}\n' },
        });
        const { diagnostics } = await diagnosticsFor(bad);
        expect(diagnostics).toMatchObject([
            { code: 'invalid-address', severity: 1, range: { start: { line: 2, character: 12 }, end: { line: 2, character: 22 } } },
        ]);

        const reversed = 'untitled:reversed.sfbtopo';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: reversed, languageId: 'sfbtopo', version: 1, text: 'topology T\nsite S { clients { media audio 50039-50020 } }\n' },
        });
        const [rangeDiagnostic] = (await diagnosticsFor(reversed)).diagnostics;
        const actions = await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: reversed },
            range: rangeDiagnostic.range,
            context: { diagnostics: [rangeDiagnostic] },
        });
        expect(actions).toMatchObject([{ title: 'Swap to 50020-50039', kind: 'quickfix', edit: { changes: { [reversed]: [{ newText: '50020-50039' }] } } }]);

        await connection.sendRequest(ShutdownRequest.type);
        const exited = new Promise<number | null>((resolve) => server!.once('exit', (code) => resolve(code)));
        await connection.sendNotification(ExitNotification.type);
        expect(await exited).toBe(0);
    });
});

describe('editor features over sfbtopo lsp --stdio', () => {
    const text = [
        'topology T',
        'site S {',
        '  frontend pool fe01 {',
        '    server fe01a 10.0.1.11',
        '    server fe01b 10.0.1.12',
        '    hosts cms',
        '    loadbalancing dns',
        '  }',
        '  loadbalancer lb for fe01 { vip 10.0.1.100 ports 80, 443, 4443, 8080 }',
        '  loadbalancer lb2 for ',
        '}',
        '',
    ].join('\n');
    const uri = 'untitled:features.sfbtopo';

    it('answers hover, completion, rename, formatting and semantic tokens', async () => {
        const { connection, init, diagnosticsFor } = await startServer();
        expect(init.capabilities.semanticTokensProvider).toBeDefined();
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sfbtopo', version: 1, text } });
        await diagnosticsFor(uri);

        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 8, character: 54 } });
        expect(JSON.stringify(hover?.contents)).toContain('**Port 443 on load balancer lb (pool fe01)**');

        const completion = await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 9, character: 23 } });
        const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
        expect(items.map((item) => item.label)).toEqual(['fe01']);

        const rename = await connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 2, character: 18 }, newName: 'fe10' });
        const edits = rename?.changes?.[uri] ?? [];
        expect(edits.map((edit) => [edit.range.start.line, edit.newText]).sort()).toEqual([[2, 'fe10'], [8, 'fe10']]);

        const formatting = await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
        expect(Array.isArray(formatting)).toBe(true);

        const tokens = await connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
        const legend = init.capabilities.semanticTokensProvider!.legend.tokenTypes;
        // Five integers per token: line delta, start, length, type, modifiers.
        const types = new Set(Array.from({ length: (tokens?.data.length ?? 0) / 5 }, (_, i) => legend[tokens!.data[i * 5 + 3]]));
        // Roles, pool names, server names, addresses and ports are told apart.
        expect([...types]).toEqual(expect.arrayContaining(['type', 'class', 'variable', 'number']));
    });

    it('formats a messy document into the canonical layout', async () => {
        const { connection, diagnosticsFor } = await startServer();
        const messy = 'topology T\nsite S {\n      frontend pool fe01 {   server fe01a    10.0.1.11\n hosts cms }\n}\n';
        const messyUri = 'untitled:messy.sfbtopo';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: messyUri, languageId: 'sfbtopo', version: 1, text: messy } });
        await diagnosticsFor(messyUri);
        const edits = await connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: messyUri }, options: { tabSize: 2, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(TextDocument.create(messyUri, 'sfbtopo', 1, messy), edits ?? []);
        expect(formatted).toBe('topology T\nsite S {\n  frontend pool fe01 {\n    server fe01a 10.0.1.11\n    hosts cms\n  }\n}\n');
    });
});
