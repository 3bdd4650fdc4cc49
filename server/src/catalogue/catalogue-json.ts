import { SEED_DOCUMENT } from './catalogue.js';
import type { CatalogueEntry } from './types.js';

/**
 * A catalogue entry in the JSON shape of spec §3, with the document it was transcribed
 * from. `protocol` is always present (null where the source names none) so that
 * consumers need not test for the key.
 */
export function catalogueEntryJson(entry: CatalogueEntry): Record<string, unknown> {
    return { ...entry, protocol: entry.protocol ?? null, document: 'document' in entry ? entry.document : SEED_DOCUMENT };
}
