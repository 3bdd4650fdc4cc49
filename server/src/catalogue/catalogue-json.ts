import type { CatalogueEntry } from './types.js';

/**
 * A catalogue entry in the JSON shape of spec §3. `protocol` is always present
 * (null where the seed names none) so that consumers need not test for the key.
 */
export function catalogueEntryJson(entry: CatalogueEntry): Record<string, unknown> {
    return { ...entry, protocol: entry.protocol ?? null };
}
