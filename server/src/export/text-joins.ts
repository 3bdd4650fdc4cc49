/** How many items make one block (see renderInBlocks). */
const BLOCK = 256;

/** The items in blocks of BLOCK, in order (the last one shorter); no items, no blocks. */
export function blocksOf<T>(items: readonly T[]): T[][] {
    const blocks: T[][] = [];
    for (let start = 0; start < items.length; start += BLOCK) blocks.push(items.slice(start, start + BLOCK));
    return blocks;
}

/**
 * `items.map(render)` joined by `separator` a block of items at a time: the blocks, joined
 * by `separator` in turn, read as `items.map(render).join(separator)`; no items, no blocks.
 * A renderer keeps its text until the end, and V8's young-generation collector copies
 * what outlives a collection, twice: a line from a template is a tree of the pieces it
 * was put together from, so thousands of rule lines cost more to keep than to join early.
 */
export function renderInBlocks<T>(items: readonly T[], render: (item: T) => string, separator: string): string[] {
    return blocksOf(items).map((block) => block.map(render).join(separator));
}

/**
 * The lines as a file's text, each ended by `eol`, in one string. Adding the last line
 * break after the join would make a pair of strings, which the next reader (the hash,
 * the byte count, the writer) first copies into one.
 */
export function linesText(lines: readonly string[], eol = '\n'): string {
    return [...lines, ''].join(eol);
}
