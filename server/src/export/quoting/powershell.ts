/**
 * PowerShell quoting for the generated scripts (`windows-firewall`, `ipsec-powershell`,
 * `probe-powershell`). Every string taken from the topology or the catalogue goes
 * through `powershellQuote`; the scripts' own keywords (`Inbound`, `Allow`, `None`)
 * are the only bare words.
 *
 * A single-quoted PowerShell string expands nothing (`$()`, backticks, `;`, `|`, `&`
 * and `%` are plain characters in it) and ends only at a single quote. PowerShell
 * counts four characters as single quotes: `'` and the curly U+2018, U+2019, U+201A,
 * U+201B; inside the string each is escaped by doubling it.
 *
 * Decisions on what may not be quoted as it is:
 * - Line breaks (CR, LF, CRLF, and U+0085, U+2028, U+2029) become one space: a
 *   newline is legal inside a single-quoted string, but it would make a rule's
 *   description multi-line.
 * - A tab stays (harmless inside quotes).
 * - Every other control character (U+0000–U+001F, U+007F–U+009F) and unpaired UTF-16
 *   surrogates are refused with an error: no topology or catalogue text has them, and
 *   no quoting makes NUL or an escape sequence safe to hand to a cmdlet.
 */

import { Buffer } from 'node:buffer';
import { linesText } from '../text-joins.js';

/** The characters PowerShell takes as a single quote. */
export const POWERSHELL_SINGLE_QUOTES = ["'", '\u2018', '\u2019', '\u201A', '\u201B'] as const;

const SINGLE_QUOTE = /['\u2018\u2019\u201A\u201B]/g;
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
// After line breaks are gone: C0 controls but tab, DEL and C1 controls.
const FORBIDDEN = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /\p{Cs}/u;
// Printable ASCII and tab without `'`: text the rules above leave as it is (most of it: ids, addresses, purposes).
const UNCHANGED = /^[\t\x20-\x26\x28-\x7E]*$/;

/** The text as `powershellQuote` places it: each line break (CRLF counts as one) replaced by a space. */
export function normaliseLineBreaks(text: string): string {
    return text.replace(LINE_BREAK, ' ');
}

/** `text` as a single-quoted PowerShell string literal; throws on control characters (see above). */
export function powershellQuote(text: string): string {
    if (UNCHANGED.test(text)) return `'${text}'`;
    const flat = normaliseLineBreaks(text);
    const forbidden = FORBIDDEN.exec(flat);
    if (forbidden) {
        const code = forbidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        throw new Error(`Cannot place text in a PowerShell script: it contains the control character U+${code} (${JSON.stringify(text)}).`);
    }
    if (LONE_SURROGATE.test(flat)) {
        throw new Error(`Cannot place text in a PowerShell script: it contains an unpaired UTF-16 surrogate (${JSON.stringify(text)}).`);
    }
    return `'${flat.replace(SINGLE_QUOTE, (quote) => quote + quote)}'`;
}

/** Quoted strings joined as a PowerShell array argument: `'a', 'b'`. */
export function powershellList(items: readonly string[]): string {
    return items.map(powershellQuote).join(', ');
}

/**
 * A `#` comment line whose text cannot end the comment: line breaks and other control
 * characters become spaces (a file name in the header may hold anything).
 */
export function powershellComment(text: string): string {
    const flat = normaliseLineBreaks(text).replace(/[\u0000-\u001F\u007F-\u009F]/g, ' ');
    return flat.length > 0 ? `# ${flat}` : '#';
}

/**
 * A script's text: LF line endings and a trailing newline. A script with any non-ASCII
 * character starts with a UTF-8 byte order mark: Windows PowerShell 5.1 reads a
 * script without one in the ANSI code page, where the bytes of some UTF-8 characters
 * (e.g. `あ` = E3 81 82, 0x82 being `‚` U+201A in Windows-1252) decode to a curly
 * single quote and would end a quoted string early. ASCII scripts stay BOM-less.
 */
export function powershellScript(lines: readonly string[]): string {
    const text = linesText(lines);
    // ASCII exactly when UTF-8 takes one byte per UTF-16 unit; counting is much faster than a regex scan.
    return Buffer.byteLength(text, 'utf8') !== text.length ? `\uFEFF${text}` : text;
}

/**
 * Reads one single-quoted PowerShell string starting at `start` the way PowerShell's
 * tokenizer does (any of the four quote characters opens and closes it; two of them in
 * a row stand for the second). Returns its value and the index after it.
 */
export function readPowershellString(text: string, start: number): { value: string; end: number } {
    const isQuote = (c: string | undefined) => c !== undefined && (POWERSHELL_SINGLE_QUOTES as readonly string[]).includes(c);
    if (!isQuote(text[start])) throw new Error(`No single-quoted string at offset ${start}.`);
    let value = '';
    let i = start + 1;
    while (i < text.length) {
        const c = text[i];
        if (isQuote(c)) {
            if (!isQuote(text[i + 1])) return { value, end: i + 1 };
            value += text[i + 1];
            i += 2;
        } else {
            value += c;
            i += 1;
        }
    }
    throw new Error(`Unterminated single-quoted string at offset ${start}.`);
}

/** The inverse of `powershellQuote`, for tests: the whole text must be one quoted string. */
export function powershellUnquote(quoted: string): string {
    const { value, end } = readPowershellString(quoted, 0);
    if (end !== quoted.length) throw new Error(`Text after the quoted string: ${JSON.stringify(quoted.slice(end))}`);
    return value;
}

/*
 * Values from the validated sets (addresses, ports, identifiers) are checked once more
 * before they reach a script, then quoted like any other text: a value that slipped
 * past validation makes the export fail instead of producing a wrong rule.
 */

const ADDRESS = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*)(?:\/\d{1,3})?$/;
const PORTS = /^\d{1,5}(?:-\d{1,5})?$/;
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_-]*$/;

/** An IPv4 or IPv6 address or CIDR, checked. */
export function checkedAddress(address: string): string {
    if (!ADDRESS.test(address)) throw new Error(`Not an address or CIDR: ${JSON.stringify(address)}.`);
    return address;
}

/** `5061` or `49152-57500`, checked. */
export function checkedPorts(ports: string): string {
    if (!PORTS.test(ports)) throw new Error(`Not a port or port range: ${JSON.stringify(ports)}.`);
    return ports;
}

/** A topology identifier (pool, file share, site), checked; safe in a file name. */
export function checkedIdentifier(name: string): string {
    if (!IDENTIFIER.test(name)) throw new Error(`Not an identifier: ${JSON.stringify(name)}.`);
    return name;
}

/** An address list argument: the quoted addresses, or `'Any'` where the rule says any. */
export function powershellAddresses(endpoints: 'any' | readonly string[]): string {
    if (endpoints === 'any') return powershellQuote('Any');
    if (endpoints.length === 0) throw new Error('An empty address list has no PowerShell form (the rule model says `any` instead).');
    return powershellList(endpoints.map(checkedAddress));
}
