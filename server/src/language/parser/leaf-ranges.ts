import { LeafCstNodeImpl, type LeafCstNode, type RootCstNode } from 'langium';
import type { Position, Range } from 'vscode-languageserver-types';

/**
 * A CST leaf that works out its line and column range when asked, from its offset and
 * the document's line starts. Langium's leaves carry a range object with two positions
 * from the start; for a big topology those were a fifth of the parse's memory. The range
 * is not kept: semantic highlighting asks for every leaf's range after each edit, and
 * keeping them would bring that memory back. An edit that moves a leaf only changes its
 * offset (`moveBy`).
 */
export class LeafWithRangeOnDemand extends LeafCstNodeImpl {
    constructor(offset: number, length: number, tokenType: LeafCstNode['tokenType'], hidden: boolean) {
        // Langium's own range field stays empty: `range` below replaces its reader.
        super(offset, length, undefined as unknown as Range, tokenType, hidden);
    }

    override get range(): Range {
        const lines = lineStarts(this.root);
        return { start: positionIn(lines, this.offset), end: positionIn(lines, this.end) };
    }

    /** Moves the leaf by `delta` characters. */
    moveBy(delta: number): void {
        (this as unknown as { _offset: number })._offset += delta;
    }
}

/** The offset where each line starts, per root; a root whose text is replaced drops its entry (see `replaceText`). */
const lineStartsByRoot = new WeakMap<RootCstNode, Uint32Array>();

function lineStarts(root: RootCstNode): Uint32Array {
    let starts = lineStartsByRoot.get(root);
    if (!starts) lineStartsByRoot.set(root, (starts = findLineStarts(root.fullText)));
    return starts;
}

/** Gives the root a new text (the whole document after an edit); its leaves' ranges are then read from that text. */
export function replaceText(root: RootCstNode, text: string): void {
    Object.assign(root, { _text: text });
    lineStartsByRoot.delete(root);
}

/** Line breaks are `\r\n`, `\r` or `\n`, as for Chevrotain's lexer and LSP text documents. */
function findLineStarts(text: string): Uint32Array {
    const starts: number[] = [0];
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 13 /* \r */ && text.charCodeAt(i + 1) === 10) i++;
        if (c === 10 || c === 13) starts.push(i + 1);
    }
    return Uint32Array.from(starts);
}

function positionIn(lineStarts: Uint32Array, offset: number): Position {
    // The last line starting at or before `offset`.
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (lineStarts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return { line: low, character: offset - lineStarts[low] };
}
