// Bundles the benchmark (bench/main.ts and the server sources it measures in-process)
// into bench/out/bench.cjs, after type-checking it. Options as in ../esbuild.mjs.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'bench/tsconfig.json'], { cwd: root, stdio: 'inherit' });
await esbuild.build({
    absWorkingDir: new URL('.', root).pathname,
    entryPoints: ['bench/main.ts'],
    outfile: 'bench/out/bench.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    define: { SFBTOPO_VERSION: JSON.stringify(version) },
});
