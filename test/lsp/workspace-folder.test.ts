import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
    ConfigurationRequest,
    createProtocolConnection,
    DidChangeWatchedFilesNotification,
    DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification,
    ExecuteCommandRequest,
    FileChangeType,
    InitializedNotification,
    InitializeRequest,
    PublishDiagnosticsNotification,
    RegistrationRequest,
    StreamMessageReader,
    StreamMessageWriter,
    type ProtocolConnection,
    type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node.js';
import { CONTOSO_INFO_CODES, infoCodesOf, problemsOf, readRepoFile, repoRoot } from '../helpers.js';

// `sfbtopo lsp --stdio` opened on a workspace folder as administrators keep one: topologies
// next to notes, scripts and a previous export. Only the topologies may get diagnostics.
let server: ChildProcess | undefined;
let connection: ProtocolConnection | undefined;
let folder: string;

afterEach(() => {
    connection?.dispose();
    server?.kill();
    rmSync(folder, { recursive: true, force: true });
});

const uriOf = (name: string) => pathToFileURL(join(folder, name)).href;
const nameOf = (uri: string) => decodeURIComponent(uri.slice(pathToFileURL(folder).href.length + 1));

function realisticFolder(): void {
    folder = mkdtempSync(join(tmpdir(), 'sfbtopo-lsp-folder-'));
    copyFileSync(join(repoRoot, 'examples/contoso.sfbtopo'), join(folder, 'contoso.sfbtopo'));
    writeFileSync(join(folder, 'broken.sfbtopo'), 'topology B\nsite S {\n  gateway g 10.0.0.300\n  gateway h 10.0.0.301\n}\n');
    writeFileSync(join(folder, 'README.md'), '# Firewall notes\n\nsite { x -> y }\n');
    writeFileSync(join(folder, 'setup.ps1'), "$pool = 'fe01' -> 1\n");
    writeFileSync(join(folder, 'settings.json'), '{ "a": [1, 2] }\n');
    writeFileSync(join(folder, 'map.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><text>fe01</text></svg>\n');
    mkdirSync(join(folder, 'rules'));
    writeFileSync(join(folder, 'rules/firewall-rules.csv'), '\uFEFFid,site,pool\r\nfe-1,Redmond,fe01\r\n');
    writeFileSync(join(folder, 'rules/rules.json'), '{ "rules": [ { "id": "fe-1" } ] }\n');
    writeFileSync(join(folder, 'rules/sfbtopo.nft'), 'table inet sfbtopo {\n  chain input { tcp dport 5061 accept }\n}\n');
    writeFileSync(join(folder, 'rules/windows-firewall-fe01.ps1'), "New-NetFirewallRule -DisplayName 'sfbtopo fe-1'\n");
}

async function startOnFolder() {
    server = spawn(process.execPath, [join(repoRoot, 'out/cli.cjs'), 'lsp', '--stdio'], { cwd: folder });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    const published: PublishDiagnosticsParams[] = [];
    const waiters: Array<() => void> = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        published.push(params);
        waiters.splice(0).forEach((wake) => wake());
    });
    // What an editor answers: no settings, and yes to the file-watcher registration.
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
    connection.onRequest(RegistrationRequest.type, () => null);
    connection.listen();
    const root = pathToFileURL(folder).href;
    await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: root,
        workspaceFolders: [{ uri: root, name: 'topologies' }],
        capabilities: { workspace: { workspaceFolders: true, configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    /** Waits for the `count`-th publication for `name` (1 = the first). */
    const publication = (name: string, count = 1) =>
        new Promise<PublishDiagnosticsParams>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`no publication ${count} for ${name} within 15 s`)), 15_000);
            const look = () => {
                const found = published.filter((p) => p.uri === uriOf(name));
                if (found.length >= count) {
                    clearTimeout(timer);
                    resolve(found[count - 1]);
                } else {
                    waiters.push(look);
                }
            };
            look();
        });
    // Files with errors or warnings (the reference example's information-level findings aside).
    const diagnosedFiles = () => [...new Set(published.filter((p) => problemsOf(p.diagnostics).length > 0).map((p) => nameOf(p.uri)))].sort();
    return { connection, publication, published, diagnosedFiles };
}

describe('sfbtopo lsp --stdio on a workspace folder', () => {
    it('diagnoses the topologies of the folder and nothing else, at start-up and on file-watcher events', async () => {
        realisticFolder();
        const { connection, publication, published, diagnosedFiles } = await startOnFolder();

        // The start-up scan: the reference example is clean, the broken topology gets its findings.
        const contosoFindings = (await publication('contoso.sfbtopo')).diagnostics;
        expect(problemsOf(contosoFindings)).toEqual([]);
        expect(infoCodesOf(contosoFindings)).toEqual(CONTOSO_INFO_CODES);
        expect((await publication('broken.sfbtopo')).diagnostics.map((d) => d.code)).toEqual(['invalid-address', 'invalid-address']);

        // An export writes new files and replaces others; the user edits the README; and the
        // broken topology is half mended in the same batch, so its second publication marks
        // the moment the whole batch has been handled.
        writeFileSync(join(folder, 'rules/probe.ps1'), "Test-NetConnection -Port 5061 'fe01'\n");
        writeFileSync(join(folder, 'rules/ipsec-exceptions.cmd'), 'netsh ipsec static add filter\n');
        writeFileSync(join(folder, 'rules/rules.json'), '{ "rules": [] }\n');
        writeFileSync(join(folder, 'README.md'), '# Firewall notes, edited\n');
        writeFileSync(join(folder, 'broken.sfbtopo'), 'topology B\nsite S {\n  gateway g 10.0.0.1\n  gateway h 10.0.0.301\n}\n');
        await connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [
                { uri: uriOf('rules/probe.ps1'), type: FileChangeType.Created },
                { uri: uriOf('rules/ipsec-exceptions.cmd'), type: FileChangeType.Created },
                { uri: uriOf('rules/rules.json'), type: FileChangeType.Changed },
                { uri: uriOf('README.md'), type: FileChangeType.Changed },
                { uri: uriOf('rules'), type: FileChangeType.Changed },
                { uri: uriOf('broken.sfbtopo'), type: FileChangeType.Changed },
            ],
        });
        expect((await publication('broken.sfbtopo', 2)).diagnostics.map((d) => d.code)).toEqual(['invalid-address']);

        expect(diagnosedFiles()).toEqual(['broken.sfbtopo']);
        expect(published.every((p) => p.uri.endsWith('.sfbtopo'))).toBe(true);
    });

    it('serves a file the user switched to the sfbtopo language while it is open, and clears its diagnostics when it is closed', async () => {
        realisticFolder();
        const { connection, publication } = await startOnFolder();
        await publication('broken.sfbtopo');

        const uri = uriOf('README.md');
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'sfbtopo', version: 1, text: 'topology N\nsite S { gateway g 10.0.0.300 }\n' },
        });
        expect((await publication('README.md')).diagnostics.map((d) => d.code)).toEqual(['invalid-address']);
        // Switching the language mode back closes the document for this server.
        await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        expect((await publication('README.md', 2)).diagnostics).toEqual([]);
    });

    it('lists the rules and draws the map of topologies a client asks about as soon as it has started', async () => {
        // As VS Code does after a window reload: the rules preview and the map come back with
        // the window and ask for their topology before the server has scanned its folder.
        realisticFolder();
        const elsewhere = mkdtempSync(join(tmpdir(), 'sfbtopo-lsp-elsewhere-'));
        try {
            const outside = pathToFileURL(join(elsewhere, 'branch.sfbtopo')).href;
            const { connection } = await startOnFolder();
            await connection.sendNotification(DidOpenTextDocumentNotification.type, {
                textDocument: { uri: outside, languageId: 'sfbtopo', version: 1, text: readRepoFile('examples/branch.sfbtopo') },
            });
            const ask = (command: string, uri: string) => connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: [{ uri }] }) as Promise<{ ok: boolean; message?: string }>;
            const answers = await Promise.all([
                ask('sfbtopo.rulesTable', uriOf('contoso.sfbtopo')),
                ask('sfbtopo.mapData', uriOf('contoso.sfbtopo')),
                ask('sfbtopo.rulesTable', outside),
                ask('sfbtopo.mapData', outside),
            ]);
            expect(answers.map((answer) => answer.message)).toEqual([undefined, undefined, undefined, undefined]);
            expect(answers.map((answer) => answer.ok)).toEqual([true, true, true, true]);
        } finally {
            rmSync(elsewhere, { recursive: true, force: true });
        }
    });

    it('ignores other files a client keeps in sync with their own language', async () => {
        realisticFolder();
        const { connection, publication, diagnosedFiles } = await startOnFolder();
        await publication('broken.sfbtopo');
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: uriOf('setup.ps1'), languageId: 'powershell', version: 1, text: "$pool = 'fe01' -> 1\n" },
        });
        // A topology opened after it: once its diagnostics arrive, the script has been handled too.
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: uriOf('contoso.sfbtopo'), languageId: 'sfbtopo', version: 2, text: 'topology T\nsite S { gateway g 10.0.0.999 }\n' },
        });
        expect((await publication('contoso.sfbtopo', 2)).diagnostics.map((d) => d.code)).toEqual(['invalid-address']);
        expect(diagnosedFiles()).toEqual(['broken.sfbtopo', 'contoso.sfbtopo']);
    });
});
