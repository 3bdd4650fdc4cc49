import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, hoversOn, openEditor, waitFor, waitForDiagnostics, workspaceFile, workspaceRoot } from './helpers.js';

// Run in a second workbench whose display language is Japanese (run-tests.ts: --locale=ja
// with an empty language pack, test/e2e/ja-language-pack). VS Code hands the display
// language to the language server, which then answers in Japanese.
suite('Japanese display language', () => {
    suiteSetup(closeAllEditors);

    test('VS Code runs in Japanese and the extension activates', async () => {
        assert.equal(vscode.env.language, 'ja');
        await openEditor(workspaceFile('ports.sfbtopo'));
        await waitFor('the extension to activate', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive);
    });

    test('diagnostics are in Japanese', async () => {
        const editor = await openEditor(workspaceFile('bad.sfbtopo'));
        const diagnostics = await waitForDiagnostics(editor.document.uri, 'three findings', (diagnostics) => diagnostics.length >= 3);
        const address = diagnostics.find((d) => d.code === 'invalid-address');
        assert.ok(address, diagnostics.map((d) => d.message).join('\n'));
        assert.equal(
            address.message,
            "'10.0.3.300' は IPv4 アドレスではありません。10.0.1.11 のように、0 から 255 までの 10 進数 4 つをドットで区切って書きます。",
        );
    });

    test('the hover on a port is in Japanese', async () => {
        const editor = await openEditor(workspaceFile('ports.sfbtopo'));
        const { markdown: text } = await hoversOn(editor, '5061');
        assert.match(text, /\*\*ロード バランサー lbdir \(プール dir01\) のポート 5061\*\*/);
        assert.match(text, /ほかに使うもの: フロント エンド、ディレクター、.*\(カタログのほかの行 \d+ 件\)。/);
    });

    test('the code lenses and the quick fix are in Japanese', async () => {
        const editor = await openEditor(workspaceFile('lb-ports.sfbtopo'));
        const lenses = await waitFor('code lenses', async () => {
            const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
            return found.length > 0 ? found : undefined;
        });
        assert.deepEqual(
            lenses.map((lens) => lens.command?.title),
            ['ファイアウォール ルールをエクスポート', 'IPsec ルールをエクスポート', 'ルールをプレビュー'],
        );
        const [missing] = await waitForDiagnostics(editor.document.uri, 'load-balancer-missing-ports', (diagnostics) =>
            diagnostics.some((d) => d.code === 'load-balancer-missing-ports'),
        );
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, missing.range);
        assert.ok(
            actions.some((action) => action.title === 'ポート 80, 4443, 8080 を追加'),
            actions.map((action) => action.title).join(' | '),
        );
    });

    test('an export writes its files: the workspace is trusted here', async () => {
        const uri = (await openEditor(workspaceFile('contoso.sfbtopo'))).document.uri;
        const outDir = join(workspaceRoot(), 'rules-ja');
        const result = await vscode.commands.executeCommand<{ ok: boolean; files: string[] }>('sfbtopo.exportRules', { uri: uri.toString(), formats: ['json'], outDir });
        assert.equal(result?.ok, true, JSON.stringify(result));
        assert.ok(existsSync(join(outDir, 'rules.json')));
    });
});
