import { describe, expect, it } from 'vitest';
import { eachInParallel } from '../../server/src/export/each-in-parallel.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('eachInParallel', () => {
    it('runs every item once, never more than the limit at a time', async () => {
        let running = 0;
        let most = 0;
        const seen: number[] = [];
        await eachInParallel([...Array(25).keys()], 4, async (item, index) => {
            expect(index).toBe(item);
            running++;
            most = Math.max(most, running);
            await tick();
            seen.push(item);
            running--;
        });
        expect(seen.sort((a, b) => a - b)).toEqual([...Array(25).keys()]);
        expect(most).toBe(4);
    });

    it('on a failure starts nothing more, lets the running ones finish, then throws the first error', async () => {
        const finished: number[] = [];
        let running = 0;
        const outcome = eachInParallel([...Array(20).keys()], 3, async (item) => {
            running++;
            await tick();
            running--;
            if (item === 4) throw new Error('item 4 failed');
            if (item === 5) throw new Error('item 5 failed too');
            finished.push(item);
        });
        await expect(outcome).rejects.toThrow('item 4 failed');
        expect(running).toBe(0);
        expect(Math.max(...finished)).toBeLessThan(8);
    });

    it('does nothing with no items', async () => {
        await eachInParallel([], 8, () => Promise.reject(new Error('not called')));
    });
});
