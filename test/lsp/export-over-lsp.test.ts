import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
    CodeActionRequest,
    CodeLensRequest,
    createProtocolConnection,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExecuteCommandRequest,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    StreamMessageReader,
    StreamMessageWriter,
    type ProtocolConnection,
    type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { CONTOSO_INFO_CODES, infoCodesOf, problemsOf, readRepoFile, repoRoot } from '../helpers.js';

// The export as other editors reach it: `workspace/executeCommand` on `sfbtopo lsp --stdio`.
let server: ChildProcess | undefined;
let connection: ProtocolConnection | undefined;
const temps: string[] = [];

afterEach(() => {
    connection?.dispose();
    server?.kill();
    temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sfbtopo-export-lsp-'));
    temps.push(dir);
    return dir;
}

async function startServer() {
    const child = spawn(process.execPath, [join(repoRoot, 'out/cli.cjs'), 'lsp', '--stdio'], { cwd: repoRoot });
    server = child;
    const conn = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection = conn;
    const published: PublishDiagnosticsParams[] = [];
    const waiters: Array<() => void> = [];
    conn.onNotification(PublishDiagnosticsNotification.type, (params) => {
        published.push(params);
        waiters.splice(0).forEach((wake) => wake());
    });
    conn.listen();
    const init = await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    await conn.sendNotification(InitializedNotification.type, {});
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
    return { connection: conn, init, diagnosticsFor };
}

describe('the rule export over sfbtopo lsp --stdio', () => {
    it('advertises the commands and code lenses, and exports an opened topology into the given folder', async () => {
        const { connection, init, diagnosticsFor } = await startServer();
        expect(init.capabilities.executeCommandProvider?.commands).toEqual(expect.arrayContaining(['sfbtopo.exportRules', 'sfbtopo.previewRules']));
        expect(init.capabilities.codeLensProvider).toBeDefined();

        const folder = tempDir();
        const path = join(folder, 'contoso.sfbtopo');
        const text = readRepoFile('examples/contoso.sfbtopo');
        writeFileSync(path, text);
        const uri = pathToFileURL(path).href;
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sfbtopo', version: 1, text } });
        const contosoFindings = (await diagnosticsFor(uri)).diagnostics;
        expect(problemsOf(contosoFindings)).toEqual([]);
        expect(infoCodesOf(contosoFindings)).toEqual(CONTOSO_INFO_CODES);

        const lenses = await connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
        expect(lenses?.map((lens) => lens.command?.command)).toEqual(['sfbtopo.exportFirewall', 'sfbtopo.exportIpsec', 'sfbtopo.previewRules']);
        expect(lenses?.[0].command?.arguments).toEqual([{ uri }]);

        const actions = await connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], only: ['source'] },
        });
        expect(actions).toMatchObject([{ kind: 'source.sfbtopo.exportRules', command: { command: 'sfbtopo.exportAll' } }]);

        const outDir = join(tempDir(), 'rules-out');
        const result = await connection.sendRequest(ExecuteCommandRequest.type, { command: 'sfbtopo.exportRules', arguments: [{ uri, formats: 'all', outDir }] });
        expect(result).toMatchObject({ ok: true, outDir });
        const files: string[] = result.files;
        expect(files.length).toBeGreaterThan(0);
        for (const file of files) expect(existsSync(file), file).toBe(true);
        expect(readdirSync(outDir)).toContain('rules.json');
        expect(JSON.parse(readFileSync(join(outDir, 'rules.json'), 'utf8')).topology).toBe('Contoso');

        // Without a folder: `rules` beside the topology file.
        const byDefault = await connection.sendRequest(ExecuteCommandRequest.type, { command: 'sfbtopo.exportRules', arguments: [{ uri, formats: ['json'] }] });
        expect(byDefault).toMatchObject({ ok: true, outDir: join(folder, 'rules') });
        expect(existsSync(join(folder, 'rules', 'rules.json'))).toBe(true);

        const preview = await connection.sendRequest(ExecuteCommandRequest.type, { command: 'sfbtopo.previewRules', arguments: [{ uri }] });
        expect(preview).toMatch(/^# Rules of topology Contoso\n/);
    });

    it('exports the text just sent, and refuses once an edit introduces errors', async () => {
        const { connection, diagnosticsFor } = await startServer();
        const uri = 'untitled:edited.sfbtopo';
        const text = 'topology T\nsite S {\n  frontend pool fe01 {\n    server fe01a 10.0.1.11\n    hosts cms\n  }\n}\n';
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'sfbtopo', version: 1, text } });
        await diagnosticsFor(uri);
        const outDir = join(tempDir(), 'out');
        const good = await connection.sendRequest(ExecuteCommandRequest.type, { command: 'sfbtopo.exportRules', arguments: [{ uri, formats: ['json'], outDir }] });
        expect(good).toMatchObject({ ok: true });
        // The edit and the command travel back to back: the command must see the edit.
        await connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: text.replace('10.0.1.11', '10.0.1.300') }],
        });
        const badDir = join(tempDir(), 'bad');
        const bad = await connection.sendRequest(ExecuteCommandRequest.type, { command: 'sfbtopo.exportRules', arguments: [{ uri, formats: ['json'], outDir: badDir }] });
        expect(bad).toEqual({ ok: false, message: expect.stringMatching(/^The topology has 1 error; /) });
        expect(existsSync(badDir)).toBe(false);
        // An untitled document has no folder to put `rules` beside.
        const relative = await connection.sendRequest(ExecuteCommandRequest.type, { command: 'sfbtopo.exportRules', arguments: [{ uri, formats: ['json'] }] });
        expect(relative).toMatchObject({ ok: false, message: expect.stringMatching(/^Save the topology to a file first/) });
    });
});
