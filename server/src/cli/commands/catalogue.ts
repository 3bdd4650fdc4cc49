import { catalogueEntryJson } from '../../catalogue/catalogue-json.js';
import { ALL_CATALOGUE_ROWS, CATALOGUE_TABLES } from '../../catalogue/tables.js';
import type { CatalogueEntry } from '../../catalogue/types.js';
import { ExitCode } from '../exit-codes.js';
import type { Output } from '../output.js';

/** `sfbtopo catalogue [--json]`: the port catalogue as JSON (spec §3) or as a readable table. */
export function catalogueCommand(options: { json?: boolean }, out: Output): number {
    if (options.json) {
        out.print(JSON.stringify(ALL_CATALOGUE_ROWS.map(catalogueEntryJson), null, 2));
        return ExitCode.Ok;
    }
    for (const { table, title } of CATALOGUE_TABLES) {
        const rows = ALL_CATALOGUE_ROWS.filter((entry) => entry.table === table);
        out.print(`${title.en} (${rows.length} rows)`);
        for (const entry of rows) {
            out.print(`  ${describeRow(entry)}`);
        }
        out.print('');
    }
    out.print(`${ALL_CATALOGUE_ROWS.length} rows in ${CATALOGUE_TABLES.length} tables; \`sfbtopo catalogue --json\` prints them as JSON.`);
    return ExitCode.Ok;
}

function describeRow(entry: CatalogueEntry): string {
    const role = entry.condition ? `${entry.role} (${entry.condition})` : entry.role;
    const ports = entry.table === 'ipsec' ? `${entry.source} -> ${entry.destination}` : portText(entry);
    const protocol = entry.protocol ? ` ${entry.protocol}` : '';
    const row = `${role.padEnd(32)} ${ports.padEnd(24)} ${`${entry.transport}${protocol}`.padEnd(20)} ${entry.service}`;
    return 'peer' in entry ? `${row}: ${entry.address} ${entry.direction} ${entry.direction === 'inbound' ? 'from' : 'to'} ${entry.peer}` : row;
}

function portText(entry: CatalogueEntry): string {
    return entry.from === entry.to ? String(entry.from) : `${entry.from}-${entry.to}`;
}
