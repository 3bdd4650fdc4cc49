import { strict as assert } from 'node:assert';
import { copyFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, repoRoot, screenshot, waitFor, waitForDiagnostics, workspaceFile } from './helpers.js';

// "sfbtopo: Import Topology…" on a Topology Builder file of the workspace, as the Explorer
// context menu runs it (with the file's URI): the .sfbtopo appears beside the source, opens
// beside the editor, and its findings are the facts the XML does not hold.

suite('Import Topology', () => {
    const source = () => workspaceFile('imported-contoso.tbxml');
    const written = () => workspaceFile('imported-contoso.sfbtopo');

    suiteSetup(async () => {
        await closeAllEditors();
        copyFileSync(join(repoRoot, 'test/import/fixtures/contoso.tbxml'), source().fsPath);
        rmSync(written().fsPath, { force: true });
    });
    suiteTeardown(async () => {
        await closeAllEditors();
        rmSync(source().fsPath, { force: true });
        rmSync(written().fsPath, { force: true });
    });

    test('imports a .tbxml beside it, opens the result, and lists only the facts the XML lacks', async () => {
        const result = await vscode.commands.executeCommand<vscode.Uri | undefined>('sfbtopo.importTopology', source());
        assert.equal(result?.fsPath, written().fsPath);
        assert.ok(existsSync(written().fsPath), 'the .sfbtopo file is written beside the source');

        const editor = await waitFor('the imported topology in an editor', () =>
            vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.fsPath === written().fsPath),
        );
        assert.match(editor.document.getText(), /^\/\/ Imported by sfbtopo from imported-contoso\.tbxml, a Topology Builder document/);
        assert.equal(editor.document.languageId, 'sfbtopo');

        const diagnostics = await waitForDiagnostics(written(), 'the placeholders of the import', (found) => found.length > 0);
        const codes = new Set(diagnostics.map((d) => (typeof d.code === 'object' ? d.code.value : d.code)));
        assert.deepEqual([...codes].sort(), ['address-unknown', 'pool-needs-load-balancing', 'subnet-unknown']);
        await screenshot('import-beside');
    });
});
