import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { afterEach, describe, expect, it } from 'vitest';
import { CodeActionTriggerKind, type CodeAction, type CodeLens } from 'vscode-languageserver';
import type { Topology } from '../../../server/src/language/generated/ast.js';
import type { Locale } from '../../../server/src/language/l10n/locale.js';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';
import { exportDocument } from '../../../server/src/export/export-topology.js';
import { EXPORT_FORMATS } from '../../../server/src/export/formats.js';
import { HASH_LEDGER } from '../../../server/src/export/write-files.js';
import { ClientCommands, type ExportRulesResult, type PreviewRulesResult, type RulesTableResult } from '../../../server/src/language/lsp/export/export-command-ids.js';
import { FIREWALL_FORMATS, IPSEC_FORMATS, resolveFormats } from '../../../server/src/language/lsp/export/export-format-groups.js';
import { checkTopologies } from '../../../server/src/workspace/topology-documents.js';
import { visibleRows } from '../../../client/src/preview/rules-filter.js';
import { readRepoFile } from '../../helpers.js';

const contoso = readRepoFile('examples/contoso.sfbtopo');
const perimeter = readRepoFile('examples/perimeter.sfbtopo');
const broken = 'topology T\nsite S {\n  gateway g 10.0.0.300\n  gateway h 10.0.0.301\n}\n';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sfbtopo-export-cmd-'));
    temps.push(dir);
    return dir;
}

/** Services per locale; documents are checked into their workspace, where the commands find them. */
function setup(locale: Locale = 'en') {
    const { shared, sfbtopo } = createSfbtopoServices(EmptyFileSystem);
    sfbtopo.l10n.Locale.current = locale;
    const open = async (text: string, path = join(tempDir(), 'site.sfbtopo')) => {
        const [checked] = await checkTopologies([{ path, text }], sfbtopo);
        return checked.document;
    };
    const execute = (command: string, args: unknown) => shared.lsp.ExecuteCommandHandler!.executeCommand(command, [args]);
    const lenses = async (document: LangiumDocument) =>
        ((await sfbtopo.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? []) as CodeLens[];
    const actions = async (document: LangiumDocument, context: { only?: string[]; triggerKind?: CodeActionTriggerKind }) =>
        (await sfbtopo.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], ...context },
        })) as CodeAction[];
    return { shared, sfbtopo, open, execute, lenses, actions };
}

describe('code lenses on the topology line', () => {
    it('offer export firewall, export IPsec and preview, carrying client commands with the document URI', async () => {
        const { open, lenses } = setup();
        const document = await open(`// a comment first\n${contoso}`);
        const found = await lenses(document);
        expect(found.map((lens) => lens.command?.title)).toEqual(['Export firewall rules', 'Export IPsec rules', 'Preview rules']);
        expect(found.map((lens) => lens.command?.command)).toEqual(['sfbtopo.exportFirewall', 'sfbtopo.exportIpsec', 'sfbtopo.previewRules']);
        const line = contoso.split('\n').findIndex((l) => l.startsWith('topology ')) + 1;
        for (const lens of found) {
            expect(lens.range.start.line).toBe(line);
            expect(lens.command?.arguments).toEqual([{ uri: document.uri.toString() }]);
        }
    });

    it('are titled in Japanese when the locale is ja', async () => {
        const { open, lenses } = setup('ja');
        const found = await lenses(await open(contoso));
        expect(found.map((lens) => lens.command?.title)).toEqual(['ファイアウォール ルールをエクスポート', 'IPsec ルールをエクスポート', 'ルールをプレビュー']);
    });

    it('are not offered without a topology line', async () => {
        const { open, lenses } = setup();
        expect(await lenses(await open('// nothing yet\n'))).toEqual([]);
        expect(await lenses(await open('site S { }\n'))).toEqual([]);
    });
});

describe('the source action', () => {
    it('is offered when source actions are asked for, or on an explicit request, and runs the client export command', async () => {
        const { open, actions } = setup();
        const document = await open(contoso);
        for (const only of [['source'], ['source.sfbtopo'], ['source.sfbtopo.exportRules']]) {
            expect(await actions(document, { only })).toEqual([
                {
                    title: 'Export firewall and IPsec rules',
                    kind: 'source.sfbtopo.exportRules',
                    command: { title: 'Export firewall and IPsec rules', command: 'sfbtopo.exportAll', arguments: [{ uri: document.uri.toString() }] },
                },
            ]);
        }
        expect(await actions(document, { triggerKind: CodeActionTriggerKind.Invoked })).toHaveLength(1);
    });

    it('is not offered for other kinds, automatic requests, or a document without a topology line', async () => {
        const { open, actions } = setup();
        const document = await open(contoso);
        expect(await actions(document, { only: ['quickfix'] })).toEqual([]);
        expect(await actions(document, { only: ['source.organizeImports'] })).toEqual([]);
        expect(await actions(document, { triggerKind: CodeActionTriggerKind.Automatic })).toEqual([]);
        expect(await actions(document, {})).toEqual([]);
        expect(await actions(await open('// empty\n'), { only: ['source'] })).toEqual([]);
    });

    it('is titled in Japanese when the locale is ja', async () => {
        const { open, actions } = setup('ja');
        const [action] = await actions(await open(contoso), { only: ['source'] });
        expect(action.title).toBe('ファイアウォールと IPsec のルールをエクスポート');
    });
});

describe('sfbtopo.exportRules', () => {
    it('is advertised with sfbtopo.previewRules', () => {
        const { shared } = setup();
        expect(shared.lsp.ExecuteCommandHandler!.commands).toEqual(expect.arrayContaining(['sfbtopo.exportRules', 'sfbtopo.previewRules']));
    });

    it('writes exactly what exportDocument renders, byte for byte', async () => {
        const { open, execute } = setup();
        const document = (await open(contoso)) as LangiumDocument<Topology>;
        const outDir = join(tempDir(), 'out');
        const result = (await execute('sfbtopo.exportRules', { uri: document.uri.toString(), formats: 'all', outDir })) as ExportRulesResult;
        const expected = exportDocument(document, EXPORT_FORMATS, { sourceFile: 'site.sfbtopo' });
        if (!expected.ok || !result.ok) throw new Error(JSON.stringify(result));
        expect(result.outDir).toBe(outDir);
        expect(result.files.map((file) => basename(file)).sort()).toEqual(expected.files.map((file) => file.name).sort());
        expect(readdirSync(outDir).filter((name) => name !== HASH_LEDGER).sort()).toEqual(expected.files.map((file) => file.name).sort());
        for (const file of expected.files) {
            expect(readFileSync(join(outDir, file.name)).equals(Buffer.from(file.content, 'utf8')), file.name).toBe(true);
        }
    });

    it('writes into rules/ beside the topology file by default, and resolves a relative folder there', async () => {
        const { open, execute } = setup();
        const folder = tempDir();
        const document = await open(contoso, join(folder, 'contoso.sfbtopo'));
        const byDefault = (await execute('sfbtopo.exportRules', { uri: document.uri.toString(), formats: ['json'] })) as ExportRulesResult;
        expect(byDefault).toEqual({ ok: true, outDir: join(folder, 'rules'), files: [expect.stringMatching(/rules\.json$/)] });
        expect(existsSync(join(folder, 'rules', 'rules.json'))).toBe(true);
        const relative = (await execute('sfbtopo.exportRules', { uri: document.uri.toString(), formats: ['json'], outDir: 'firewall/out' })) as ExportRulesResult;
        expect(relative.ok && relative.outDir).toBe(join(folder, 'firewall', 'out'));
        expect(existsSync(join(folder, 'firewall', 'out', 'rules.json'))).toBe(true);
    });

    it('writes the firewall or the IPsec formats of the groups, as registered', async () => {
        const { open, execute } = setup();
        const document = (await open(contoso)) as LangiumDocument<Topology>;
        for (const [group, formats] of [
            ['firewall', FIREWALL_FORMATS],
            ['ipsec', IPSEC_FORMATS],
        ] as const) {
            const outDir = join(tempDir(), group);
            const result = (await execute('sfbtopo.exportRules', { uri: document.uri.toString(), formats: group, outDir })) as ExportRulesResult;
            const registered = EXPORT_FORMATS.filter((format) => formats.includes(format));
            const expected = exportDocument(document, registered, { sourceFile: 'site.sfbtopo' });
            if (!expected.ok) throw new Error('contoso has errors');
            if (registered.length === 0) {
                expect(result.ok).toBe(false);
            } else {
                expect(readdirSync(outDir).filter((name) => name !== HASH_LEDGER).sort()).toEqual(expected.files.map((file) => file.name).sort());
            }
        }
    });

    it('refuses a topology with errors, naming the error count, and writes nothing', async () => {
        const { open, execute } = setup();
        const document = await open(broken);
        const outDir = join(tempDir(), 'out');
        const result = (await execute('sfbtopo.exportRules', { uri: document.uri.toString(), formats: 'all', outDir })) as ExportRulesResult;
        expect(result.ok).toBe(false);
        expect(!result.ok && result.message).toMatch(/^The topology has 2 errors; .*Nothing was written\.$/);
        expect(existsSync(outDir)).toBe(false);
    });

    it('refuses in Japanese when the locale is ja', async () => {
        const { open, execute } = setup('ja');
        const document = await open(broken);
        const result = (await execute('sfbtopo.exportRules', { uri: document.uri.toString(), outDir: join(tempDir(), 'out') })) as ExportRulesResult;
        expect(!result.ok && result.message).toMatch(/^トポロジに 2 件のエラーがあります。/);
    });

    it('refuses an unknown format, an unknown document and missing arguments, writing nothing', async () => {
        const { open, execute } = setup();
        const document = await open(contoso);
        const outDir = join(tempDir(), 'out');
        const unknown = (await execute('sfbtopo.exportRules', { uri: document.uri.toString(), formats: ['json', 'pf'], outDir })) as ExportRulesResult;
        expect(!unknown.ok && unknown.message).toMatch(/^Unknown export format: pf\./);
        const missing = (await execute('sfbtopo.exportRules', { uri: 'file:///nowhere/else.sfbtopo', outDir })) as ExportRulesResult;
        expect(!missing.ok && missing.message).toBe('file:///nowhere/else.sfbtopo is not an open topology document.');
        const noArgs = (await execute('sfbtopo.exportRules', undefined)) as ExportRulesResult;
        expect(noArgs.ok).toBe(false);
        expect(existsSync(outDir)).toBe(false);
    });

    it('asks before overwriting files changed by hand, saying how many and what forcing does, in English and Japanese', async () => {
        for (const [locale, single, several] of [
            ['en', /^rules\.json was changed by hand since the last export, or was not written by sfbtopo: overwrite it\?$/, /^2 files were changed by hand since the last export, or were not written by sfbtopo: overwrite them\?$/],
            ['ja', /^rules\.json は前回のエクスポートの後に手で変更されたか、.*上書きしますか\?$/, /^2 個のファイルが前回のエクスポートの後に手で変更されたか、.*上書きしますか\?$/],
        ] as const) {
            const { open, execute } = setup(locale);
            const uri = (await open(contoso)).uri.toString();
            const outDir = join(tempDir(), 'out');
            expect(((await execute('sfbtopo.exportRules', { uri, formats: ['json', 'csv'], outDir })) as ExportRulesResult).ok).toBe(true);
            writeFileSync(join(outDir, 'rules.json'), '{}\n');
            const one = (await execute('sfbtopo.exportRules', { uri, formats: ['json', 'csv'], outDir })) as ExportRulesResult;
            expect(one).toMatchObject({ ok: false, outDir, handEdited: ['rules.json'], question: expect.stringMatching(single) });
            expect(readFileSync(join(outDir, 'rules.json'), 'utf8')).toBe('{}\n');
            writeFileSync(join(outDir, 'firewall-rules.csv'), 'mine\n');
            const two = (await execute('sfbtopo.exportRules', { uri, formats: ['json', 'csv'], outDir })) as ExportRulesResult;
            expect(two).toMatchObject({ ok: false, handEdited: ['firewall-rules.csv', 'rules.json'], question: expect.stringMatching(several) });
            const forced = (await execute('sfbtopo.exportRules', { uri, formats: ['json', 'csv'], outDir, force: true })) as ExportRulesResult;
            expect(forced.ok).toBe(true);
            expect(readFileSync(join(outDir, 'rules.json'), 'utf8')).not.toBe('{}\n');
        }
    });

    it('writes nothing when the client says the workspace is not trusted, whatever folder it names', async () => {
        for (const [locale, message] of [
            ['en', /^The workspace is not trusted, so no rules were written/],
            ['ja', /^ワークスペースが信頼されていないため/],
        ] as const) {
            const { open, execute } = setup(locale);
            const document = await open(contoso);
            const outDir = join(tempDir(), 'out');
            const result = (await execute('sfbtopo.exportRules', { uri: document.uri.toString(), outDir, workspaceTrusted: false })) as ExportRulesResult;
            expect(!result.ok && result.message).toMatch(message);
            expect(existsSync(outDir)).toBe(false);
        }
    });

    it('reports a folder it cannot write to as a refusal', async () => {
        const { open, execute } = setup();
        const document = await open(contoso);
        const blocker = join(tempDir(), 'a-file');
        writeFileSync(blocker, 'not a folder\n');
        const result = (await execute('sfbtopo.exportRules', { uri: document.uri.toString(), outDir: join(blocker, 'out') })) as ExportRulesResult;
        expect(!result.ok && result.message).toMatch(/^The rules were not exported: /);
    });
});

describe('format groups', () => {
    it('expand all, firewall and ipsec to the registered formats, in registration order', () => {
        const registered = ['json', 'nftables', 'ipsec-netsh'];
        expect(resolveFormats(undefined, registered)).toEqual({ ok: true, formats: registered });
        expect(resolveFormats('all', registered)).toEqual({ ok: true, formats: registered });
        expect(resolveFormats('firewall', registered)).toEqual({ ok: true, formats: ['json', 'nftables'] });
        expect(resolveFormats(['ipsec', 'json', 'json'], registered)).toEqual({ ok: true, formats: ['json', 'ipsec-netsh'] });
        expect(resolveFormats(['csv'], registered)).toEqual({ ok: false, unknown: ['csv'] });
    });
});

describe('sfbtopo.previewRules', () => {
    it('returns markdown tables with the ten columns and one row per firewall rule and IPsec exception', async () => {
        const { open, execute } = setup();
        const document = (await open(contoso)) as LangiumDocument<Topology>;
        const markdown = (await execute('sfbtopo.previewRules', { uri: document.uri.toString() })) as PreviewRulesResult;
        expect(typeof markdown).toBe('string');
        const expected = exportDocument(document, [], { sourceFile: 'site.sfbtopo' });
        if (!expected.ok || typeof markdown !== 'string') throw new Error('no preview');
        const tableLines = markdown.split('\n').filter((line) => line.startsWith('|'));
        const headers = tableLines.filter((line) => /^\| Site\s+\| Pool\s+\| Firewall\s+\| Rule\s+\| Source\s+\| Destination\s+\| Transport\s+\| Ports\s+\| Direction\s+\| Service\s+\|$/.test(line));
        const separators = tableLines.filter((line) => /^\|(?: -+ \|)+$/.test(line));
        expect(headers).toHaveLength(2);
        expect(separators).toHaveLength(2);
        const rows = tableLines.filter((line) => !headers.includes(line) && !separators.includes(line));
        expect(rows).toHaveLength(expected.rules.firewall.length + expected.rules.ipsec.length);
        expect(expected.rules.firewall.length).toBeGreaterThan(0);
        expect(expected.rules.ipsec.length).toBeGreaterThan(0);
        const [first] = expected.rules.firewall;
        const cells = rows[0].split(/(?<!\\)\|/).slice(1, -1).map((cell) => cell.trim().replace(/\\(.)/g, '$1'));
        expect(cells).toEqual([
            first.site,
            first.host ?? '',
            first.firewall,
            first.id,
            first.source === 'any' ? 'any' : first.source.join(', '),
            first.destination === 'any' ? 'any' : first.destination.join(', '),
            first.transport,
            first.ports,
            first.direction,
            first.service,
        ]);
        expect(markdown).toContain(`## Firewall rules (${expected.rules.firewall.length})`);
        expect(markdown).toContain(`## IPsec exceptions (${expected.rules.ipsec.length})`);
    });

    it('has Japanese headings when the locale is ja', async () => {
        const { open, execute } = setup('ja');
        const markdown = (await execute('sfbtopo.previewRules', { uri: (await open(contoso)).uri.toString() })) as string;
        expect(markdown).toMatch(/^\| サイト\s+\| プール\s+\| ファイアウォール\s+\| ルール\s+\| 送信元\s+\| 宛先\s+\| トランスポート\s+\| ポート\s+\| 方向\s+\| サービス\s+\|$/m);
    });

    it('names each rule\'s firewall: the perimeter example has rules in all three', async () => {
        const { open, execute } = setup();
        const document = (await open(perimeter)) as LangiumDocument<Topology>;
        const markdown = (await execute('sfbtopo.previewRules', { uri: document.uri.toString() })) as string;
        const expected = exportDocument(document, [], { sourceFile: 'site.sfbtopo' });
        if (!expected.ok) throw new Error('no rules');
        const firewallCells = markdown
            .split('\n')
            .filter((line) => line.startsWith('| ') && !/^\| (Site|-)/.test(line))
            .map((line) => line.split(/(?<!\\)\|/)[3].trim().replace(/\\(.)/g, '$1'));
        expect(firewallCells).toEqual([...expected.rules.firewall, ...expected.rules.ipsec].map((rule) => rule.firewall));
        expect(new Set(firewallCells)).toEqual(new Set(['internal', 'perimeter-external', 'perimeter-internal']));
    });

    it('refuses a topology with errors', async () => {
        const { open, execute } = setup();
        const result = (await execute('sfbtopo.previewRules', { uri: (await open(broken)).uri.toString() })) as PreviewRulesResult;
        expect(result).toEqual({ ok: false, message: expect.stringMatching(/^The topology has 2 errors; /) });
    });
});

describe('sfbtopo.rulesTable', () => {
    it('returns every firewall rule, then every IPsec exception, one row each under the preview columns', async () => {
        const { open, execute } = setup();
        const document = (await open(contoso)) as LangiumDocument<Topology>;
        const table = (await execute('sfbtopo.rulesTable', { uri: document.uri.toString() })) as RulesTableResult;
        const expected = exportDocument(document, [], { sourceFile: 'site.sfbtopo' });
        if (!expected.ok || !table.ok) throw new Error(JSON.stringify(table));
        expect(table.columns.map((column) => column.title)).toEqual(['List', 'Site', 'Pool', 'Firewall', 'Rule', 'Source', 'Destination', 'Transport', 'Ports', 'Direction', 'Service']);
        expect(table.columns.filter((column) => column.filter).map((column) => column.key)).toEqual(['list', 'site', 'pool', 'firewall', 'transport', 'direction']);
        const { firewall, ipsec } = expected.rules;
        expect(table.rows).toHaveLength(firewall.length + ipsec.length);
        expect(table.rows.every((row) => row.length === table.columns.length)).toBe(true);
        expect(table.rows.map((row) => row[4])).toEqual([...firewall, ...ipsec].map((rule) => rule.id));
        expect(table.rows[0]).toEqual(['Firewall rule', firewall[0].site, firewall[0].host ?? '', firewall[0].firewall, firewall[0].id, expect.any(String), expect.any(String), firewall[0].transport, firewall[0].ports, firewall[0].direction, firewall[0].service]);
        expect(table.rows.at(-1)?.[0]).toBe('IPsec exception');
        expect(table.title).toBe(`Rules of topology ${expected.rules.topology}`);
        expect(table.note).toContain(`${firewall.length} firewall rules and ${ipsec.length} IPsec exceptions`);
    });

    it('offers a filter by firewall that keeps exactly the rules of that firewall', async () => {
        const { open, execute } = setup();
        const document = (await open(perimeter)) as LangiumDocument<Topology>;
        const table = (await execute('sfbtopo.rulesTable', { uri: document.uri.toString() })) as RulesTableResult;
        const expected = exportDocument(document, [], { sourceFile: 'site.sfbtopo' });
        if (!expected.ok || !table.ok) throw new Error(JSON.stringify(table));
        const column = table.columns.findIndex((c) => c.key === 'firewall');
        expect(table.columns[column]).toEqual({ key: 'firewall', title: 'Firewall', filter: true });
        const all = [...expected.rules.firewall, ...expected.rules.ipsec];
        for (const firewall of ['internal', 'perimeter-external', 'perimeter-internal'] as const) {
            const ids = visibleRows(table, { filters: { firewall }, search: '' }).map((row) => row[table.columns.findIndex((c) => c.key === 'rule')]);
            expect(ids, firewall).toEqual(all.filter((rule) => rule.firewall === firewall).map((rule) => rule.id));
            expect(ids.length, firewall).toBeGreaterThan(0);
        }
    });

    it('has Japanese headings when the locale is ja, and refuses a topology with errors', async () => {
        const { open, execute } = setup('ja');
        const table = (await execute('sfbtopo.rulesTable', { uri: (await open(contoso)).uri.toString() })) as RulesTableResult;
        expect(table.ok && table.columns.map((column) => column.title).slice(0, 3)).toEqual(['種類', 'サイト', 'プール']);
        expect(table.ok && table.rows[0][0]).toBe('ファイアウォール ルール');
        const refused = (await execute('sfbtopo.rulesTable', { uri: (await open(broken)).uri.toString() })) as RulesTableResult;
        expect(refused).toEqual({ ok: false, message: expect.stringMatching(/^トポロジに 2 件のエラーがあります/) });
    });
});

describe('the extension manifest', () => {
    const manifest = JSON.parse(readRepoFile('package.json'));

    it('contributes the client commands of the lenses and the source action, in the palette for .sfbtopo editors', () => {
        const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command);
        const palette = manifest.contributes.menus.commandPalette;
        for (const id of Object.values(ClientCommands)) {
            expect(contributed).toContain(id);
            expect(palette).toContainEqual({ command: id, when: 'editorLangId == sfbtopo' });
        }
        expect(manifest.contributes.menus['editor/title']).toContainEqual(expect.objectContaining({ command: ClientCommands.exportAll, when: 'resourceLangId == sfbtopo' }));
    });

    it('offers every registered export format in the formats setting, and rules/ as the default folder', () => {
        const properties = manifest.contributes.configuration.properties;
        expect([...properties['sfbtopo.export.formats'].items.enum].sort()).toEqual(['all', ...EXPORT_FORMATS].sort());
        expect(properties['sfbtopo.export.formats'].default).toEqual(['all']);
        expect(properties['sfbtopo.export.outputFolder'].default).toBe('rules');
    });
});
