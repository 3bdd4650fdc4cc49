import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { afterAll, describe, expect, it } from 'vitest';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.js';
import { TopologyFileSystem } from '../../server/src/workspace/topology-file-system.js';

// The language server's workspace scan reads topologies from disk through TopologyFileSystem
// (language-server.ts): a file PowerShell 5.1 wrote must read as the text it holds.

const folder = mkdtempSync(join(tmpdir(), 'sfbtopo-workspace-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const lines = ['topology T', '// Tōkyō の拠点', 'site Tokyo {', '  gateway g 10.0.0.300', '}', ''];
const text = lines.join('\r\n');

async function scan() {
    const { shared } = createSfbtopoServices({ ...TopologyFileSystem });
    await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(folder).toString(), name: 'topologies' }]);
    const document = (name: string) => shared.workspace.LangiumDocuments.getDocument(URI.file(join(folder, name)));
    return { shared, document };
}

describe('the language server reading topologies from disk', () => {
    it('reads UTF-16 LE and BE files with a byte order mark, and UTF-8 ones, to the same text', async () => {
        writeFileSync(join(folder, 'powershell.sfbtopo'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
        writeFileSync(join(folder, 'big-endian.sfbtopo'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
        writeFileSync(join(folder, 'plain.sfbtopo'), text);
        const { shared, document } = await scan();
        const documents = ['powershell.sfbtopo', 'big-endian.sfbtopo', 'plain.sfbtopo'].map((name) => document(name)!);
        for (const scanned of documents) expect(scanned.textDocument.getText()).toBe(text);
        await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        const found = documents.map((scanned) => scanned.diagnostics?.map((d) => [d.code, d.range.start.line, d.range.start.character]));
        expect(found).toEqual([[['invalid-address', 3, 12]], [['invalid-address', 3, 12]], [['invalid-address', 3, 12]]]);
    });

    it('reads bytes in no supported encoding as UTF-8 with replacement characters, and scans on', async () => {
        writeFileSync(join(folder, 'latin1.sfbtopo'), Buffer.from('topology Caf\xe9\n', 'latin1'));
        const { document } = await scan();
        expect(document('latin1.sfbtopo')?.textDocument.getText()).toBe('topology Caf\uFFFD\n');
        expect(document('plain.sfbtopo')?.textDocument.getText()).toBe(text);
    });
});
