import { runTests } from '@vscode/test-electron';
import { createVSIX } from '@vscode/vsce';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// Runs the end-to-end suite (test/e2e/suite, bundled into out/e2e/suite.cjs) the standard
// way, through @vscode/test-electron's runTests. Its `vscodeExecutablePath` is
// e2e/launch-code-server.mjs, which stands in for VS Code: code-server on loopback and a
// headless Chromium. The extension under test is the packaged .vsix, installed into a
// fresh profile; the workspace is a copy of test/e2e/fixtures/workspace (topologies beside
// a README and a script) plus the bundled examples, a git repository and an earlier export,
// in a temporary folder, so exports never land in the repository. A second workbench runs
// with Japanese as display language, a third in Restricted Mode (an untrusted workspace).

const repoRoot = resolve(__dirname, '../..');
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

async function main(): Promise<number> {
    const vsix = resolve(process.env.SFBTOPO_E2E_VSIX ?? join(repoRoot, `sfbtopo-${version}.vsix`));
    if (!existsSync(vsix)) {
        console.error(`e2e: ${vsix} is missing; npm run package builds it (npm run test:e2e does both)`);
        return 1;
    }
    const bundled = join(repoRoot, 'out/server.cjs');
    if (statSync(vsix).mtimeMs < statSync(bundled).mtimeMs) {
        console.error(`e2e: ${vsix} is older than out/server.cjs; run npm run package first`);
        return 1;
    }

    const results = join(repoRoot, 'out/e2e-results');
    const screenshots = join(results, 'screenshots');
    rmSync(results, { recursive: true, force: true });
    mkdirSync(screenshots, { recursive: true });

    // VS Code's Japanese language pack comes from the marketplace, out of reach here; an
    // empty one is enough to run a workbench with display language ja.
    const japanesePack = join(results, 'ja-display-language.vsix');
    await createVSIX({ cwd: join(repoRoot, 'test/e2e/ja-language-pack'), packagePath: japanesePack, allowMissingRepository: true, skipLicense: true, dependencies: false });

    const started = Date.now();
    const run = mkdtempSync(join(tmpdir(), 'sfbtopo-e2e-'));
    const passes: Array<{ name: string; launchArgs: string[]; settings?: Record<string, unknown> }> = [
        { name: 'en', launchArgs: [] },
        { name: 'ja', launchArgs: ['--locale=ja', `--install-extension=${japanesePack}`] },
        // Workspace trust on, and the folder never trusted: VS Code's Restricted Mode. No
        // start-up dialog asks about it; the workspace just stays untrusted.
        { name: 'restricted', launchArgs: ['--enable-workspace-trust'], settings: { 'security.workspace.trust.startupPrompt': 'never' } },
    ];
    const failed: string[] = [];
    for (const pass of passes) {
        const folder = join(run, pass.name);
        const workspace = join(folder, 'workspace');
        cpSync(join(repoRoot, 'test/e2e/fixtures/workspace'), workspace, { recursive: true });
        for (const example of readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.sfbtopo'))) {
            cpSync(join(repoRoot, 'examples', example), join(workspace, example));
        }
        if (pass.settings) {
            mkdirSync(join(folder, 'profile/user-data/User'), { recursive: true });
            writeFileSync(join(folder, 'profile/user-data/User/settings.json'), JSON.stringify(pass.settings));
        }
        // What an administrator's folder also holds: a git repository (one cannot be
        // committed here) and the last export of a topology, with its map, in rules/.
        execFileSync('git', ['init', '--quiet', workspace]);
        const cli = (...args: string[]) => execFileSync(process.execPath, [join(repoRoot, 'out/cli.cjs'), ...args], { cwd: workspace, stdio: 'ignore' });
        cli('export', 'contoso.sfbtopo', '--format', 'all');
        cli('map', 'contoso.sfbtopo', '--out', 'rules/contoso-map.svg');
        console.log(`e2e: ${pass.name} workbench`);
        try {
            await runTests({
                vscodeExecutablePath: join(repoRoot, 'e2e/launch-code-server.mjs'),
                extensionDevelopmentPath: join(repoRoot, 'test/e2e/runner-extension'),
                extensionTestsPath: join(repoRoot, 'out/e2e/suite.cjs'),
                launchArgs: [
                    workspace,
                    `--install-extension=${vsix}`,
                    ...pass.launchArgs,
                    `--user-data-dir=${join(folder, 'profile/user-data')}`,
                    `--extensions-dir=${join(folder, 'profile/extensions')}`,
                ],
                extensionTestsEnv: { SFBTOPO_E2E_SCREENSHOTS: screenshots, SFBTOPO_E2E_PASS: pass.name },
            });
        } catch (error) {
            console.error(
                `e2e: the ${pass.name} workbench failed after ${Math.round((Date.now() - started) / 1000)} s (${error instanceof Error ? error.message : error}); ` +
                    `workspace, profile and logs kept in ${folder}, screenshots in ${screenshots}`,
            );
            failed.push(pass.name);
            continue;
        }
        rmSync(folder, { recursive: true, force: true });
    }
    if (failed.length > 0) {
        console.error(`e2e: failed in the ${failed.join(' and ')} workbench${failed.length > 1 ? 'es' : ''}`);
        return 1;
    }
    rmSync(run, { recursive: true, force: true });
    const shots = readdirSync(screenshots).filter((name) => name.endsWith('.png'));
    console.log(`e2e: passed in ${Math.round((Date.now() - started) / 1000)} s; screenshots in ${screenshots}: ${shots.join(', ')}`);
    return 0;
}

main().then(
    (code) => process.exit(code),
    (error) => {
        console.error(error);
        process.exit(1);
    },
);
