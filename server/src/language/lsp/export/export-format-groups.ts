import { EXPORT_FORMATS, type ExportFormat } from '../../../export/formats.js';
import type { FormatRequest } from './export-command-ids.js';

/** Formats that carry the firewall rules (the JSON and CSV files also list the IPsec exceptions). */
export const FIREWALL_FORMATS: readonly string[] = ['windows-firewall', 'nftables', 'csv', 'json', 'probe-powershell'];

/** Formats that carry the IPsec exceptions. */
export const IPSEC_FORMATS: readonly string[] = ['ipsec-powershell', 'ipsec-netsh'];

const GROUPS: Record<string, readonly string[]> = {
    all: EXPORT_FORMATS,
    firewall: FIREWALL_FORMATS,
    ipsec: IPSEC_FORMATS,
};

export type ResolvedFormats = { ok: true; formats: ExportFormat[] } | { ok: false; unknown: string[] };

/**
 * Turns a request into registered formats, in registration order and without repeats.
 * Group names (`all`, `firewall`, `ipsec`) keep to the formats that are registered;
 * a format name that is not registered is reported as unknown. The result may be empty
 * (a group none of whose formats is registered, or an empty list).
 */
export function resolveFormats(request: FormatRequest | undefined, registered: readonly string[] = EXPORT_FORMATS): ResolvedFormats {
    const names = request === undefined ? ['all'] : typeof request === 'string' ? [request] : [...request];
    const wanted = new Set<string>();
    const unknown: string[] = [];
    for (const name of names) {
        const group = name === 'all' ? registered : GROUPS[name];
        if (group) {
            group.forEach((format) => wanted.add(format));
        } else if (registered.includes(name)) {
            wanted.add(name);
        } else {
            unknown.push(String(name));
        }
    }
    if (unknown.length > 0) return { ok: false, unknown };
    return { ok: true, formats: registered.filter((format) => wanted.has(format)) as ExportFormat[] };
}
