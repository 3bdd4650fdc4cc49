import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ui, uiChannel } from './ui-driver.js';

// "Reload Window" restarts the extension host, and with it the test runner. So the suite
// runs in two parts: the first run of the test module asks the launcher to reload the
// window once it has settled, leaving its counts in the UI channel folder; the reloaded
// workbench runs the test module again, which finds them and runs the after-reload suites.

export interface RunCounts {
    passes: number;
    failures: number;
}

const firstRunFile = (channel: string) => join(channel, 'first-run.json');

/** The counts of the run before the reload, when this run is the one after it. */
export function runBeforeReload(): RunCounts | undefined {
    const channel = uiChannel();
    return channel && existsSync(firstRunFile(channel)) ? (JSON.parse(readFileSync(firstRunFile(channel), 'utf8')) as RunCounts) : undefined;
}

/** Whether the window can be reloaded and the tests continued (only through the launcher). */
export const canReload = (): boolean => uiChannel() !== undefined;

/** Keeps this run's counts and has the launcher reload the window once the run has settled. */
export async function reloadAfterRun(counts: RunCounts): Promise<void> {
    writeFileSync(firstRunFile(uiChannel()!), JSON.stringify(counts));
    await ui.reloadAfterRun();
}
