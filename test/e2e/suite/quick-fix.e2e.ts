import { strict as assert } from 'node:assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, openEditor, waitForDiagnostics, workspaceFile } from './helpers.js';

suite('Quick fix', () => {
    suiteSetup(closeAllEditors);

    test('adds the ports a DNS-balanced Front End load balancer lacks, and the finding goes away', async () => {
        const editor = await openEditor(workspaceFile('lb-ports.sfbtopo'));
        const uri = editor.document.uri;
        const [missing] = await waitForDiagnostics(uri, 'load-balancer-missing-ports', (diagnostics) =>
            diagnostics.some((d) => d.code === 'load-balancer-missing-ports'),
        );
        assert.equal(editor.document.getText(missing.range), 'ports 443');

        const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
            'vscode.executeCodeActionProvider',
            uri,
            missing.range,
            vscode.CodeActionKind.QuickFix.value,
        );
        const fix = actions.find((action): action is vscode.CodeAction => 'edit' in action && action.title === 'Add ports 80, 4443, 8080');
        assert.ok(fix, `offered: ${actions.map((action) => action.title).join(' | ')}`);
        assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));

        assert.ok(await vscode.workspace.applyEdit(fix.edit!));
        if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
        assert.match(editor.document.lineAt(missing.range.start.line).text, /ports 443, 80, 4443, 8080 \}/);
        await waitForDiagnostics(uri, 'none after the fix', (diagnostics) => diagnostics.length === 0);
        await vscode.commands.executeCommand('workbench.action.files.revert');
    });
});
