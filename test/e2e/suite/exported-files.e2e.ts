import { strict as assert } from 'node:assert';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor, workspaceRoot } from './helpers.js';
import { assertProblemsAreThoseOfTheTopologies } from './problems.js';
import { ui } from './ui-driver.js';
import { lensTitle, NOT_TOPOLOGIES, openFromExplorer } from './user-actions.js';
import { codeLens, explorerItem, notificationButton } from './workbench-locators.js';

// Issue 15, as a new user met it: a folder of topologies that also holds a README, a
// script, the rules exported last time and a .git folder (run-tests.ts makes that one).
// Exporting must not make the language server read those files as topologies; after the
// reload, after-reload.e2e.ts checks the start-up scan of the same folder.

suite('Exported files beside the topologies', () => {
    suiteSetup(async () => {
        await closeAllEditors();
        await vscode.commands.executeCommand('notifications.clearAll');
    });

    test('exporting with the lens into a folder of scripts and earlier exports leaves the Problems count at the topologies\' findings', async () => {
        for (const file of NOT_TOPOLOGIES) assert.ok(existsSync(join(workspaceRoot(), file)), `the workspace holds ${file}`);
        const nft = join(workspaceRoot(), 'rules/sfbtopo.nft');
        const exportedBefore = statSync(nft).mtimeMs;

        const editor = await openFromExplorer('contoso.sfbtopo');
        const exportFirewall = await lensTitle(editor.document.uri, 'sfbtopo.exportFirewall');
        await ui.click(codeLens(exportFirewall));
        // The export ends with a message offering to open the folder: the user takes it.
        await ui.click(notificationButton());
        await waitFor('rules/sfbtopo.nft written again', () => statSync(nft).mtimeMs > exportedBefore);
        await ui.waitFor(explorerItem('sfbtopo.nft'));
        await vscode.commands.executeCommand('workbench.actions.view.problems');

        await assertProblemsAreThoseOfTheTopologies(editor.document.uri);
        await ui.screenshot('exported-files-problems');
    });
});
