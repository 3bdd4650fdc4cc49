import { lookup } from 'node:dns/promises';
import { setTimeout as delay } from 'node:timers/promises';
import type { Bilingual } from '../catalogue/types.js';
import { normaliseIpv4 } from '../net/ipv4.js';

export type HostsFileResult = { ok: true; addresses: Map<string, string> } | { ok: false; line: number; message: Bilingual };

/**
 * Reads a hosts file (`ADDRESS NAME…` per line, `#` comments): the IPv4 address of each name,
 * in lower case. IPv6 lines are skipped (the topology's addresses are IPv4); a line whose first
 * word is not an address is refused with its line, since a typo would otherwise go unnoticed.
 */
export function readHostsFile(text: string): HostsFileResult {
    const addresses = new Map<string, string>();
    const lines = text.split(/\r?\n/);
    for (const [index, raw] of lines.entries()) {
        const words = raw.replace(/#.*/, '').trim().split(/\s+/).filter(Boolean);
        if (words.length === 0) continue;
        const [address, ...names] = words;
        if (address.includes(':')) continue;
        const normal = normaliseIpv4(address);
        if (normal === undefined) {
            return { ok: false, line: index + 1, message: { en: `'${address}' is not an IPv4 address; a hosts file line is ADDRESS NAME…`, ja: `'${address}' は IPv4 アドレスではありません。hosts ファイルの各行は ADDRESS NAME… の形式です` } };
        }
        if (names.length === 0) return { ok: false, line: index + 1, message: { en: `no host name after ${address}`, ja: `${address} の後にホスト名がありません` } };
        for (const name of names) if (!addresses.has(name.toLowerCase())) addresses.set(name.toLowerCase(), normal);
    }
    return { ok: true, addresses };
}

/** How many names are looked up at once, and how long one may take. */
const LOOKUPS_AT_ONCE = 16;
const LOOKUP_TIMEOUT_MS = 5000;

/**
 * Looks host names up in DNS (the system resolver, as `ping` would), IPv4 only. Names that do
 * not resolve, or not in time, are left out: they stay placeholders for the administrator.
 */
export async function resolveHosts(names: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    let next = 0;
    const worker = async () => {
        while (next < names.length) {
            const name = names[next++];
            const address = await Promise.race([
                lookup(name, { family: 4 }).then((result) => result.address, () => undefined),
                delay(LOOKUP_TIMEOUT_MS, undefined, { ref: false }),
            ]);
            if (address !== undefined) found.set(name.toLowerCase(), address);
        }
    };
    await Promise.all(Array.from({ length: Math.min(LOOKUPS_AT_ONCE, names.length) }, worker));
    return found;
}
