import { describe, expect, it } from 'vitest';
import { linesText, renderInBlocks } from '../../server/src/export/text-joins.js';

describe('renderInBlocks', () => {
    const render = (n: number) => `line ${n}`;

    it.each([0, 1, 255, 256, 257, 512, 1000])('%i items: the blocks joined read as every item rendered and joined', (count) => {
        const items = Array.from({ length: count }, (_, n) => n);
        for (const separator of ['\n', '\r\n', '']) {
            const blocks = renderInBlocks(items, render, separator);
            expect(blocks.join(separator)).toBe(items.map(render).join(separator));
            expect(blocks).toHaveLength(Math.ceil(count / 256));
        }
    });

    it('renders each item once, in order', () => {
        const seen: number[] = [];
        const record = (n: number) => {
            seen.push(n);
            return String(n);
        };
        expect(renderInBlocks([3, 1, 2], record, ',')).toEqual(['3,1,2']);
        expect(seen).toEqual([3, 1, 2]);
    });
});

describe('linesText', () => {
    it('ends every line, the last one too, with the line break asked for', () => {
        expect(linesText(['a', 'b'])).toBe('a\nb\n');
        expect(linesText(['a', 'b'], '\r\n')).toBe('a\r\nb\r\n');
        expect(linesText([''])).toBe('\n');
        expect(linesText([])).toBe('');
    });
});
