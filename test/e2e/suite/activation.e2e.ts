import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { EXTENSION_ID, openEditor, repoRoot, waitFor, waitForDiagnostics, workspaceFile } from './helpers.js';

suite('Installed from the .vsix', () => {
    test('the extension comes from the packaged .vsix, not from the source folder', () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is installed`);
        const inRepo = !relative(repoRoot, extension.extensionPath).startsWith('..');
        assert.ok(!inRepo, `loaded from ${extension.extensionPath}, inside the repository`);
        assert.ok(existsSync(join(extension.extensionPath, 'out/server.cjs')), 'the bundled language server is in the package');
        assert.ok(!existsSync(join(extension.extensionPath, 'node_modules')), 'no node_modules in the package');
        assert.ok(!existsSync(join(extension.extensionPath, 'server')), 'no sources in the package');
    });

    test('activates for a folder holding topologies before one is opened, and has their findings ready', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        assert.equal(vscode.window.visibleTextEditors.length, 0, 'no editor is open yet');
        await waitFor('the extension to activate', () => extension.isActive);
        // The server validates the folder's topologies as it starts: lb-ports.sfbtopo's findings come without opening it.
        const file = workspaceFile('lb-ports.sfbtopo');
        await waitForDiagnostics(file, 'published for the unopened file', (diagnostics) => diagnostics.length > 0);
        const editor = await openEditor(file);
        assert.equal(editor.document.languageId, 'sfbtopo');
    });
});
