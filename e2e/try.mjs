// @ts-check
// `npm run try`: the packaged extension in a real VS Code (code-server) on this machine.
// Installs sfbtopo-<version>.vsix into a fresh profile under out/try/, opens a copy of the
// examples folder (so that exports and edits stay out of the repository) and prints the
// address to open in a browser. Runs until Ctrl+C.
//
// However it ends (Ctrl+C, SIGTERM or SIGHUP to it or to the npm that ran it, npm itself
// gone, an error), code-server ends with it, with everything code-server started.
//
// Environment: SFBTOPO_TRY_PORT (default 8080; 0 for any free port); SFBTOPO_TRY_VSIX, a
// package to try instead of the one `npm run package` built; SFBTOPO_TRY_CODE_SERVER,
// another code-server entry point (the tests use a stand-in).
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCodeServer, profileSettings, runCodeServer, startCodeServer, stopCodeServer } from './code-server.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const vsix = process.env.SFBTOPO_TRY_VSIX ?? join(repoRoot, `sfbtopo-${version}.vsix`);

const entry = process.env.SFBTOPO_TRY_CODE_SERVER ?? findCodeServer();
if (!entry) {
    console.error('code-server is not installed: run bash scripts/e2e-setup.sh (npm run try does)');
    process.exit(1);
}
if (!existsSync(vsix)) {
    console.error(`${vsix} is missing: run npm run package (npm run try does)`);
    process.exit(1);
}

const tryFolder = join(repoRoot, 'out/try');
rmSync(tryFolder, { recursive: true, force: true });
const examples = join(tryFolder, 'examples');
cpSync(join(repoRoot, 'examples'), examples, { recursive: true });

/** Every code-server process started so far (the install run, then the server). */
const started = new Set();
const onSpawn = (/** @type {import('node:child_process').ChildProcess} */ child) => started.add(child);
const stopAll = () => started.forEach(stopCodeServer);
/** @param {number} code */
const stop = (code) => {
    stopAll();
    process.exit(code);
};
process.on('exit', stopAll);
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
process.on('SIGHUP', () => stop(0));
process.on('uncaughtException', (error) => {
    console.error(error);
    stop(1);
});
process.on('unhandledRejection', (error) => {
    console.error(error);
    stop(1);
});
// npm forwards SIGINT and SIGTERM (the script `exec`s node so that they reach this process);
// if npm ends otherwise (SIGHUP, SIGKILL), this process is handed to another parent: stop too.
const parent = process.ppid;
setInterval(() => {
    if (process.ppid !== parent) stop(1);
}, 500).unref();

const { args, env } = profileSettings(join(tryFolder, 'profile'));
await runCodeServer(entry, [...args, '--install-extension', vsix, '--force'], env, { onSpawn });
const { child, address } = await startCodeServer(entry, args, env, Date.now() + 60_000, { port: Number(process.env.SFBTOPO_TRY_PORT ?? 8080), onSpawn });

const url = `${address}/?folder=${encodeURI(examples)}`;
console.log(`\nsfbtopo ${version} is installed in code-server (VS Code ${codeVersion()}). Open:\n\n    ${url}\n`);
console.log(`The examples are a copy in ${examples}; exports go to its rules/ folder. Ctrl+C stops code-server.`);

child.on('exit', (code) => {
    console.error(`code-server exited (${code})`);
    stop(1);
});

function codeVersion() {
    try {
        return JSON.parse(readFileSync(join(dirname(entry ?? ''), '../../lib/vscode/package.json'), 'utf8')).version;
    } catch {
        return 'unknown';
    }
}
