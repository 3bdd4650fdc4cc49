import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importTopologyXml } from '../../server/src/language/lsp/import/import-command-handler.js';
import { importedFileName } from '../../server/src/language/lsp/import/import-command-ids.js';
import type { LocaleSetting } from '../../server/src/language/l10n/locale.js';

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-import-command-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const english: LocaleSetting = { current: 'en', pick: (message) => message.en };
const japanese: LocaleSetting = { current: 'ja', pick: (message) => message.ja };
const fixture = new URL('./fixtures/contoso.tbxml', import.meta.url);
const url = (path: string) => pathToFileURL(path).toString();

describe('sfbtopo.importTopologyXml, the server command behind "sfbtopo: Import Topology…"', () => {
    it('writes the imported topology and returns the report', async () => {
        const out = join(scratch, 'contoso.sfbtopo');
        const result = await importTopologyXml({ uri: fixture.toString(), out: url(out) }, english);
        expect(result).toMatchObject({ ok: true, out: url(out) });
        expect(readFileSync(out, 'utf8')).toMatch(/^\/\/ Imported by sfbtopo from contoso\.tbxml, a Topology Builder document/);
        if (!result.ok) throw new Error(result.message);
        expect(result.report[0]).toMatch(/imported .*contoso\.tbxml, a Topology Builder document \(\.tbxml\) in UTF-8/);
        expect(result.report).toContainEqual(expect.stringMatching(/contoso\.tbxml:\d+: address of server fe01b/));
    });

    it('returns the report in the client language', async () => {
        const out = join(scratch, 'contoso-ja.sfbtopo');
        const result = await importTopologyXml({ uri: fixture.toString(), out: url(out) }, japanese);
        if (!result.ok) throw new Error(result.message);
        expect(result.report[0]).toMatch(/contoso\.tbxml をインポートしました \(Topology Builder のドキュメント \(\.tbxml\)、UTF-8\)/);
        expect(result.report).toContainEqual(expect.stringMatching(/contoso\.tbxml:\d+: サーバー fe01b \(fe01b\.contoso\.com\) のアドレス/));
    });

    it('returns a problem in the XML with its place, writing nothing', async () => {
        const source = join(scratch, 'broken.xml');
        writeFileSync(source, '<Topology xmlns="urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008">\n  <Sites>\n');
        const out = join(scratch, 'broken.sfbtopo');
        const result = await importTopologyXml({ uri: url(source), out: url(out) }, english);
        expect(result).toMatchObject({ ok: false, line: 3 });
        expect(existsSync(out)).toBe(false);
        // In the client's language, at the same place.
        expect(await importTopologyXml({ uri: url(source), out: url(out) }, japanese)).toMatchObject({ ok: false, line: 3, message: expect.stringMatching(/^XML として正しくありません \(.+\)$/) });
        expect(await importTopologyXml({ uri: url(scratch), out: url(out) }, japanese)).toMatchObject({ ok: false, message: expect.stringContaining('はフォルダーです') });
    });

    it('writes nothing in an untrusted workspace, and says so in the client language', async () => {
        const out = join(scratch, 'untrusted.sfbtopo');
        const result = await importTopologyXml({ uri: fixture.toString(), out: url(out), workspaceTrusted: false }, japanese);
        expect(result).toEqual({ ok: false, message: expect.stringContaining('ワークスペースが信頼されていない') });
        expect(existsSync(out)).toBe(false);
    });

    it('says in the client language why the topology could not be written, writing nothing', async () => {
        // The target is a folder: the writer refuses it.
        const out = join(scratch, 'a-folder.sfbtopo');
        mkdirSync(out);
        expect(await importTopologyXml({ uri: fixture.toString(), out: url(out) }, english)).toEqual({ ok: false, message: expect.stringMatching(/^The topology was not written: refusing to write .*a-folder\.sfbtopo: it is a folder\.$/) });
        expect(await importTopologyXml({ uri: fixture.toString(), out: url(out) }, japanese)).toEqual({ ok: false, message: expect.stringMatching(/^トポロジを書き込めませんでした: refusing to write .*a-folder\.sfbtopo: it is a folder。$/) });
        expect(readdirSync(out)).toEqual([]);
    });

    it('refuses arguments without file URIs', async () => {
        expect(await importTopologyXml(undefined, english)).toMatchObject({ ok: false, message: expect.stringContaining('needs the file URIs') });
        expect(await importTopologyXml({ uri: 'untitled:Untitled-1', out: url(join(scratch, 'x.sfbtopo')) }, english)).toMatchObject({ ok: false });
    });

    it('names the written file after its source', () => {
        expect(importedFileName('/x/Contoso.TBXML')).toBe('/x/Contoso.sfbtopo');
        expect(importedFileName('/x/topology.xml')).toBe('/x/topology.sfbtopo');
    });
});
