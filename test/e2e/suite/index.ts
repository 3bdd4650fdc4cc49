import Mocha from 'mocha';
import { format } from 'node:util';
import { screenshot } from './helpers.js';

// The test module the extension host loads (`--extensionTestsPath`): VS Code calls `run()`
// and the launcher exits with its outcome. Mocha and the test files are bundled into
// this one file (scripts/e2e-build.mjs); each file registers its suite when imported
// below, after mocha has set up the `tdd` interface for it.
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
    if (process.env.SFBTOPO_E2E_PASS === 'ja') {
        // The second workbench, with Japanese as display language.
        await import('./japanese.e2e.js');
    } else if (process.env.SFBTOPO_E2E_PASS === 'restricted') {
        // The third, in Restricted Mode.
        await import('./restricted.e2e.js');
    } else {
        await import('./activation.e2e.js');
        await import('./diagnostics.e2e.js');
        await import('./hover.e2e.js');
        await import('./quick-fix.e2e.js');
        await import('./navigation.e2e.js');
        await import('./export.e2e.js');
        await import('./map.e2e.js');
    }

    const failures = await new Promise<number>((resolve) => {
        const runner = mocha.run((count) => resolve(count));
        runner.on('end', () => {
            const { passes = 0, failures = 0, pending = 0 } = runner.stats ?? {};
            // The plain closing line CI reads, besides mocha's own report.
            console.log(`e2e: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
        });
    });
    if (failures > 0) throw new Error(`${failures} end-to-end test(s) failed`);
}
