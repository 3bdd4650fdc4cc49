import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suite, test } from 'mocha';
import * as vscode from 'vscode';
import { workspaceRoot } from './helpers.js';
import { lensTitle, NOT_TOPOLOGIES, openFromExplorer } from './user-actions.js';
import { assertProblemsAreThoseOfTheTopologies } from './problems.js';
import { ui } from './ui-driver.js';
import { codeLens, problemsStatus } from './workbench-locators.js';

// Runs in the reloaded window (window-reload.ts), on the folder the first run exported
// into: the language server starts anew and scans it (issue 15: the flood of errors came
// back from this scan after every reload).
suite('After reloading the window', () => {
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
