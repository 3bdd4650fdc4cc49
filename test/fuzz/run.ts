// `npm run fuzz -- --runs N [--seed S]`: the long fuzz run, with a random seed unless
// given one. scripts/fuzz.mjs bundles this file and runs it. Exits 1 on a failure,
// printing the shrunk input to keep in test/fuzz/regressions.test.ts.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { describeFailure, runFuzz, warmHarness } from './property.js';

const { values } = parseArgs({
    options: { runs: { type: 'string', default: '10000' }, seed: { type: 'string' } },
    allowPositionals: false,
});
const runs = Number(values.runs);
const seed = values.seed === undefined ? Math.floor(Math.random() * 0x7fffffff) : Number(values.seed);
if (!Number.isSafeInteger(runs) || runs <= 0 || !Number.isSafeInteger(seed)) {
    console.error('usage: npm run fuzz -- [--runs N] [--seed S]   (N > 0, S an integer)');
    process.exit(2);
}

console.log(`sfbtopo fuzz: ${runs} runs, seed ${seed}`);
const harness = await warmHarness();
const started = performance.now();
const { details, stats } = await runFuzz(harness, {
    runs,
    seed,
    progressEvery: Math.max(1_000, Math.floor(runs / 20)),
    progress: (done) => console.log(`  ${done} runs, ${((performance.now() - started) / 1000).toFixed(0)} s`),
});
const seconds = (performance.now() - started) / 1000;
if (details.failed) {
    console.error(describeFailure(details));
    console.error(`replay: npm run fuzz -- --runs ${runs} --seed ${seed}`);
    process.exit(1);
}
console.log(`sfbtopo fuzz: ${details.numRuns} runs passed in ${seconds.toFixed(1)} s (${((seconds * 1000) / details.numRuns).toFixed(1)} ms a run), seed ${seed}`);
console.log(`  ${stats.exported} inputs were valid and exported; slowest input ${Math.round(stats.maxCpuMs)} ms CPU, ${Math.round(stats.maxWallMs)} ms wall`);
