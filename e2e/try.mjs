// @ts-check
// `npm run try`: the packaged extension in a real VS Code (code-server) on this machine.
// Installs sfbtopo-<version>.vsix into a fresh profile under out/try/, opens a copy of the
// examples folder (so that exports and edits stay out of the repository) and prints the
// address to open in a browser. Runs until Ctrl+C.
//
// Environment: SFBTOPO_TRY_PORT (default 8080; 0 for any free port).
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCodeServer, profileSettings, runCodeServer, startCodeServer, stopCodeServer } from './code-server.mjs';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const vsix = join(repoRoot, `sfbtopo-${version}.vsix`);

const entry = findCodeServer();
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

const { args, env } = profileSettings(join(tryFolder, 'profile'));
await runCodeServer(entry, [...args, '--install-extension', vsix, '--force'], env);
const { child, address } = await startCodeServer(entry, args, env, Date.now() + 60_000, { port: Number(process.env.SFBTOPO_TRY_PORT ?? 8080) });

const url = `${address}/?folder=${encodeURI(examples)}`;
console.log(`\nsfbtopo ${version} is installed in code-server (VS Code ${codeVersion()}). Open:\n\n    ${url}\n`);
console.log(`The examples are a copy in ${examples}; exports go to its rules/ folder. Ctrl+C stops code-server.`);

const stop = () => {
    stopCodeServer(child);
    process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
child.on('exit', (code) => {
    console.error(`code-server exited (${code})`);
    process.exit(1);
});

function codeVersion() {
    try {
        return JSON.parse(readFileSync(join(dirname(entry ?? ''), '../../lib/vscode/package.json'), 'utf8')).version;
    } catch {
        return 'unknown';
    }
}
