import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as vscode from 'vscode';
import { repoRoot, waitFor, workspaceRoot } from './helpers.js';
import { ui } from './ui-driver.js';
import { explorerItem, explorerItemMarkedWithProblems, problemsStatus, problemsTabBadge, problemsViewFiles } from './workbench-locators.js';

// What the Problems view should hold in the test workspace: the findings of its topologies
// and nothing else, however many READMEs, scripts and exported rules lie beside them
// (issue 15: every other file was parsed as a topology, thousands of errors).

/** The workspace's topologies (`.sfbtopo`, in any folder but hidden ones such as .git), relative paths. */
export function topologyFiles(folder = workspaceRoot()): string[] {
    return readdirSync(folder, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && entry.name.endsWith('.sfbtopo'))
        .map((entry) => relative(workspaceRoot(), join(entry.parentPath, entry.name)))
        .filter((path) => !path.split(/[\\/]/).some((part) => part.startsWith('.')))
        .sort();
}

export interface Findings {
    errors: number;
    warnings: number;
    infos: number;
    /** How many findings each topology has (only those with any), by relative path. */
    perFile: Record<string, number>;
}

/** What the command line from the same build finds in the workspace's topologies, as saved. */
export function findingsOfTopologies(): Findings {
    const files = topologyFiles();
    const run = spawnSync(process.execPath, [join(repoRoot, 'out/cli.cjs'), 'validate', '--format', 'json', ...files], {
        cwd: workspaceRoot(),
        encoding: 'utf8',
        env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    const found = JSON.parse(run.stdout) as Array<{ file: string; severity: 'error' | 'warning' | 'info' | 'hint' }>;
    const perFile: Record<string, number> = {};
    for (const { file } of found) perFile[file] = (perFile[file] ?? 0) + 1;
    const count = (severity: string) => found.filter((finding) => finding.severity === severity).length;
    return { errors: count('error'), warnings: count('warning'), infos: count('info'), perFile };
}

/**
 * Returns once the language server has finished the build it had begun when this was
 * called: the server answers its map request only after the builds queued before it, and
 * a build publishes the findings of every document it validated as it goes.
 */
export async function languageServerSettled(topology: vscode.Uri): Promise<void> {
    await vscode.commands.executeCommand('sfbtopo.mapData', { uri: topology.toString() });
}

/** What the status bar shows after its error, warning (and info, when there are any) icons. */
export function statusBarCounts(findings: Findings): string {
    return [findings.errors, findings.warnings, ...(findings.infos > 0 ? [findings.infos] : [])].join(' ');
}

/**
 * Asserts what a user sees in the workbench once the server has settled: the status bar
 * counts, the Problems view (its count and the files it lists), the Explorer (the folder
 * of exported rules is not marked) and, behind them, VS Code's diagnostics are those of
 * the topologies alone. The Problems view must be open.
 */
export async function assertProblemsAreThoseOfTheTopologies(settledOn: vscode.Uri): Promise<void> {
    const expected = findingsOfTopologies();
    assert.ok(expected.errors > 0, 'the workspace has a topology with errors, so that a count of zero proves nothing');
    await languageServerSettled(settledOn);

    const shown = await waitFor(`the status bar to count ${statusBarCounts(expected)}`, async () => {
        const text = (await ui.text(problemsStatus())).trim().split(/\s+/).join(' ');
        return text === statusBarCounts(expected) ? text : undefined;
    }, 15_000).catch(async (error: Error) => {
        throw new Error(`${error.message}; it shows "${await ui.text(problemsStatus())}"`);
    });
    assert.equal(shown, statusBarCounts(expected));

    const total = expected.errors + expected.warnings + expected.infos;
    assert.equal(await ui.text(problemsTabBadge()), String(total), 'the count on the Problems tab');
    // The view draws only the rows it has room for: maximized, it has room for every file.
    await vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel');
    const listed = await ui.texts(problemsViewFiles()).finally(() => vscode.commands.executeCommand('workbench.action.toggleMaximizedPanel'));
    listed.sort();
    assert.deepEqual(listed, Object.keys(expected.perFile).map((path) => path.split(/[\\/]/).pop()).sort(), 'the files the Problems view lists');

    const diagnosed = Object.fromEntries(
        vscode.languages
            .getDiagnostics()
            .filter(([, diagnostics]) => diagnostics.length > 0)
            .map(([uri, diagnostics]) => [relative(workspaceRoot(), uri.fsPath), diagnostics.length]),
    );
    assert.deepEqual(diagnosed, expected.perFile, 'the files with diagnostics and how many each has');

    // The Explorer colours a file with errors, and a folder holding one: bad.sfbtopo is, rules/ is not.
    await ui.waitFor(explorerItemMarkedWithProblems('bad.sfbtopo'));
    await ui.waitFor(explorerItem('rules'));
    assert.equal(await ui.count(explorerItemMarkedWithProblems('rules')), 0, 'rules/ is not marked as holding problems');
}
