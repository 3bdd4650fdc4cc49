import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { uiChannel } from './ui-driver.js';

// "Reload Window" restarts the extension host, and with it the test runner. So the suite
// runs in two parts: the first run of the test module leaves its counts in the UI channel
// folder and reloads the window; the reloaded workbench runs the test module again, which
// finds them and runs the after-reload suites.

export interface RunCounts {
    passes: number;
    failures: number;
}

/** The topology whose map and rules preview are left open over the reload (before-reload.e2e.ts). */
export const RELOADED_TOPOLOGY = 'contoso.sfbtopo';

/** What is typed into that preview's search box, to be found there again after the reload. */
export const SEARCH_KEPT_OVER_RELOAD = '5061';

const firstRunFile = (channel: string) => join(channel, 'first-run.json');

/** The counts of the run before the reload, when this run is the one after it. */
export function runBeforeReload(): RunCounts | undefined {
    const channel = uiChannel();
    return channel && existsSync(firstRunFile(channel)) ? (JSON.parse(readFileSync(firstRunFile(channel), 'utf8')) as RunCounts) : undefined;
}

/** Whether the window can be reloaded and the tests continued (only through the launcher). */
export const canReload = (): boolean => uiChannel() !== undefined;

/**
 * Keeps this run's counts and reloads the window with the command a user runs. It saves
 * the workbench's state while the extension host still runs: a webview panel is saved only
 * while its extension's serializer is registered. (Reloading the page after the test run
 * settles, when the workbench has already stopped the extension host, loses the panels.)
 * The returned promise never settles: the window goes away with this run, which must not
 * end first, or the workbench would stop the extension host and report an exit code.
 */
export async function reloadWindow(counts: RunCounts): Promise<never> {
    writeFileSync(firstRunFile(uiChannel()!), JSON.stringify(counts));
    await vscode.commands.executeCommand('workbench.action.reloadWindow');
    return new Promise<never>(() => undefined);
}
