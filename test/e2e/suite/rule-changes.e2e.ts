import { strict as assert } from 'node:assert';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, openEditor, screenshot, waitFor, workspaceFile } from './helpers.js';
import { ui } from './ui-driver.js';
import { inWebview } from './workbench-locators.js';

// Show Rule Changes: the workspace holds the last export of contoso.sfbtopo (rules/, written
// before the workbench started). An edit in the editor, not saved, shows in the code lens on
// the topology line and in the rule changes view, which reports what its DOM shows through
// the internal command `sfbtopo.ruleChangesViewState`.

interface ChangesViewState {
    groups: number;
    rows: number;
    stale: boolean;
    text: string;
}

const viewState = (uri: vscode.Uri) => vscode.commands.executeCommand<ChangesViewState | undefined>('sfbtopo.ruleChangesViewState', uri, 'export');

/** The title of the "since export" lens on the topology line, once the server has one. */
async function sinceExportLens(uri: vscode.Uri, expected: string): Promise<string> {
    return waitFor(`the lens "${expected}"`, async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        const title = lenses?.map((lens) => lens.command?.title).find((t) => t?.includes('since export'));
        return title === expected ? title : undefined;
    });
}

suite('Rule changes since the last export', () => {
    const topology = () => workspaceFile('contoso.sfbtopo');

    suiteSetup(closeAllEditors);
    suiteTeardown(closeAllEditors);

    test('an edit shows in the lens and in the rule changes view, which follows further edits', async () => {
        const editor = await openEditor(topology());
        const document = editor.document;
        const uri = document.uri;
        const original = document.getText();
        const replaceAll = async (text: string) => {
            const edit = new vscode.WorkspaceEdit();
            edit.replace(uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
            assert.ok(await vscode.workspace.applyEdit(edit));
        };
        try {
            await sinceExportLens(uri, 'No rule changes since export');

            // Retiring the Persistent Chat pool closes its seven rules.
            const pool = '  persistentchat pool pc01 {\n    fqdn "pchat01.contoso.com"\n    server pc01a 10.0.4.11\n  }\n\n';
            assert.ok(original.includes(pool));
            await replaceAll(original.replace(pool, ''));
            await sinceExportLens(uri, '+0 \u22127 rules since export');

            await vscode.commands.executeCommand('sfbtopo.showRuleChanges', { uri: uri.toString(), against: 'export' });
            const shown = await waitFor('the rule changes view to list the closed rules', async () => {
                const state = await viewState(uri);
                return state && state.rows === 7 ? state : undefined;
            });
            assert.equal(shown.groups, 1);
            assert.equal(shown.stale, false);
            assert.match(shown.text, /Firewall change request: topology Contoso/);
            assert.match(shown.text, /Internal firewall · Redmond · pc01/);
            assert.match(shown.text, /Redmond\/pc01\/server\.persistentchat\.5041\/tcp/);

            const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs);
            const panel = tabs.find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('sfbtopo.ruleChanges'));
            assert.ok(panel, `a rule changes tab among ${tabs.map((tab) => tab.label).join(', ')}`);
            assert.equal(panel.label, 'Rule changes since export: contoso.sfbtopo');

            // The button puts the change request on the clipboard, as markdown for a ticket.
            await vscode.env.clipboard.writeText('');
            await ui.click(inWebview('#copy'));
            const copied = await waitFor('the change request on the clipboard', async () => {
                const text = await vscode.env.clipboard.readText();
                return text.length > 0 ? text : undefined;
            });
            assert.match(copied, /^# Firewall change request: topology Contoso\n/);
            assert.match(copied, /^## Internal firewall · Redmond · pc01$/m);
            assert.equal(copied.match(/^\| Close \|/gm)?.length, 7);
            await vscode.commands.executeCommand('notifications.clearAll');

            // A second server in the Office Web Apps pool: its rules change in place.
            await replaceAll(document.getText().replace('    server owa01a 10.0.5.11\n', '    server owa01a 10.0.5.11\n    server owa01b 10.0.5.12\n'));
            const followed = await waitFor('the view to follow the edit', async () => {
                const state = await viewState(uri);
                return state && state.rows > 7 ? state : undefined;
            });
            assert.match(followed.text, /\+10\.0\.5\.12/);
            await sinceExportLens(uri, `+0 \u22127 ~${followed.rows - 7} rules since export`);
            await screenshot('rule-changes', 'iframe.webview.ready', true);
        } finally {
            await replaceAll(original);
            await document.save();
        }
    });
});
