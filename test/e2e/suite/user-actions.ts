import * as vscode from 'vscode';
import { waitFor, workspaceFile } from './helpers.js';
import { ui } from './ui-driver.js';
import { explorerItem } from './workbench-locators.js';

// Steps the UI-driven suites share.

/** Files beside the topologies in the test workspace: test/e2e/fixtures/workspace, and what run-tests.ts adds (.git, rules/). */
export const NOT_TOPOLOGIES = ['README.md', 'scripts/Update-FirewallRules.ps1', 'rules/firewall-rules.csv', 'rules/rules.json', 'rules/sfbtopo.nft', 'rules/windows-firewall-fe01.ps1', '.git/HEAD'];

/** The title of a topology's lens that runs `command`, in the workbench's language. */
export async function lensTitle(uri: vscode.Uri, command: string): Promise<string> {
    return waitFor(`the ${command} lens`, async () => {
        const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
        return lenses.find((lens) => lens.command?.command === command)?.command?.title;
    });
}

/** Opens a top-level file of the workspace the way a user does: one click in the Explorer. */
export async function openFromExplorer(name: string): Promise<vscode.TextEditor> {
    await vscode.commands.executeCommand('workbench.view.explorer');
    // Folders opened by earlier steps could push the file out of the Explorer's rendered rows.
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    await ui.click(explorerItem(name));
    return waitFor(`${name} in the active editor`, () => {
        const editor = vscode.window.activeTextEditor;
        return editor?.document.uri.fsPath === workspaceFile(name).fsPath ? editor : undefined;
    });
}
