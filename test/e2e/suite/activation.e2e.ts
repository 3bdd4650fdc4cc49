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

    test('activates when a .sfbtopo file is opened, with the sfbtopo language mode', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        assert.equal(extension.isActive, false, 'nothing activated it before a topology was opened');
        const editor = await openEditor(workspaceFile('lb-ports.sfbtopo'));
        assert.equal(editor.document.languageId, 'sfbtopo');
        await waitFor('the extension to activate', () => extension.isActive);
        // The language server is up once it has published diagnostics for the file.
        await waitForDiagnostics(editor.document.uri, 'published by the server', (diagnostics) => diagnostics.length > 0);
    });
});
