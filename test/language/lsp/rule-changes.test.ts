import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateTopology, toSfbtopo } from '../../../bench/generate.js';
import type { CodeLens } from 'vscode-languageserver';
import type { Locale } from '../../../server/src/language/l10n/locale.js';
import type { RuleChangesResult } from '../../../server/src/language/lsp/diff/rule-changes-ids.js';
import type { ExportRulesResult } from '../../../server/src/language/lsp/export/export-command-ids.js';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';
import { checkTopologies } from '../../../server/src/workspace/topology-documents.js';
import { CHANGES, CONTOSO } from '../../diff/pairs.js';

const temps: string[] = [];
afterEach(() => temps.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'sfbtopo-rule-changes-'));
    temps.push(dir);
    return dir;
}

function setup(locale: Locale = 'en') {
    const { shared, sfbtopo } = createSfbtopoServices(EmptyFileSystem);
    sfbtopo.l10n.Locale.current = locale;
    const open = async (text: string, path: string) => (await checkTopologies([{ path, text }], sfbtopo))[0].document;
    const execute = <T>(command: string, args: unknown) => shared.lsp.ExecuteCommandHandler!.executeCommand(command, [args]) as Promise<T>;
    const lenses = async (document: LangiumDocument) =>
        ((await sfbtopo.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } })) ?? []) as CodeLens[];
    const configure = (settings: object) => shared.workspace.ConfigurationProvider.updateConfiguration({ settings });
    return { open, execute, lenses, configure };
}

describe('sfbtopo.ruleChanges and the "since export" lens', () => {
    it('compares with the last export, and counts the change on the topology line', async () => {
        const { open, execute, lenses } = setup();
        const path = join(tempDir(), 'contoso.sfbtopo');
        const exported = await open(CONTOSO, path);
        expect((await lenses(exported)).map((l) => l.command?.title)).toEqual(['Export firewall rules', 'Export IPsec rules', 'Preview rules']);
        const written = await execute<ExportRulesResult>('sfbtopo.exportRules', { uri: exported.uri.toString(), formats: 'json' });
        expect(written.ok).toBe(true);
        expect((await lenses(exported)).at(-1)?.command).toEqual({
            title: 'No rule changes since export',
            command: 'sfbtopo.showRuleChanges',
            arguments: [{ uri: exported.uri.toString(), against: 'export' }],
        });

        const edited = await open(CHANGES['pool removed'], path);
        expect((await lenses(edited)).at(-1)?.command?.title).toBe('+0 \u22127 rules since export');
        const result = await execute<RuleChangesResult>('sfbtopo.ruleChanges', { uri: edited.uri.toString(), against: 'export' });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.counts).toEqual({ added: 0, removed: 7, changed: 0, renamed: 0 });
        expect(result.markdown).toMatch(/^# Firewall change request: topology Contoso\n/);
        expect(result.markdown).toContain('## Internal firewall · Redmond · pc01');
        expect(result.request.groups.map((g) => g.heading)).toEqual(['Internal firewall · Redmond · pc01']);
    });

    it('finds an export written to another folder, where the server last wrote it', async () => {
        const { open, execute, lenses } = setup();
        const dir = tempDir();
        const document = await open(CONTOSO, join(dir, 'contoso.sfbtopo'));
        expect((await execute<ExportRulesResult>('sfbtopo.exportRules', { uri: document.uri.toString(), formats: 'all', outDir: 'elsewhere' })).ok).toBe(true);
        const edited = await open(CHANGES['media range moved'], join(dir, 'contoso.sfbtopo'));
        expect((await lenses(edited)).at(-1)?.command?.title).toBe('+0 \u22120 ~3 rules since export');
        const result = await execute<RuleChangesResult>('sfbtopo.ruleChanges', { uri: edited.uri.toString(), against: 'export' });
        expect(result.ok && result.counts.changed).toBe(3);
    });

    it('goes back to the usual folder once the folder of a one-off export is deleted', async () => {
        const { open, execute, lenses } = setup();
        const dir = tempDir();
        const document = await open(CONTOSO, join(dir, 'contoso.sfbtopo'));
        expect((await execute<ExportRulesResult>('sfbtopo.exportRules', { uri: document.uri.toString(), formats: 'json' })).ok).toBe(true);
        const edited = await open(CHANGES['pool removed'], join(dir, 'contoso.sfbtopo'));
        expect((await execute<ExportRulesResult>('sfbtopo.exportRules', { uri: edited.uri.toString(), formats: 'json', outDir: 'elsewhere' })).ok).toBe(true);
        expect((await lenses(edited)).at(-1)?.command?.title).toBe('No rule changes since export');
        rmSync(join(dir, 'elsewhere'), { recursive: true });
        expect((await lenses(edited)).at(-1)?.command?.title).toBe('+0 \u22127 rules since export');
        const result = await execute<RuleChangesResult>('sfbtopo.ruleChanges', { uri: edited.uri.toString(), against: 'export' });
        expect(result.ok && result.counts.removed).toBe(7);
    });

    it("takes no other topology's export beside it as the baseline", async () => {
        const { open, execute, lenses } = setup();
        const dir = tempDir();
        const contoso = await open(CONTOSO, join(dir, 'contoso.sfbtopo'));
        expect((await execute<ExportRulesResult>('sfbtopo.exportRules', { uri: contoso.uri.toString(), formats: 'json' })).ok).toBe(true);
        const other = await open(CONTOSO.replace('topology Contoso', 'topology Fabrikam'), join(dir, 'fabrikam.sfbtopo'));
        expect(await lenses(other)).toHaveLength(3);
        const result = await execute<RuleChangesResult>('sfbtopo.ruleChanges', { uri: other.uri.toString(), against: 'export' });
        expect(result).toEqual({ ok: false, message: expect.stringMatching(/rules\.json is the export of topology Contoso, not of Fabrikam\. Export this topology/) });
    });

    it('compares a large topology once typing pauses, showing the last counts meanwhile', async () => {
        const { open, execute, lenses } = setup();
        const path = join(tempDir(), 'large.sfbtopo');
        const text = toSfbtopo(generateTopology(200));
        expect(text.length).toBeGreaterThan(40_000);
        const title = async (document: LangiumDocument) => (await lenses(document)).find((lens) => lens.command?.command === 'sfbtopo.showRuleChanges')?.command?.title;
        const exported = await open(text, path);
        expect((await execute<ExportRulesResult>('sfbtopo.exportRules', { uri: exported.uri.toString(), formats: 'json' })).ok).toBe(true);
        // Not counted while the lens is asked for, but soon after.
        expect(await title(exported)).toBeUndefined();
        await vi.waitFor(async () => expect(await title(exported)).toBe('No rule changes since export'), { timeout: 5000, interval: 100 });

        const server = '    server s001-p01-c 10.1.2.13\n';
        expect(text).toContain(server);
        const edited = await open(text.replace(server, ''), path);
        expect(await title(edited)).toBe('No rule changes since export');
        await vi.waitFor(async () => expect(await title(edited)).toMatch(/^\+0 \u22120 ~\d+ rules since export$/), { timeout: 5000, interval: 100 });
    });

    it('looks in the configured output folder for an export from an earlier session', async () => {
        const path = join(tempDir(), 'contoso.sfbtopo');
        const earlier = setup();
        const exported = await earlier.open(CONTOSO, path);
        expect((await earlier.execute<ExportRulesResult>('sfbtopo.exportRules', { uri: exported.uri.toString(), formats: 'json', outDir: 'out/fw' })).ok).toBe(true);
        // A new server, as after a window reload: it has exported nothing yet.
        const { open, lenses, configure } = setup();
        const edited = await open(CHANGES['pool removed'], path);
        expect(await lenses(edited)).toHaveLength(3);
        configure({ sfbtopo: { export: { outputFolder: 'out/fw' } } });
        expect((await lenses(edited)).at(-1)?.command?.title).toBe('+0 \u22127 rules since export');
        configure({ sfbtopo: { export: { outputFolder: '' } } });
        expect(await lenses(edited)).toHaveLength(3);
    });

    it('refuses, saying what to do, when there is no export', async () => {
        const { open, execute, lenses } = setup();
        const document = await open(CONTOSO, join(tempDir(), 'contoso.sfbtopo'));
        expect(await lenses(document)).toHaveLength(3);
        const result = await execute<RuleChangesResult>('sfbtopo.ruleChanges', { uri: document.uri.toString(), against: 'export' });
        expect(result).toEqual({ ok: false, message: expect.stringMatching(/^No export to compare with: .*rules\.json does not exist\. Export the rules/) });
    });

    it('compares with git HEAD', async () => {
        const { open, execute } = setup('ja');
        const dir = tempDir();
        const git = (...args: string[]) => expect(spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.invalid', ...args], { cwd: dir }).status).toBe(0);
        git('init', '-q');
        writeFileSync(join(dir, 'contoso.sfbtopo'), CONTOSO);
        git('add', 'contoso.sfbtopo');
        git('commit', '-q', '-m', 'first');
        const document = await open(CHANGES['pool renamed'], join(dir, 'contoso.sfbtopo'));
        const result = await execute<RuleChangesResult>('sfbtopo.ruleChanges', { uri: document.uri.toString(), against: 'git' });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.counts).toEqual({ added: 0, removed: 0, changed: 0, renamed: 2 });
        expect(result.request.title).toBe('ファイアウォール変更依頼: トポロジ Contoso');
        expect(result.request.intro).toBe('contoso.sfbtopo のルールを HEAD:contoso.sfbtopo と比較しました。');
    });

    it('refuses git HEAD outside a repository, and a topology with errors', async () => {
        const { open, execute } = setup();
        const dir = tempDir();
        mkdirSync(join(dir, 'x'));
        const document = await open(CONTOSO, join(dir, 'x', 'contoso.sfbtopo'));
        const outside = await execute<RuleChangesResult>('sfbtopo.ruleChanges', { uri: document.uri.toString(), against: 'git' });
        expect(outside).toEqual({ ok: false, message: expect.stringMatching(/^Cannot compare with git HEAD: .*is not inside a git repository/) });
        const broken = await open(CONTOSO.replace('10.0.1.11', '10.0.1.300'), join(dir, 'broken.sfbtopo'));
        const refused = await execute<RuleChangesResult>('sfbtopo.ruleChanges', { uri: broken.uri.toString(), against: 'export' });
        expect(refused).toEqual({ ok: false, message: 'broken.sfbtopo has errors; fix them to compare its rules.' });
        const unknown = await execute<RuleChangesResult>('sfbtopo.ruleChanges', { uri: document.uri.toString(), against: 'yesterday' });
        expect(unknown.ok).toBe(false);
    });
});
