import { CATALOGUE_ROLE_TITLES, CONDITION_TITLES } from '../../../catalogue/roles.js';
import { tableTitle } from '../../../catalogue/tables.js';
import type { CatalogueEntry } from '../../../catalogue/types.js';
import { portText, type EffectivePort } from '../../../model/effective-ports.js';
import type { Bilingual, LocaleSetting } from '../../l10n/locale.js';
import { ClientCommands, type DocumentCommandArgs } from '../export/export-command-ids.js';

/** Builds hover markdown in the client's language. */
export class Markdown {
    private readonly lines: string[] = [];

    constructor(readonly locale: LocaleSetting) {}

    say(text: Bilingual | string): this {
        this.lines.push(typeof text === 'string' ? text : this.locale.pick(text), '');
        return this;
    }

    heading(text: Bilingual | string): this {
        return this.say(`**${typeof text === 'string' ? text : this.locale.pick(text)}**`);
    }

    table(header: Array<Bilingual | string>, rows: string[][]): this {
        const cells = (row: string[]) => `| ${row.map(escapeCell).join(' | ')} |`;
        this.lines.push(cells(header.map((h) => (typeof h === 'string' ? h : this.locale.pick(h)))));
        this.lines.push(`|${header.map(() => ' --- ').join('|')}|`);
        rows.forEach((row) => this.lines.push(cells(row)));
        this.lines.push('');
        return this;
    }

    /**
     * Catalogue rows as a table: role, service, ports, transport, protocol, purpose, seed
     * table. A role or seed table shared by every row is said once above the table
     * instead of on each row.
     */
    entries(entries: CatalogueEntry[], ports?: (entry: CatalogueEntry, index: number) => string): this {
        const roles = entries.map((entry) => this.roleOf(entry));
        const tables = entries.map((entry) => this.locale.pick(tableTitle(entry.table)));
        const shared = (values: string[]) => values.length > 0 && values.every((value) => value === values[0]);
        const columns: Array<{ header: Bilingual; cell: (entry: CatalogueEntry, index: number) => string }> = [
            ...(shared(roles) ? [] : [{ header: { en: 'Role', ja: '役割' }, cell: (_: CatalogueEntry, index: number) => roles[index] }]),
            { header: { en: 'Service', ja: 'サービス' }, cell: (entry) => ('key' in entry && entry.key ? `${entry.service} (\`${entry.key}\`)` : entry.service) },
            { header: { en: 'Port', ja: 'ポート' }, cell: (entry, index) => (ports ? ports(entry, index) : portText(entry.from, entry.to)) },
            { header: { en: 'Transport', ja: 'トランスポート' }, cell: (entry) => entry.transport },
            { header: { en: 'Protocol', ja: 'プロトコル' }, cell: (entry) => entry.protocol ?? '' },
            { header: { en: 'Purpose', ja: '用途' }, cell: (entry) => this.locale.pick(entry.purpose) },
            ...(shared(tables) ? [] : [{ header: { en: 'Seed table', ja: '出典の表' }, cell: (_: CatalogueEntry, index: number) => tables[index] }]),
        ];
        const caption = [shared(roles) ? roles[0] : undefined, shared(tables) ? tables[0] : undefined].filter(Boolean).join(' · ');
        if (caption) this.say(`*${caption}*`);
        return this.table(
            columns.map((column) => column.header),
            entries.map((entry, index) => columns.map((column) => column.cell(entry, index))),
        );
    }

    /** Rows as they apply somewhere, with the catalogue's ports beside those moved away from them. */
    effective(ports: EffectivePort[]): this {
        return this.entries(
            ports.map((port) => port.entry),
            (entry, index) => {
                const port = ports[index];
                const text = portText(port.from, port.to);
                return text !== portText(entry.from, entry.to) ? `${text} (${this.locale.pick({ en: 'moved from', ja: '既定値' })} ${portText(entry.from, entry.to)})` : text;
            },
        );
    }

    roleOf(entry: CatalogueEntry): string {
        const role = this.locale.pick(CATALOGUE_ROLE_TITLES[entry.role]);
        return entry.condition ? `${role} (${this.locale.pick(CONDITION_TITLES[entry.condition])})` : role;
    }

    toString(): string {
        return this.lines.join('\n').trimEnd();
    }
}

/** A markdown link target that opens the rules preview of a document: every rule, with its addresses. */
export function previewRulesTarget(topology: DocumentCommandArgs): string {
    return `command:${ClientCommands.previewRules}?${encodeURIComponent(JSON.stringify([topology]))}`;
}

function escapeCell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
