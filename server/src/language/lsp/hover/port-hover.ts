import { entriesForPort } from '../../../catalogue/queries.js';
import type { Markdown } from './markdown.js';

/** Every catalogue row that uses a port, itself or inside a range (IPsec rows cover any port and are left out). */
export function portHover(md: Markdown, port: number): Markdown {
    const rows = entriesForPort(port);
    md.heading({ en: `Port ${port}`, ja: `ポート ${port}` });
    if (rows.length === 0) {
        return md.say({ en: 'No row of the port catalogue uses this port.', ja: 'ポート カタログのどの行もこのポートを使いません。' });
    }
    return md
        .say({ en: `${rows.length} catalogue row${rows.length === 1 ? '' : 's'} use this port:`, ja: `このポートを使うカタログの行: ${rows.length} 件` })
        .entries(rows);
}
