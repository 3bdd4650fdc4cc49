import { CATALOGUE_ROLE_TITLES, CONDITION_TITLES } from '../../../catalogue/roles.js';
import { tableTitle } from '../../../catalogue/tables.js';
import type { CatalogueEntry } from '../../../catalogue/types.js';
import { portText } from '../../../model/effective-ports.js';
import type { Bilingual, LocaleSetting } from '../../l10n/locale.js';

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

    /** Catalogue rows as a table: role, service, ports, transport, protocol, purpose, seed table. */
    entries(entries: CatalogueEntry[], ports?: (entry: CatalogueEntry, index: number) => string): this {
        return this.table(
            [
                { en: 'Role', ja: '役割' },
                { en: 'Service', ja: 'サービス' },
                { en: 'Port', ja: 'ポート' },
                { en: 'Transport', ja: 'トランスポート' },
                { en: 'Protocol', ja: 'プロトコル' },
                { en: 'Purpose', ja: '用途' },
                { en: 'Seed table', ja: '出典の表' },
            ],
            entries.map((entry, index) => [
                this.roleOf(entry),
                'key' in entry && entry.key ? `${entry.service} (\`${entry.key}\`)` : entry.service,
                ports ? ports(entry, index) : portText(entry.from, entry.to),
                entry.transport,
                entry.protocol ?? '',
                this.locale.pick(entry.purpose),
                this.locale.pick(tableTitle(entry.table)),
            ]),
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

function escapeCell(text: string): string {
    return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
