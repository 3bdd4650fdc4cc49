// The fuzz property, shared by the bounded vitest suite and `npm run fuzz`.
import fc from 'fast-check';
import { FuzzHarness } from './harness.js';
import { fuzzInput, probes } from './inputs.js';

export interface FuzzOptions {
    runs: number;
    seed: number;
    /** Printed every so many runs (long runs only). */
    progress?: (done: number) => void;
    progressEvery?: number;
    arbitrary?: fc.Arbitrary<string>;
}

/** A harness whose JIT is warm, so that the first input's 1 s budget measures the input, not start-up. */
export async function warmHarness(): Promise<FuzzHarness> {
    const harness = new FuzzHarness();
    const { SEEDS } = await import('./inputs.js');
    for (const seed of SEEDS) await harness.exercise(seed, [0.1, 0.5, 0.9], Number.POSITIVE_INFINITY);
    return harness;
}

export interface FuzzStats {
    /** Inputs exercised (shrinking included). */
    inputs: number;
    /** Inputs without errors, exported in every format. */
    exported: number;
    maxCpuMs: number;
    maxWallMs: number;
}

/** Runs the property; resolves with fast-check's details (a failure is shrunk and reported there). */
export async function runFuzz(harness: FuzzHarness, options: FuzzOptions): Promise<{ details: fc.RunDetails<[string, number[]]>; stats: FuzzStats }> {
    const stats: FuzzStats = { inputs: 0, exported: 0, maxCpuMs: 0, maxWallMs: 0 };
    const every = options.progressEvery ?? 1_000;
    const property = fc.asyncProperty(options.arbitrary ?? fuzzInput, probes, async (text, at) => {
        const { exported, cpuMs, wallMs } = await harness.exercise(text, at);
        stats.inputs++;
        if (exported) stats.exported++;
        stats.maxCpuMs = Math.max(stats.maxCpuMs, cpuMs);
        stats.maxWallMs = Math.max(stats.maxWallMs, wallMs);
        if (options.progress && stats.inputs % every === 0) options.progress(stats.inputs);
    });
    const details = await fc.check(property, { numRuns: options.runs, seed: options.seed });
    return { details, stats };
}

/** The counterexample as a test could keep it: a JSON string literal and the probes. */
export function describeFailure(details: fc.RunDetails<[string, number[]]>): string {
    if (!details.failed) return 'no failure';
    const [text, at] = details.counterexample ?? ['?', []];
    const error = details.errorInstance instanceof Error ? (details.errorInstance.stack ?? details.errorInstance.message) : String(details.errorInstance);
    return [
        `failed after ${details.numRuns} runs and ${details.numShrinks} shrinks (seed ${details.seed}, path "${details.counterexamplePath}")`,
        `input (JSON): ${JSON.stringify(text)}`,
        `probes: ${JSON.stringify(at)}`,
        error,
    ].join('\n');
}
