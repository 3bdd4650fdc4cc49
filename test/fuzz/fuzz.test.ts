// The bounded fuzz run of the test suite: a fixed seed and a few hundred inputs. Longer
// runs with a random seed: `npm run fuzz -- --runs 100000`. FUZZ_RUNS and FUZZ_SEED
// override the count and the seed here too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRepoFile } from '../helpers.js';
import type { FuzzHarness } from './harness.js';
import { SEEDS } from './inputs.js';
import { describeFailure, runFuzz, warmHarness, type FuzzStats } from './property.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 250);
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_808);

let harness: FuzzHarness;
beforeAll(async () => {
    harness = await warmHarness();
}, 60_000);

const totals: FuzzStats[] = [];
afterAll(() => {
    const exported = totals.reduce((n, s) => n + s.exported, 0);
    const slowest = Math.max(0, ...totals.map((s) => s.maxCpuMs));
    console.log(`fuzz: ${RUNS} inputs (seed ${SEED}), ${exported} valid and exported; slowest ${Math.round(slowest)} ms CPU`);
});

describe('fuzzing the language services', () => {
    it(
        'parses, links, validates, hovers, completes, formats, fixes and exports any input without throwing, within 1 s, with diagnostics inside the document',
        async () => {
            const { details, stats } = await runFuzz(harness, { runs: RUNS, seed: SEED });
            totals.push(stats);
            expect(details.failed, describeFailure(details)).toBe(false);
        },
        120_000,
    );

    it('survives the reference example cut off at every position', async () => {
        const text = readRepoFile('examples/branch.sfbtopo');
        for (let end = 0; end <= text.length; end++) {
            await harness.check(text.slice(0, end));
        }
    }, 60_000);

    it('runs every feature on a small topology cut off at every position', async () => {
        const text = SEEDS[SEEDS.length - 1];
        for (let end = 0; end <= text.length; end++) {
            await harness.exercise(text.slice(0, end), [0, end / (text.length + 1), 1 - 1e-9]);
        }
    }, 60_000);
});
