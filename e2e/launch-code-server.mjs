#!/usr/bin/env node
// @ts-check
// A stand-in for the VS Code executable that @vscode/test-electron's runTests spawns
// (`vscodeExecutablePath`). No desktop VS Code can be downloaded here, so this starts
// code-server (VS Code's workbench in the browser, extension host in Node) on loopback
// and a headless Debian Chromium on it, runs the extension tests in that real
// workbench, and exits with the tests' exit code.
//
// Understands the arguments runTests passes, the way `code` does:
//   --extensionDevelopmentPath=DIR  --extensionTestsPath=FILE  --extensions-dir=DIR
//   --user-data-dir=DIR  --locale=LANG  FOLDER (the workspace to open)
// (--locale needs an installed language pack for LANG, as in VS Code)
// plus `--install-extension=FILE.vsix` (installed with code-server before the window
// opens) and `--enable-workspace-trust` (workspace trust stays on, so the folder opens in
// Restricted Mode; runTests itself always passes --disable-workspace-trust, which it
// overrides). Other VS Code flags (--no-sandbox, --disable-updates, …) are accepted and ignored.
//
// The tests drive the workbench as a user does through request files in `$SFBTOPO_E2E_UI`
// (see e2e/ui-driver.mjs): clicks, keys, what is shown, screenshots (saved in
// `$SFBTOPO_E2E_SCREENSHOTS`). The tests may reload the window (Reload Window, as a user
// does): the reloaded workbench runs the test module again, and its exit code counts the
// failures of both runs.
//
// Environment: SFBTOPO_E2E_CHROMIUM (default: chromium on the PATH),
// SFBTOPO_E2E_TIMEOUT_MS (whole run, default 10 minutes), SFBTOPO_E2E_SCREENSHOTS,
// SFBTOPO_E2E_UI (default: `ui` in the profile folder).
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { findCodeServer, profileSettings, runCodeServer, startCodeServer, stopCodeServer } from './code-server.mjs';
import { serveUiRequests } from './ui-driver.mjs';

const require = createRequire(import.meta.url);

/** The tests' exit code for "the harness itself failed" (not a failing test). */
const HARNESS_FAILED = 2;

const log = (/** @type {string} */ line) => process.stderr.write(`[e2e] ${line}\n`);

/** Workbench start-up chatter and the expected offline failures (no gallery, no vsda). */
const WORKBENCH_NOISE = /^(Resolving connection token|Creation of workbench contribution|Resolved connection token|Creating a socket|Updating additional builtin extensions cache|\[Service Worker\]|ChatSessionStore|getaddrinfo ENOTFOUND open-vsx\.org|.*vsda)/;

function parseArguments(argv) {
    /** @type {{ developmentPaths: string[], testsPath?: string, extensionsDir?: string, userDataDir?: string, locale?: string, install: string[], folder?: string, workspaceTrust: boolean }} */
    const options = { developmentPaths: [], install: [], workspaceTrust: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
        const value = () => inline ?? argv[++i];
        switch (flag) {
            case '--extensionDevelopmentPath': options.developmentPaths.push(resolve(value())); break;
            case '--extensionTestsPath': options.testsPath = resolve(value()); break;
            case '--extensions-dir': options.extensionsDir = resolve(value()); break;
            case '--user-data-dir': options.userDataDir = resolve(value()); break;
            case '--locale': options.locale = value(); break;
            case '--install-extension': options.install.push(resolve(value())); break;
            case '--enable-workspace-trust': options.workspaceTrust = true; break;
            default:
                if (!arg.startsWith('-')) options.folder = resolve(arg);
        }
    }
    return options;
}

function findChromium() {
    const wanted = process.env.SFBTOPO_E2E_CHROMIUM;
    if (wanted) return existsSync(wanted) ? wanted : undefined;
    for (const folder of (process.env.PATH ?? '').split(delimiter)) {
        for (const name of ['chromium', 'chromium-browser']) {
            if (folder && existsSync(join(folder, name))) return join(folder, name);
        }
    }
    return undefined;
}

/**
 * Records the installed language packs in `<user data>/languagepacks.json`, where the
 * server looks up the translations for `--locale`. VS Code writes that file after
 * installing a language pack in a running server; code-server's `--install-extension`
 * leaves it out, so `--locale` would fall back to English.
 * @param {string} userDataDir @param {string} extensionsDir
 */
function registerLanguagePacks(userDataDir, extensionsDir) {
    /** @type {Record<string, { hash: string, extensions: Array<{ extensionIdentifier: { id: string }, version: string }>, translations: Record<string, string>, label: string }>} */
    const packs = {};
    for (const folder of existsSync(extensionsDir) ? readdirSync(extensionsDir) : []) {
        const manifestPath = join(extensionsDir, folder, 'package.json');
        if (!existsSync(manifestPath)) continue;
        const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
        for (const localization of manifest.contributes?.localizations ?? []) {
            const id = `${manifest.publisher}.${manifest.name}`;
            const pack = (packs[localization.languageId] ??= { hash: '', extensions: [], translations: {}, label: localization.localizedLanguageName ?? localization.languageName });
            pack.extensions.push({ extensionIdentifier: { id }, version: manifest.version });
            for (const translation of localization.translations ?? []) pack.translations[translation.id] = join(extensionsDir, folder, translation.path);
            pack.hash = createHash('md5').update(`${id}@${manifest.version}`).digest('hex');
        }
    }
    mkdirSync(userDataDir, { recursive: true });
    writeFileSync(join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/** The workbench URL that runs extension tests, as VS Code's own browser integration tests open it. */
function workbenchUrl(address, options) {
    const remote = (path) => `vscode-remote://${new URL(address).host}${path}`;
    /** @type {string[][]} */
    const payload = [];
    for (const path of options.developmentPaths) payload.push(['extensionDevelopmentPath', remote(path)]);
    if (options.testsPath) payload.push(['extensionTestsPath', remote(options.testsPath)]);
    payload.push(['skipWelcome', 'true'], ['skipReleaseNotes', 'true']);
    const url = new URL(address);
    if (options.folder) url.searchParams.set('folder', options.folder);
    url.searchParams.set('payload', JSON.stringify(payload));
    return url.href;
}

async function main() {
    const started = Date.now();
    const deadline = started + Number(process.env.SFBTOPO_E2E_TIMEOUT_MS ?? 10 * 60_000);
    const options = parseArguments(process.argv.slice(2));

    const chromiumPath = findChromium();
    if (!chromiumPath) {
        log('cannot start the browser: no chromium on the PATH (set SFBTOPO_E2E_CHROMIUM, or install it: apt-get install chromium)');
        return HARNESS_FAILED;
    }
    const entry = findCodeServer();
    if (!entry) {
        log('cannot start code-server: e2e/code-server is not installed (run scripts/e2e-setup.sh, which npm run test:e2e does)');
        return HARNESS_FAILED;
    }

    // Everything code-server writes goes below one folder, never into the home directory.
    const profile = options.userDataDir ? dirname(options.userDataDir) : await mkdtemp(join(tmpdir(), 'sfbtopo-e2e-'));
    const screenshots = process.env.SFBTOPO_E2E_SCREENSHOTS ?? join(profile, 'screenshots');
    const channel = process.env.SFBTOPO_E2E_UI ?? join(profile, 'ui');
    const { args: common, env, userDataDir, extensionsDir } = profileSettings(profile, {
        userDataDir: options.userDataDir,
        extensionsDir: options.extensionsDir,
        env: { SFBTOPO_E2E_SCREENSHOTS: screenshots, SFBTOPO_E2E_UI: channel },
    });
    // The workbench's and the server's logs go to files; the console shows the tests' report.
    const workbenchLog = join(profile, 'workbench.log');
    const serverLog = join(profile, 'code-server.log');

    for (const vsix of options.install) {
        log(`installing ${vsix}`);
        await runCodeServer(entry, [...common, '--install-extension', vsix, '--force'], env);
    }

    if (options.locale) registerLanguagePacks(userDataDir, extensionsDir);

    const { child: server, address } = await startCodeServer(entry, [...common, ...(options.locale ? ['--locale', options.locale] : [])], env, deadline, {
        onLog: (text) => appendFileSync(serverLog, text),
        workspaceTrust: options.workspaceTrust,
    });
    log(`code-server ${address} (${Date.now() - started} ms; logs in ${profile})`);

    const { chromium } = require('playwright-core');
    let browser;
    let stopUi = () => {};
    try {
        browser = await chromium.launch({
            executablePath: chromiumPath,
            headless: true,
            args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
            timeout: Math.max(1, deadline - Date.now()),
        });
    } catch (error) {
        log(`cannot start the browser ${chromiumPath}: ${error instanceof Error ? error.message : error}`);
        stopCodeServer(server);
        return HARNESS_FAILED;
    }
    try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: options.locale });
        /** @type {(code: number) => void} */
        let finish = () => {};
        /** @type {(error: Error) => void} */
        let fail = () => {};
        const exitCode = new Promise((resolvePromise, reject) => {
            finish = resolvePromise;
            fail = reject;
        });
        // The workbench calls these when the test module's run() settles, and for each log line.
        // They outlive a reload of the window: when the tests reload it, only the run after
        // the reload settles, with the outcome of both.
        await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
        // The extension host's console (mocha's report) arrives here, among the workbench's own log.
        await page.exposeFunction('codeAutomationLog', (level, message) => {
            appendFileSync(workbenchLog, `[${level}] ${message}\n`);
            if (!WORKBENCH_NOISE.test(message)) process.stdout.write(`${message}\n`);
        });
        page.on('crash', () => fail(new Error('the workbench page crashed')));
        browser.on('disconnected', () => fail(new Error('the browser went away')));
        server.on('exit', (code) => fail(new Error(`code-server exited with ${code} during the tests`)));
        setTimeout(() => fail(new Error(`the tests did not finish within ${Math.round((deadline - started) / 1000)} s`)), Math.max(0, deadline - Date.now())).unref();
        stopUi = serveUiRequests(page, { channel, screenshots, deadline, log });
        await page.goto(workbenchUrl(address, options));
        log(`workbench opened (${Date.now() - started} ms)`);
        try {
            const code = await exitCode;
            log(`tests finished with exit code ${code} (${Date.now() - started} ms)`);
            return code;
        } catch (error) {
            log(`${error instanceof Error ? error.message : error}`);
            await page.screenshot({ path: join(screenshots, 'harness-failure.png') }).catch(() => undefined);
            return HARNESS_FAILED;
        }
    } finally {
        stopUi();
        await browser.close().catch(() => undefined);
        stopCodeServer(server);
    }
}

main().then(
    (code) => process.exit(code),
    (error) => {
        log(error instanceof Error ? error.stack ?? error.message : String(error));
        process.exit(HARNESS_FAILED);
    },
);
