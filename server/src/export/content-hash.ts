import { createHash } from 'node:crypto';

// Hand-edit detection (issue 8 item 5). Every generated file whose format has comments
// (or, for JSON, a field) carries the SHA-256 of its own content on one line of its
// header, the *seal*:
//
//   # sfbtopo-hash: sha256:<64 hex>              PowerShell, nftables (first line, after a BOM)
//   REM sfbtopo-hash: sha256:<64 hex>            netsh batch file (second line, after `@echo off`)
//     "sfbtopoHash": "sha256:<64 hex>",          rules.json (second line: the object's first field)
//
// The hash covers the file's text with the seal line (and its line ending) taken out:
// everything above and below it, as UTF-8, with CRLF counted as LF (a checkout that
// converts line endings is not a hand edit). Before overwriting a file, the writer
// recomputes it: a mismatch means someone changed the file since sfbtopo wrote it. No
// timestamp goes in, so an unchanged topology still exports to identical files.
//
// CSV has no comments and no room for a field that spreadsheets would not show as data,
// so the writer records the hashes of such files in a ledger beside them instead (see
// write-files.ts).
//
// The seal is looked for only on the first two lines, where every renderer puts fixed text
// or the seal itself, so no name or file name from the topology can fake one.

/** The seal's line-ending-free forms, the hash in group 1. */
const SEAL_LINES = [/^(?:#|REM) sfbtopo-hash: sha256:([0-9a-f]{64})$/, /^ {2}"sfbtopoHash": "sha256:([0-9a-f]{64})",$/];

export type SealStyle = 'hash-comment' | 'rem-comment' | 'json-field';

const BOM = '\uFEFF';

/** SHA-256 of the text's UTF-8 bytes, in hex. */
export function sha256Hex(text: string | Uint8Array): string {
    return createHash('sha256').update(text).digest('hex');
}

/**
 * A file's text, whole or as pieces that follow one another, the first holding the first
 * line. No piece ends between the CR and the LF of a line break, nor inside a character.
 */
export type FileText = string | readonly string[];

/** The hash the seal and the ledger record: SHA-256 of the text with CRLF read as LF. */
export function contentDigest(text: FileText): string {
    const hash = createHash('sha256');
    // Piece by piece: a large file's text in one string would be one more copy of it.
    for (const piece of typeof text === 'string' ? [text] : text) hash.update(piece.replace(/\r\n/g, '\n'));
    return hash.digest('hex');
}

/**
 * The content with its seal: for `hash-comment` a `#` line first (after a BOM), for
 * `rem-comment` a `REM` line after the first line (`@echo off`), for `json-field` a
 * `"sfbtopoHash"` line after the first line (`{`). The line ending is the content's own
 * (CRLF when its first line ends so).
 */
export function sealContent(text: FileText, style: SealStyle): string {
    const hex = contentDigest(text);
    const [content, ...rest] = typeof text === 'string' ? [text] : text;
    // The other pieces are put together, not joined: a join would copy a large file's text
    // once more, before the writer's own copy of it.
    const after = rest.reduce((joined, piece) => joined + piece, '');
    if (style === 'hash-comment') {
        const bom = content.startsWith(BOM) ? BOM : '';
        return `${bom}# sfbtopo-hash: sha256:${hex}${eolOf(content)}${content.slice(bom.length)}${after}`;
    }
    const firstEnd = content.indexOf('\n');
    if (firstEnd < 0) throw new Error(`cannot seal a one-line file as ${style}`);
    const line = style === 'rem-comment' ? `REM sfbtopo-hash: sha256:${hex}` : `  "sfbtopoHash": "sha256:${hex}",`;
    return `${content.slice(0, firstEnd + 1)}${line}${eolOf(content)}${content.slice(firstEnd + 1)}${after}`;
}

export type SealCheck =
    /** No seal on the first two lines: not a file sfbtopo sealed. */
    | { sealed: false }
    /** A seal: `intact` when the content still hashes to it. */
    | { sealed: true; intact: boolean };

/** Reads a file's seal and checks the content against it. */
export function checkSeal(content: string): SealCheck {
    const seal = findSeal(content);
    if (!seal) return { sealed: false };
    return { sealed: true, intact: contentDigest([content.slice(0, seal.start), content.slice(seal.end)]) === seal.hash };
}

/** Whether the content carries a seal, without checking it. */
export function isSealed(content: string): boolean {
    return findSeal(content) !== undefined;
}

/** The seal's hash and where its line starts and ends (after its line break). */
function findSeal(content: string): { hash: string; start: number; end: number } | undefined {
    let start = content.startsWith(BOM) ? BOM.length : 0;
    for (let line = 0; line < 2; line++) {
        const newline = content.indexOf('\n', start);
        if (newline < 0) return undefined;
        const end = content[newline - 1] === '\r' ? newline - 1 : newline;
        const text = content.slice(start, end);
        const match = SEAL_LINES.map((pattern) => pattern.exec(text)).find((found) => found !== null);
        if (match) return { hash: match[1], start, end: newline + 1 };
        start = newline + 1;
    }
    return undefined;
}

function eolOf(content: string): string {
    const newline = content.indexOf('\n');
    return newline > 0 && content[newline - 1] === '\r' ? '\r\n' : '\n';
}
