import { describe, expect, it } from 'vitest';
import { limitHeapGrowth, withUsualHeapGrowth } from '../../server/src/workspace/heap-growth.js';

/**
 * The largest heap while garbage that outlived the young generation piles up on a live
 * heap, as it does between keystrokes: 40 MB stay alive, and 600 MB of 1 KB strings pass
 * through a window that holds each for a while.
 */
function peakHeapDuringChurn(): number {
    const live = Array.from({ length: 40_000 }, (_, i) => `${i}`.padEnd(1_000, 'l'));
    const window: string[] = new Array(60_000);
    let peak = 0;
    for (let i = 0; i < 600_000; i++) {
        window[i % window.length] = `${i}`.padEnd(1_000, 'g');
        if (i % 5_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    }
    expect(live.length + window.length).toBe(100_000);
    return peak;
}

describe("the language server's heap growth", () => {
    it('keeps the heap smaller once limited, and lets it grow as V8 would while an export runs', () => {
        // This file runs in a process of its own (vitest's forks pool), so the flag stays
        // here; and alone (vitest.alone.config.ts): on a loaded machine V8's concurrent
        // marking falls behind the allocation, and the heap overshoots any limit. Limited
        // first, as the server does before its first document: V8 applies a growth factor
        // when a full collection sets the next limit.
        limitHeapGrowth();
        const limited = peakHeapDuringChurn();
        const usual = withUsualHeapGrowth(peakHeapDuringChurn);
        expect(limited).toBeLessThan(usual * 0.75);
    }, 60_000);
});
