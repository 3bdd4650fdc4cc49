import { strict as assert } from 'node:assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor } from './helpers.js';
import { lensTitle, openFromExplorer } from './user-actions.js';
import { ui } from './ui-driver.js';
import { RELOADED_TOPOLOGY, SEARCH_KEPT_OVER_RELOAD } from './window-reload.js';
import { codeLens, inWebview } from './workbench-locators.js';

// The last suite before the window reloads (window-reload.ts): it leaves the map, the rule
// changes view and the rules preview of contoso.sfbtopo open, the preview in front with a
// search typed in, for after-reload.e2e.ts to find them again.

const rulesViewState = (uri: vscode.Uri) => vscode.commands.executeCommand<{ rows: number; shown: number } | undefined>('sfbtopo.rulesViewState', uri);

suite('Left open for the window reload', () => {
    suiteSetup(closeAllEditors);

    test('the map, the rule changes and the rules preview, searched, beside the topology', async () => {
        const editor = await openFromExplorer(RELOADED_TOPOLOGY);
        const uri = editor.document.uri;
        await vscode.commands.executeCommand('sfbtopo.showMap', uri);
        await waitFor('the map to draw its boxes', async () => (await vscode.commands.executeCommand<{ nodes: number } | undefined>('sfbtopo.mapViewState', uri))?.nodes);
        // The workspace holds the topology's last export: its lens opens the comparison with it.
        await ui.click(codeLens(await lensTitle(uri, 'sfbtopo.showRuleChanges')));
        await waitFor('the rule changes view to draw', async () => vscode.commands.executeCommand('sfbtopo.ruleChangesViewState', uri, 'export'));
        await ui.click(codeLens(await lensTitle(uri, 'sfbtopo.previewRules')));
        const listed = await waitFor('the rules preview to list rules', async () => (await rulesViewState(uri))?.shown);

        await ui.click(inWebview('#search'));
        await ui.type(SEARCH_KEPT_OVER_RELOAD);
        const searched = await waitFor('the search to narrow the rules', async () => {
            const state = await rulesViewState(uri);
            return state && state.shown < listed ? state : undefined;
        });
        assert.ok(searched.shown > 0, `some rules of ${RELOADED_TOPOLOGY} use port ${SEARCH_KEPT_OVER_RELOAD}`);

        const webviews = vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview).map((tab) => ({ tab, group })));
        assert.equal(webviews.length, 3, `the map, the rule changes and the preview are the open webviews: ${webviews.map(({ tab }) => tab.label).join(', ')}`);
        const preview = webviews.find(({ tab }) => (tab.input as vscode.TabInputWebview).viewType.endsWith('sfbtopo.rules'));
        assert.ok(webviews.every(({ group }) => group === webviews[0].group), 'the three share one editor group');
        assert.ok(preview?.tab.isActive, 'the preview is in front');
        await ui.screenshot('before-reload-preview', inWebview('#rules tbody tr'), true);
    });
});
