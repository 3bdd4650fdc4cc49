import { strict as assert } from 'node:assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, openEditor, rangeOf, waitFor, waitForDiagnostics, workspaceFile } from './helpers.js';

suite('Completion and go to definition', () => {
    suiteSetup(closeAllEditors);

    test('completion after `for ` lists the pools of the topology', async () => {
        const example = await vscode.workspace.openTextDocument(workspaceFile('contoso.sfbtopo'));
        // An unsaved copy of the example with a load balancer left unfinished at the end of the site.
        const text = example.getText().replace(/\n}\s*$/, '\n  loadbalancer lb3 for \n}\n');
        const document = await vscode.workspace.openTextDocument({ language: 'sfbtopo', content: text });
        await vscode.window.showTextDocument(document);
        const position = rangeOf(document, 'loadbalancer lb3 for ').end;
        const labels = await waitFor('pool names in the completion list', async () => {
            const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
            const names = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
            return names.includes('fe01') ? names : undefined;
        });
        const pools = [...text.matchAll(/\bpool (\w+)/g)].map((match) => match[1]);
        assert.equal(pools.length, 7);
        assert.deepEqual([...labels].sort(), pools.sort());
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('the outline keeps answering while a `for` reference is still missing', async () => {
        const document = await vscode.workspace.openTextDocument({ language: 'sfbtopo', content: 'topology T\nsite S {\n  frontend pool fe01 { server fe01a 10.0.1.11 }\n  loadbalancer lb3 for \n}\n' });
        await vscode.window.showTextDocument(document);
        // The server has read the document once it reports the missing name.
        await waitForDiagnostics(document.uri, 'the missing pool name', (diagnostics) => diagnostics.length > 0);
        const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
        const names = JSON.stringify(symbols ?? null);
        // The request is answered (it used to fail on the missing reference). Which symbols VS Code
        // shows for this untitled document is still under investigation; the symbols themselves are
        // checked in-process in test/language/lsp/navigation.test.ts.
        assert.ok(names.includes('"T"'), `outline of the unfinished topology: ${names.slice(0, 300)}`);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('go to definition on a pool reference lands on the pool', async () => {
        const editor = await openEditor(workspaceFile('contoso.sfbtopo'));
        const document = editor.document;
        const reference = rangeOf(document, 'for fe01');
        const locations = await waitFor('a definition', async () => {
            const found = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
                'vscode.executeDefinitionProvider',
                document.uri,
                reference.end.translate(0, -1),
            );
            return found.length > 0 ? found : undefined;
        });
        assert.equal(locations.length, 1);
        const [location] = locations;
        const target = 'targetUri' in location ? { uri: location.targetUri, range: location.targetSelectionRange ?? location.targetRange } : location;
        assert.equal(target.uri.toString(), document.uri.toString());
        const pool = rangeOf(document, 'frontend pool fe01');
        assert.equal(target.range.start.line, pool.start.line);
        assert.equal(document.getText(target.range), 'fe01');
    });
});
