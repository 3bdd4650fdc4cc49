// @ts-check
// For `npm run bench`: times extension activation → first diagnostics, and the click that
// opens a topology → its diagnostics, in a real VS Code (code-server and headless Chromium,
// as the e2e suite runs them). Each run starts a fresh
// code-server with the package installed, opens examples/contoso.sfbtopo from the Explorer
// and reads the moments the extension and its language server log with SFBTOPO_STARTUP_LOG
// set (server/src/launch/startup-timing.ts). The language server's code cache is kept in a
// folder of this run: the first run starts without it, the others with it, as a user's
// first and later sessions do.
//
// The file is clicked as soon as the Explorer shows it, or SETTLE_MS later.
//
// Usage: node bench/editor-startup.mjs PACKAGE.vsix RUNS [SETTLE_MS]
// Prints one JSON object: { runs: [activation → first diagnostics, ms, ...], moments: [{ event:
// ms after activation }, ...], opened: [the click → the file's diagnostics, ms, ...] } or { skipped: "why" }.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCodeServer, profileSettings, runCodeServer, startCodeServer, stopCodeServer, waitUntil } from '../e2e/code-server.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const [vsix, count, settleMs] = [process.argv[2], Number(process.argv[3] ?? 3), Number(process.argv[4] ?? 0)];
/** The language server writes its code cache after this long (server/src/launch/code-cache.ts), plus slack. */
const CACHE_WRITTEN_MS = 12_000;

const say = (/** @type {object} */ result) => process.stdout.write(`${JSON.stringify(result)}\n`);
const log = (/** @type {string} */ line) => process.stderr.write(`[bench editor] ${line}\n`);

function chromium() {
    for (const folder of (process.env.PATH ?? '').split(delimiter)) {
        for (const name of ['chromium', 'chromium-browser']) if (folder && existsSync(join(folder, name))) return join(folder, name);
    }
    return undefined;
}

async function main() {
    const entry = findCodeServer();
    const browserPath = process.env.SFBTOPO_E2E_CHROMIUM ?? chromium();
    if (!entry) return say({ skipped: 'code-server is not installed (bash scripts/e2e-setup.sh installs it)' });
    if (!browserPath) return say({ skipped: 'no chromium on the PATH (apt-get install chromium)' });
    if (!vsix || !existsSync(vsix)) return say({ skipped: `no package to install (${vsix})` });

    const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-bench-editor-'));
    const folder = join(scratch, 'examples');
    cpSync(join(root, 'examples'), folder, { recursive: true });
    const extensionsDir = join(scratch, 'extensions');
    const cacheHome = join(scratch, 'cache');
    const { chromium: playwright } = require('playwright-core');
    const browser = await playwright.launch({ executablePath: browserPath, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    /** @type {number[]} */
    const runs = [];
    /** @type {Record<string, number>[]} */
    const moments = [];
    /** @type {number[]} */
    const opened = [];
    try {
        for (let i = 0; i < count; i++) {
            const profile = join(scratch, `profile-${i}`);
            const startupLog = join(scratch, `startup-${i}.jsonl`);
            const { args, env } = profileSettings(profile, { extensionsDir, env: { SFBTOPO_STARTUP_LOG: startupLog, XDG_CACHE_HOME: cacheHome } });
            if (i === 0) await runCodeServer(entry, [...args, '--install-extension', vsix, '--force'], env);
            const deadline = Date.now() + 120_000;
            const { child, address } = await startCodeServer(entry, args, env, deadline);
            try {
                const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
                await page.goto(`${address}/?folder=${encodeURIComponent(folder)}`);
                // A click in the Explorer opens the file, as a user would.
                const file = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'contoso.sfbtopo' }).first();
                await file.waitFor({ timeout: 60_000 });
                // 0: at once, while the window is still starting; else once it has settled, as a user who looks around first.
                await new Promise((resolve) => setTimeout(resolve, settleMs));
                const clicked = performance.timeOrigin + performance.now();
                await file.click();
                /** @type {Record<string, number>} */
                let events = {};
                await waitUntil(() => {
                    if (!existsSync(startupLog)) return false;
                    events = {};
                    // The first of each moment: the server logs its own as it goes, interleaved with the extension's.
                    for (const { event, at, uri } of readFileSync(startupLog, 'utf8').trim().split('\n').map((line) => JSON.parse(line))) {
                        events[event] ??= at;
                        if (event === 'diagnostics' && uri?.endsWith('/contoso.sfbtopo')) events['diagnostics of the opened file'] ??= at;
                    }
                    return events.activate !== undefined && events['diagnostics of the opened file'] !== undefined;
                }, deadline, 'activation and the diagnostics of the opened file');
                runs.push(events.diagnostics - events.activate);
                // 0 when they came before the click: the editor shows them as it opens.
                opened.push(Math.max(0, events['diagnostics of the opened file'] - clicked));
                moments.push(Object.fromEntries(Object.entries(events).map(([event, at]) => [event, at - events.activate])));
                log(`run ${i + 1}: activation → first diagnostics ${(events.diagnostics - events.activate).toFixed(0)} ms, click → the file's diagnostics ${opened[i].toFixed(0)} ms`);
                if (i === 0) {
                    // Let the server keep its code cache, as a user's first session does.
                    const caches = join(cacheHome, 'sfbtopo');
                    await waitUntil(() => existsSync(caches) && readdirSync(caches).some((name) => name.startsWith('server.')), Date.now() + CACHE_WRITTEN_MS * 2, 'the server code cache');
                }
                await page.close();
            } finally {
                stopCodeServer(child);
            }
        }
    } finally {
        await browser.close().catch(() => undefined);
        rmSync(scratch, { recursive: true, force: true });
    }
    say({ runs, moments, opened });
}

main().catch((error) => {
    say({ failed: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
});
