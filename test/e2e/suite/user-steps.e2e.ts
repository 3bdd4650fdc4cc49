import { strict as assert } from 'node:assert';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, rangeOf, waitFor, waitForDiagnostics } from './helpers.js';
import { lensTitle, openFromExplorer } from './user-actions.js';
import { ui } from './ui-driver.js';
import { activeEditorText, codeLens, editorTab, mapBox, quickFixMenuRow } from './workbench-locators.js';

// The extension used as a user uses it: clicks and keys in the workbench (through the
// launcher's browser, ui-driver.ts), with the vscode API only to check what happened.
// Run in both workbenches: titles a test clicks come from the extension at run time.

interface MapDataAnswer {
    ok: boolean;
    model: { nodes: Array<{ id: string; kind: string; label: string }> };
}

suite('User steps', () => {
    suiteSetup(closeAllEditors);
    suiteTeardown(closeAllEditors);

    test('a click on a topology in the Explorer opens it, with its lenses', async () => {
        const editor = await openFromExplorer('ports.sfbtopo');
        assert.equal(editor.document.languageId, 'sfbtopo');
        await ui.waitFor(editorTab('ports.sfbtopo'));
        await ui.waitFor(codeLens(await lensTitle(editor.document.uri, 'sfbtopo.exportFirewall')));
        await ui.screenshot('user-opens-from-explorer');
    });

    test('Ctrl+. on a finding offers the quick fix, and choosing it fixes the topology', async () => {
        const editor = await openFromExplorer('lb-ports.sfbtopo');
        const uri = editor.document.uri;
        const [missing] = await waitForDiagnostics(uri, 'load-balancer-missing-ports', (diagnostics) => diagnostics.some((d) => d.code === 'load-balancer-missing-ports'));
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find((action) => action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind));
        assert.ok(fix, 'a quick fix is offered');

        // The keyboard in the editor, the cursor to the finding (Go to Line), Ctrl+., a click on the fix.
        await ui.click(activeEditorText());
        await ui.press('Control+g');
        await ui.type(`${missing.range.start.line + 1}:${missing.range.start.character + 1}`);
        await ui.press('Enter');
        await waitFor('the cursor on the finding', () => editor.selection.active.isEqual(missing.range.start));
        await ui.press('Control+.');
        await ui.waitFor(quickFixMenuRow(fix.title));
        await ui.screenshot('user-quick-fix-menu', quickFixMenuRow(fix.title));
        await ui.click(quickFixMenuRow(fix.title));

        await waitFor('the ports added to the load balancer', () => /ports 443, 80, 4443, 8080 \}/.test(editor.document.lineAt(missing.range.start.line).text));
        await waitForDiagnostics(uri, 'none after the fix', (diagnostics) => diagnostics.length === 0);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });

    test('a click on a box of the topology map shows its declaration in the editor', async () => {
        const editor = await openFromExplorer('contoso.sfbtopo');
        const uri = editor.document.uri;
        const data = await waitFor('the map data', async () => {
            const answer = await vscode.commands.executeCommand<MapDataAnswer>('sfbtopo.mapData', { uri: uri.toString() });
            return answer?.ok ? answer : undefined;
        });
        const pool = data.model.nodes.find((node) => node.label === 'dir01');
        assert.ok(pool, `a box for pool dir01 among ${data.model.nodes.map((node) => node.label).join(', ')}`);
        await vscode.commands.executeCommand('sfbtopo.showMap', uri);
        // As a user waits to see the boxes before clicking one.
        await waitFor('the map to draw its boxes', async () => (await vscode.commands.executeCommand<{ nodes: number } | undefined>('sfbtopo.mapViewState', uri))?.nodes);
        // The cursor elsewhere first, so that the reveal is seen to move it.
        editor.selection = new vscode.Selection(0, 0, 0, 0);

        await ui.click(mapBox(pool.id));
        const declaration = rangeOf(editor.document, 'director pool dir01');
        const revealed = await waitFor('dir01 selected in the topology', () => {
            const active = vscode.window.activeTextEditor;
            return active?.document.uri.toString() === uri.toString() && active.document.getText(active.selection) === 'dir01' ? active.selection : undefined;
        });
        assert.equal(revealed.start.line, declaration.start.line);
        await ui.screenshot('user-clicks-map-box');
        // Back to the top: the editor's scroll position outlives it, and later suites look at line 1.
        editor.selection = new vscode.Selection(0, 0, 0, 0);
        editor.revealRange(new vscode.Range(0, 0, 0, 0));
    });
});
