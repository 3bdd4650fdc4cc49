import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import type { RulesTableResult } from '../../../server/src/language/lsp/export/export-command-ids.js';
import { visibleRows } from '../../../client/src/preview/rules-filter.js';
import { closeAllEditors, openEditor, repoRoot, screenshot, waitFor, workspaceFile, workspaceRoot } from './helpers.js';
import { ui } from './ui-driver.js';
import { inWebview } from './workbench-locators.js';

// The export commands write the files the command line writes: the same bytes, since
// both run the same renderers on the same topology file.

/** The files of a folder (not the writer's hidden temporary files), by name. */
function filesIn(folder: string): Map<string, Buffer> {
    if (!existsSync(folder)) return new Map();
    return new Map(
        readdirSync(folder)
            .filter((name) => !name.startsWith('.'))
            .sort()
            .map((name) => [name, readFileSync(join(folder, name))]),
    );
}

function assertSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>, what: string): void {
    assert.deepEqual([...actual.keys()], [...expected.keys()], `${what}: file names`);
    for (const [name, content] of expected) {
        assert.ok(actual.get(name)!.equals(content), `${what}: ${name} differs from the command line's`);
    }
}

/**
 * Runs a command that ends by showing a notification and waits, while the notification
 * is open, until that command has finished, dismissing the notification (the command
 * waits for it) as soon as `done` holds and `meanwhile` has run.
 */
async function runUntil(command: string, args: unknown[], what: string, done: () => boolean, meanwhile?: () => Promise<void>): Promise<void> {
    let settled = false;
    let failed: unknown;
    void Promise.resolve(vscode.commands.executeCommand(command, ...args)).then(
        () => (settled = true),
        (error) => ((failed = error), (settled = true)),
    );
    await waitFor(what, () => {
        if (failed) throw failed;
        return done();
    });
    await meanwhile?.();
    // The message may come a moment after the files: dismiss until the command returns.
    await waitFor(`${command} to finish once its notification is closed`, async () => {
        if (!settled) await vscode.commands.executeCommand('notifications.clearAll');
        return settled;
    });
    if (failed) throw failed;
}

suite('Export', () => {
    const topology = () => workspaceFile('contoso.sfbtopo');
    const rulesFolder = () => join(workspaceRoot(), 'rules');
    let scratch: string;
    let cliFiles: Map<string, Buffer>;

    suiteSetup(async () => {
        await closeAllEditors();
        scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-e2e-export-'));
        const cliOut = join(scratch, 'cli');
        // The command line from the same build; ELECTRON_RUN_AS_NODE in case the host is Electron.
        execFileSync(process.execPath, [join(repoRoot, 'out/cli.cjs'), 'export', topology().fsPath, '--format', 'all', '--out', cliOut], {
            env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
        });
        cliFiles = filesIn(cliOut);
        assert.ok(cliFiles.size >= 7, `the command line wrote ${[...cliFiles.keys()].join(', ')}`);
    });

    suiteTeardown(() => rmSync(scratch, { recursive: true, force: true }));

    test('the topology line carries the export and preview lenses, and the count since the export beside it', async () => {
        // The workspace holds contoso's last export in rules/ (run-tests.ts writes it).
        assert.ok(existsSync(join(rulesFolder(), 'rules.json')), 'an earlier export in rules/');
        const editor = await openEditor(topology());
        const lenses = await waitFor('code lenses', async () => {
            const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri, 10);
            return found.length > 0 ? found : undefined;
        });
        assert.deepEqual(
            lenses.map((lens) => [lens.range.start.line, lens.command?.command, lens.command?.title]),
            [
                [1, 'sfbtopo.exportFirewall', 'Export firewall rules'],
                [1, 'sfbtopo.exportIpsec', 'Export IPsec rules'],
                [1, 'sfbtopo.previewRules', 'Preview rules'],
                [1, 'sfbtopo.showRuleChanges', 'No rule changes since export'],
            ],
        );
        await screenshot('codelens', '.codelens-decoration >> text=Export firewall rules');
    });

    test('the firewall lens writes firewall files identical to the command line export', async () => {
        rmSync(rulesFolder(), { recursive: true, force: true });
        const editor = await openEditor(topology());
        const [firewall] = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
        assert.equal(firewall.command?.command, 'sfbtopo.exportFirewall');
        await runUntil(firewall.command!.command, firewall.command!.arguments ?? [], 'firewall files in rules/', () => filesIn(rulesFolder()).size > 0);
        const written = filesIn(rulesFolder());
        assert.ok(written.size < cliFiles.size, `only the firewall formats: ${[...written.keys()].join(', ')}`);
        for (const [name, content] of written) {
            assert.ok(cliFiles.get(name)?.equals(content), `${name} matches the command line's`);
        }
    });

    test('Export All writes every format into the output folder, byte for byte as the command line', async () => {
        rmSync(rulesFolder(), { recursive: true, force: true });
        await openEditor(topology());
        await runUntil('sfbtopo.exportAll', [topology()], 'every format in rules/', () => filesIn(rulesFolder()).size === cliFiles.size, async () => {
            // The result as the administrator sees it: the files in the Explorer, one of
            // them open, and the "Exported … files" message in the notification list.
            const script = vscode.Uri.file(join(rulesFolder(), 'windows-firewall-fe01.ps1'));
            await vscode.window.showTextDocument(script, { preview: true });
            await vscode.commands.executeCommand('revealInExplorer', script);
            await vscode.commands.executeCommand('notifications.showList');
            await screenshot('export-result', '.notifications-center >> text=Exported');
            await vscode.commands.executeCommand('notifications.hideList');
        });
        assertSameFiles(filesIn(rulesFolder()), cliFiles, 'sfbtopo.exportAll');
    });

    test("the server's sfbtopo.exportRules writes the same files where it is told to", async () => {
        const outDir = join(scratch, 'server');
        const result = await vscode.commands.executeCommand<{ ok: boolean; outDir: string; files: string[] }>('sfbtopo.exportRules', {
            uri: topology().toString(),
            formats: 'all',
            outDir,
        });
        assert.equal(result.ok, true, JSON.stringify(result));
        assert.equal(result.files.length, cliFiles.size);
        assertSameFiles(filesIn(outDir), cliFiles, 'sfbtopo.exportRules');
    });

    test('the workspace is trusted here: exports write (restricted.e2e.ts has the untrusted case)', () => {
        assert.equal(vscode.workspace.isTrusted, true);
    });

    test('the preview lens opens a table of the rules beside the topology that follows edits', async () => {
        await closeAllEditors();
        const editor = await openEditor(topology());
        const uri = editor.document.uri;
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        const preview = lenses.find((lens) => lens.command?.command === 'sfbtopo.previewRules')!;
        await vscode.commands.executeCommand(preview.command!.command, ...(preview.command!.arguments ?? []));
        const table = async () => (await vscode.commands.executeCommand<{ ok: boolean; rows: unknown[] }>('sfbtopo.rulesTable', { uri: uri.toString() })).rows.length;
        const rows = await table();
        const shown = await waitFor('the rules preview to list every rule', async () => {
            const state = await viewState(uri);
            return state && state.rows === rows ? state : undefined;
        });
        assert.deepEqual(shown, { rows, shown: rows, stale: false });
        const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => ({ tab, column: group.viewColumn })));
        const panel = tabs.find(({ tab }) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('sfbtopo.rules'));
        assert.ok(panel, `a rules tab among ${tabs.map(({ tab }) => tab.label).join(', ')}`);
        assert.equal(panel.tab.label, 'Rules: contoso.sfbtopo');
        assert.notEqual(panel.column, editor.viewColumn, 'the preview opens beside the editor');
        assert.ok(!vscode.window.visibleTextEditors.some((shownEditor) => shownEditor.document.uri.scheme !== 'file'), 'no raw markdown document');
        await screenshot('rules-preview', 'iframe.webview.ready');

        // Taking the Persistent Chat pool out takes its rules out of the table.
        const document = editor.document;
        const original = document.getText();
        const block = /\n  persistentchat pool pc01 \{[^}]*\}\n/.exec(original)!;
        const edit = new vscode.WorkspaceEdit();
        edit.delete(uri, new vscode.Range(document.positionAt(block.index), document.positionAt(block.index + block[0].length - 1)));
        assert.ok(await vscode.workspace.applyEdit(edit));
        const fewer = await waitFor('fewer rules from the server', async () => {
            const count = await table();
            return count < rows ? count : undefined;
        });
        await waitFor('the preview to list the fewer rules', async () => (await viewState(uri))?.rows === fewer);
        await vscode.commands.executeCommand('workbench.action.files.revert', uri);
        await closeAllEditors();
    });

    test('the preview of the perimeter example filters by firewall as a user picks one', async () => {
        await closeAllEditors();
        const editor = await openEditor(workspaceFile('perimeter.sfbtopo'));
        const uri = editor.document.uri;
        await vscode.commands.executeCommand('sfbtopo.previewRules', { uri: uri.toString() });
        const table = await vscode.commands.executeCommand<RulesTableResult>('sfbtopo.rulesTable', { uri: uri.toString() });
        assert.ok(table.ok, JSON.stringify(table));
        await waitFor('the preview to list every rule', async () => (await viewState(uri))?.shown === table.rows.length);

        const firewall = 'perimeter-external';
        const expected = visibleRows(table, { filters: { firewall }, search: '' }).length;
        assert.ok(expected > 0 && expected < table.rows.length, `${expected} of ${table.rows.length} rules are the external firewall's`);
        await ui.select(inWebview('select[data-key="firewall"]'), firewall);
        await waitFor('the preview to keep the external firewall\'s rules', async () => (await viewState(uri))?.shown === expected);
        const cells = await ui.texts(inWebview('#rules tbody td.key-firewall'));
        assert.equal(cells.length, expected);
        assert.ok(cells.every((cell) => cell === firewall), `firewall cells: ${[...new Set(cells)].join(', ')}`);
        await screenshot('rules-preview-firewall', 'iframe.webview.ready');
        await closeAllEditors();
    });
});

const viewState = (uri: vscode.Uri) => vscode.commands.executeCommand<{ rows: number; shown: number; stale: boolean } | undefined>('sfbtopo.rulesViewState', uri);
