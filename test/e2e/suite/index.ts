import Mocha from 'mocha';
import { format } from 'node:util';
import { screenshot } from './helpers.js';
import { canReload, reloadWindow, runBeforeReload } from './window-reload.js';

// The test module the extension host loads (`--extensionTestsPath`): VS Code calls `run()`
// and the launcher exits with its outcome. Mocha and the test files are bundled into
// this one file (scripts/e2e-build.mjs); each file registers its suite when imported
// below, after mocha has set up the `tdd` interface for it.

/** The suites of each workbench: English, Japanese as display language, and Restricted Mode. */
const suites: Record<'en' | 'ja' | 'restricted', Array<() => Promise<unknown>>> = {
    en: [
        () => import('./activation.e2e.js'),
        () => import('./exported-files.e2e.js'),
        () => import('./user-steps.e2e.js'),
        () => import('./diagnostics.e2e.js'),
        () => import('./hover.e2e.js'),
        () => import('./quick-fix.e2e.js'),
        () => import('./navigation.e2e.js'),
        () => import('./export.e2e.js'),
        () => import('./map.e2e.js'),
        () => import('./import.e2e.js'),
        () => import('./rule-changes.e2e.js'),
        () => import('./before-reload.e2e.js'),
    ],
    ja: [() => import('./japanese.e2e.js'), () => import('./exported-files.e2e.js'), () => import('./user-steps.e2e.js'), () => import('./before-reload.e2e.js')],
    // The third, in Restricted Mode (an untrusted workspace): no window reload.
    restricted: [() => import('./restricted.e2e.js')],
};

/** The suites run in the same workbench after its window has been reloaded (window-reload.ts). */
const afterReload = [() => import('./after-reload.e2e.js')];

export async function run(): Promise<void> {
    // The workbench forwards each console.log argument separately; mocha's reporter passes
    // printf-style arguments, so format them into one line first.
    (Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void }).consoleLog = (...args) => console.log(format(...args));
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', grep: process.env.SFBTOPO_E2E_GREP });
    mocha.suite.emit('pre-require', globalThis, 'e2e', mocha);
    // A failing test leaves a picture of the workbench as it was (out/e2e-results/screenshots).
    mocha.suite.afterEach(async function () {
        const failed = this.currentTest;
        if (failed?.state === 'failed') {
            await screenshot(`failed-${failed.fullTitle().replace(/[^A-Za-z0-9]+/g, '-').slice(0, 80)}`).catch(() => undefined);
        }
    });
    const pass = process.env.SFBTOPO_E2E_PASS === 'ja' ? 'ja' : process.env.SFBTOPO_E2E_PASS === 'restricted' ? 'restricted' : 'en';
    const before = runBeforeReload();
    for (const load of before ? afterReload : suites[pass]) await load();

    const counts = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
        const runner = mocha.run(() => resolve({ passes: 0, failures: 0, pending: 0, ...runner.stats }));
    });
    if (!before && pass !== 'restricted' && canReload()) {
        console.log(`e2e: ${counts.passes} passed and ${counts.failures} failed before the window reloads`);
        await reloadWindow(counts);
    }
    const passes = counts.passes + (before?.passes ?? 0);
    const failures = counts.failures + (before?.failures ?? 0);
    // The plain closing line CI reads, besides mocha's own report.
    console.log(`e2e: ${passes} passed, ${failures} failed${counts.pending ? `, ${counts.pending} skipped` : ''}`);
    // The launcher hears only this run's outcome: it fails for the run before the reload too.
    if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
