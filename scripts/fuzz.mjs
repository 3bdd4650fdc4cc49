// `npm run fuzz -- --runs N [--seed S]`: bundles test/fuzz/run.ts with esbuild (as
// esbuild.mjs bundles the server) and runs it with the given arguments.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}out/fuzz/run.mjs`;

await esbuild.build({
    entryPoints: [`${root}test/fuzz/run.ts`],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    // Some bundled CommonJS packages call require(); give the ES module one.
    banner: { js: "import { createRequire as __sfbtopoRequire } from 'node:module'; const require = __sfbtopoRequire(import.meta.url);" },
});

const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
