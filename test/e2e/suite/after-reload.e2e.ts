import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import type { RulesTableResult } from '../../../server/src/language/lsp/export/export-command-ids.js';
import { visibleRows } from '../../../client/src/preview/rules-filter.js';
import { waitFor, workspaceFile, workspaceRoot } from './helpers.js';
import { lensTitle, NOT_TOPOLOGIES, openFromExplorer } from './user-actions.js';
import { assertProblemsAreThoseOfTheTopologies } from './problems.js';
import { ui } from './ui-driver.js';
import { RELOADED_TOPOLOGY, SEARCH_KEPT_OVER_RELOAD } from './window-reload.js';
import { codeLens, inWebview, problemsStatus, webviewTab } from './workbench-locators.js';

// Runs in the reloaded window (window-reload.ts), on the folder the first run exported
// into: the language server starts anew and scans it (issue 15: the flood of errors came
// back from this scan after every reload).
suite('After reloading the window', () => {
    // The workbench brings the webviews' tabs back by itself; their content comes back only
    // if the extension restores them (a serializer, and activation for it).
    const webviewTabOf = (viewType: string) =>
        vscode.window.tabGroups.all.flatMap((group) => group.tabs).find((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));

    test('the rules preview left open lists the same topology\'s rules again, searched as it was', async () => {
        const uri = workspaceFile(RELOADED_TOPOLOGY);
        const tab = await waitFor('the rules preview\'s tab', () => webviewTabOf('sfbtopo.rules'));
        assert.ok(tab.isActive, 'the preview is still in front of the map');
        await ui.waitFor(inWebview('#rules tbody tr'), 'visible', 30_000);

        const table = await vscode.commands.executeCommand<RulesTableResult>('sfbtopo.rulesTable', { uri: uri.toString() });
        assert.ok(table.ok, JSON.stringify(table));
        const expected = visibleRows(table, { filters: {}, search: SEARCH_KEPT_OVER_RELOAD }).length;
        const shown = await waitFor('the restored preview to report its rules', async () =>
            vscode.commands.executeCommand<{ rows: number; shown: number } | undefined>('sfbtopo.rulesViewState', uri),
        );
        assert.deepEqual({ rows: shown.rows, shown: shown.shown }, { rows: table.rows.length, shown: expected });
        const count = await ui.text(inWebview('#count'));
        assert.ok(count.includes(String(expected)) && count.includes(String(table.rows.length)), `the preview says ${count}`);
        await ui.screenshot('after-reload-preview', inWebview('#rules tbody tr'), true);
    });

    test('the map left behind the preview draws the topology again once its tab is clicked', async () => {
        const uri = workspaceFile(RELOADED_TOPOLOGY);
        const tab = await waitFor('the map\'s tab', () => webviewTabOf('sfbtopo.map'));
        await ui.click(webviewTab(tab.label));
        await ui.waitFor(inWebview('[data-node]'), 'visible', 30_000);
        const data = await vscode.commands.executeCommand<{ ok: boolean; model: { nodes: unknown[] } }>('sfbtopo.mapData', { uri: uri.toString() });
        const drawn = await waitFor('the restored map to report its boxes', async () => (await vscode.commands.executeCommand<{ nodes: number } | undefined>('sfbtopo.mapViewState', uri))?.nodes);
        assert.equal(drawn, data.model.nodes.length);
    });

    test('the rule changes view left open compares with the export again once its tab is clicked', async () => {
        const uri = workspaceFile(RELOADED_TOPOLOGY);
        const tab = await waitFor('the rule changes view\'s tab', () => webviewTabOf('sfbtopo.ruleChanges'));
        await ui.click(webviewTab(tab.label));
        const shown = await waitFor('the restored view to report what it shows', async () =>
            vscode.commands.executeCommand<{ groups: number; rows: number; stale: boolean; text: string } | undefined>('sfbtopo.ruleChangesViewState', uri, 'export'),
        );
        // Nothing was edited since the export: the counts and no table of changes.
        assert.deepEqual({ groups: shown.groups, stale: shown.stale }, { groups: 0, stale: false });
        assert.ok(shown.text.includes('Contoso'), `the view names the topology: ${shown.text.slice(0, 200)}`);
    });

    test('the start-up scan of a folder holding exported files leaves the Problems count at the topologies\' findings', async () => {
        for (const file of NOT_TOPOLOGIES) assert.ok(existsSync(join(workspaceRoot(), file)), `the workspace still holds ${file}`);
        const editor = await openFromExplorer('contoso.sfbtopo');
        // The lens shows once the server has the document: it has started and scanned the folder.
        await ui.waitFor(codeLens(await lensTitle(editor.document.uri, 'sfbtopo.exportFirewall')));
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await ui.waitFor(problemsStatus());

        await assertProblemsAreThoseOfTheTopologies(editor.document.uri);
        await ui.screenshot('after-reload-problems');
    });
});
