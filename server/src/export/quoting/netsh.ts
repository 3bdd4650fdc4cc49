// Quoting for `netsh` commands in a Windows batch file (.cmd). cmd.exe reads a line before
// netsh does: `%` (and `!` under delayed expansion) expand variables even inside double
// quotes, `^ & | < >` are its operators outside them, and netsh's own parser has no escape
// for a `"` inside a quoted value. So a value is double-quoted and must contain none of
// them, nor a line break: this module refuses such a value rather than escape it.

import { createHash } from 'node:crypto';

/** Longer rule names are cut (see netshName); a batch line must stay under cmd.exe's 8191 characters. */
const NETSH_NAME_MAX = 255;

/** Characters no value may contain: cmd.exe or netsh would read them as syntax. */
export const NETSH_FORBIDDEN = ['"', '%', '!', '^', '&', '|', '<', '>', '\r', '\n'] as const;

/** NETSH_FORBIDDEN as the body of a regex character class. */
const FORBIDDEN_CLASS = NETSH_FORBIDDEN.map((c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
/** What netshQuote refuses: a forbidden character or any other control character. */
const UNQUOTABLE = new RegExp(`[${FORBIDDEN_CLASS}\\x00-\\x1f\\x7f]`);
/** What netshText replaces, a code point at a time: a forbidden character or anything but printable ASCII. */
const UNPRINTABLE = new RegExp(`[${FORBIDDEN_CLASS}]|[^\\x20-\\x7e]`, 'gu');

const ADDRESS = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(\/([12]?\d|3[0-2]))?$/;
const PORTS = /^\d{1,5}(-\d{1,5})?$/;

/**
 * A double-quoted netsh value. Throws when the value holds a forbidden character or any
 * other control character: callers sanitise first (netshText), this function enforces.
 */
export function netshQuote(value: string): string {
    const bad = UNQUOTABLE.exec(value)?.[0];
    if (bad !== undefined) {
        throw new Error(`netsh: value ${JSON.stringify(value)} contains ${JSON.stringify(bad)}, which a batch file cannot pass to netsh safely`);
    }
    if (value.trim() === '' || value.trim().toLowerCase() === 'all') {
        throw new Error(`netsh: value ${JSON.stringify(value)} is empty or 'all' (netsh reads name=all as every rule)`);
    }
    return `"${value}"`;
}

/**
 * Free text (a service name) made safe for netshQuote: printable ASCII only, forbidden
 * characters replaced by a space, spaces collapsed.
 */
export function netshText(text: string): string {
    return text.replace(UNPRINTABLE, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A `REM` line for free text (the header's file name). cmd.exe expands `%` (and `!`) on
 * every line before it sees `REM`, so `%~` there would abort the script, and a caret at
 * the end would carry the remark on to the next line: the forbidden characters become
 * `_`, and anything outside printable ASCII `?` (a batch file is read in the OEM code
 * page, where UTF-8 bytes are other characters).
 */
export function batchRemark(text: string): string {
    const forbidden = new Set<string>(NETSH_FORBIDDEN);
    const safe = [...text].map((c) => (forbidden.has(c) ? '_' : /[\x20-\x7e]/.test(c) ? c : '?')).join('');
    return `REM ${safe}`.trimEnd();
}

/**
 * A rule name for netshQuote: netshText of the text, and when longer than 255 characters
 * (a very long topology, site or pool name), cut with a hash of the whole name so that it
 * stays unique and the same on every export.
 */
export function netshName(text: string): string {
    const name = netshText(text);
    if (name.length <= NETSH_NAME_MAX) return name;
    return `${name.slice(0, NETSH_NAME_MAX - 9).trimEnd()} ${createHash('sha256').update(name).digest('hex').slice(0, 8)}`;
}

/** An `endpoint1=`/`endpoint2=` value: `any` or a comma-separated list of checked IPv4 addresses and CIDRs. */
export function netshEndpoints(endpoints: 'any' | readonly string[]): string {
    if (endpoints === 'any') return 'any';
    if (endpoints.length === 0) throw new Error('netsh: an endpoint list is empty');
    for (const address of endpoints) {
        if (!ADDRESS.test(address)) throw new Error(`netsh: '${address}' is not an IPv4 address or CIDR`);
    }
    return endpoints.join(',');
}

/** A `port1=`/`port2=` value: a port, a range `a-b`, or `any`. */
export function netshPorts(ports: string): string {
    if (ports !== 'any' && !PORTS.test(ports)) throw new Error(`netsh: '${ports}' is not a port or port range`);
    return ports;
}
