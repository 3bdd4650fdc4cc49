import { CATALOGUE } from '../../catalogue/catalogue.js';
import { catalogueEntryJson } from '../../catalogue/catalogue-json.js';
import { CATALOGUE_TABLES } from '../../catalogue/tables.js';
import type { CatalogueEntry } from '../../catalogue/types.js';
import { ExitCode } from '../exit-codes.js';
import type { Output } from '../output.js';

/** `sfbtopo catalogue [--json]`: the port catalogue as JSON (spec §3) or as a readable table. */
export function catalogueCommand(options: { json?: boolean }, out: Output): number {
    if (options.json) {
        out.print(JSON.stringify(CATALOGUE.map(catalogueEntryJson), null, 2));
        return ExitCode.Ok;
    }
    for (const { table, title } of CATALOGUE_TABLES) {
        const rows = CATALOGUE.filter((entry) => entry.table === table);
        out.print(`${title.en} (${rows.length} rows)`);
        for (const entry of rows) {
            out.print(`  ${describeRow(entry)}`);
        }
        out.print('');
    }
    out.print(`${CATALOGUE.length} rows in ${CATALOGUE_TABLES.length} tables; \`sfbtopo catalogue --json\` prints them as JSON.`);
    return ExitCode.Ok;
}

function describeRow(entry: CatalogueEntry): string {
    const role = entry.condition ? `${entry.role} (${entry.condition})` : entry.role;
    const ports = entry.table === 'ipsec' ? `${entry.source} -> ${entry.destination}` : portText(entry);
    const protocol = entry.protocol ? ` ${entry.protocol}` : '';
    return `${role.padEnd(32)} ${ports.padEnd(24)} ${`${entry.transport}${protocol}`.padEnd(20)} ${entry.service}`;
}

function portText(entry: CatalogueEntry): string {
    return entry.from === entry.to ? String(entry.from) : `${entry.from}-${entry.to}`;
}
