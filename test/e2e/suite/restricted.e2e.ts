import { strict as assert } from 'node:assert';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, hoversOn, openEditor, screenshot, waitFor, waitForDiagnostics, workspaceFile, workspaceRoot } from './helpers.js';

// Run in a third workbench with workspace trust on and the folder not trusted (run-tests.ts:
// --enable-workspace-trust): VS Code's Restricted Mode. The manifest declares limited
// support, so checking, hovers, the rules preview and the map work; anything that would
// write files asks for trust instead and writes nothing.
suite('Restricted Mode (untrusted workspace)', () => {
    const topology = () => workspaceFile('contoso.sfbtopo');
    const rulesFolder = () => join(workspaceRoot(), 'rules');

    suiteSetup(closeAllEditors);

    test('the workspace is untrusted and the extension activates', async () => {
        assert.equal(vscode.workspace.isTrusted, false);
        await openEditor(workspaceFile('ports.sfbtopo'));
        await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    });

    test('diagnostics and hovers work', async () => {
        const bad = await openEditor(workspaceFile('bad.sfbtopo'));
        await waitForDiagnostics(bad.document.uri, 'an invalid address', (diagnostics) => diagnostics.some((d) => d.code === 'invalid-address'));
        const editor = await openEditor(workspaceFile('ports.sfbtopo'));
        const { markdown } = await hoversOn(editor, '5061');
        assert.match(markdown, /\*\*Port 5061\b/);
    });

    test('the map and the rules preview open', async () => {
        const uri = (await openEditor(topology())).document.uri;
        await vscode.commands.executeCommand('sfbtopo.showMap', uri);
        await waitFor('the map to draw its nodes', async () => (await vscode.commands.executeCommand<{ nodes: number } | undefined>('sfbtopo.mapViewState', uri))?.nodes);
        await vscode.commands.executeCommand('sfbtopo.previewRules', { uri: uri.toString() });
        await waitFor('the rules preview to list rules', async () => (await vscode.commands.executeCommand<{ shown: number } | undefined>('sfbtopo.rulesViewState', uri))?.shown);
        await closeAllEditors();
    });

    test('Export All writes nothing and asks for trust', async () => {
        rmSync(rulesFolder(), { recursive: true, force: true });
        await openEditor(topology());
        // Resolves at once: the question stays in a notification, with a button to the trust editor.
        await vscode.commands.executeCommand('sfbtopo.exportAll', topology());
        await screenshot('restricted-export', '.notifications-toasts >> text=Restricted Mode', true);
        assert.equal(existsSync(rulesFolder()), false, 'no rules/ folder');
        await vscode.commands.executeCommand('notifications.clearAll');
    });

    test("the lenses' export and the server's export command write nothing either", async () => {
        const editor = await openEditor(topology());
        const lenses = await waitFor('code lenses', async () => {
            const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
            return found.length > 0 ? found : undefined;
        });
        for (const lens of lenses.filter((lens) => lens.command?.command.startsWith('sfbtopo.export'))) {
            await vscode.commands.executeCommand(lens.command!.command, ...(lens.command!.arguments ?? []));
        }
        const outDir = join(workspaceRoot(), 'elsewhere');
        const answer = await vscode.commands.executeCommand('sfbtopo.exportRules', { uri: topology().toString(), formats: 'all', outDir });
        assert.equal(answer, undefined, 'refused in the client');
        await vscode.commands.executeCommand('sfbtopo.exportMap', topology());
        assert.equal(existsSync(rulesFolder()), false, 'no rules/ folder');
        assert.equal(existsSync(outDir), false, 'no folder named by the command');
        await vscode.commands.executeCommand('notifications.clearAll');
    });
});
