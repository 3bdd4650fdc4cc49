// Bundles the end-to-end suite for the extension host (mocha and the test files in one
// CommonJS file, `vscode` left to the host) and its runner for Node.
import * as esbuild from 'esbuild';

// Mocha's parallel mode (never used here) resolves its worker files by path; esbuild warns.
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', logLevel: 'warning', logOverride: { 'require-resolve-not-external': 'silent' } };

await Promise.all([
    esbuild.build({ ...common, entryPoints: ['test/e2e/suite/index.ts'], outfile: 'out/e2e/suite.cjs', external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['test/e2e/run-tests.ts'], outfile: 'out/e2e/run-tests.cjs', packages: 'external' }),
]);
