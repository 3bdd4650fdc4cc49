import { strict as assert } from 'node:assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, markdownText, openEditor, rangeOf, screenshot, waitFor, workspaceFile } from './helpers.js';

// In the English workbench; japanese.e2e.ts has the same hover with display language ja.
suite('Hover', () => {
    suiteSetup(async () => {
        await closeAllEditors();
        await vscode.commands.executeCommand('workbench.action.closePanel');
    });

    test('on a load balancer port it shows the catalogue rows of that port', async () => {
        const editor = await openEditor(workspaceFile('ports.sfbtopo'));
        const port = rangeOf(editor.document, '5061');
        const hovers = await waitFor('a hover on 5061', async () => {
            const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, port.start.translate(0, 1));
            return found.length > 0 ? found : undefined;
        });
        const text = hovers.flatMap((hover) => hover.contents.map(markdownText)).join('\n');
        assert.match(text, /\*\*Port 5061\*\*/);
        assert.match(text, /Director load balancer/);
        assert.match(text, /Front-End service/);
        assert.equal(vscode.env.language, 'en');

        editor.selection = new vscode.Selection(port.start.translate(0, 1), port.start.translate(0, 1));
        await vscode.commands.executeCommand('editor.action.showHover');
        await screenshot('hover-5061', '.monaco-hover >> text=Port 5061');
    });
});
