import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TextDocument, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';

// A workspace folder as administrators keep it: topologies next to notes, scripts and the
// rule files a previous export wrote. Only the topologies may become documents.
let folder: string;

beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'sfbtopo-workspace-'));
    writeFileSync(join(folder, 'contoso.sfbtopo'), 'topology T\nsite S { gateway g 10.0.0.1 }\n');
    writeFileSync(join(folder, 'BRANCH.SFBTOPO'), 'topology B\nsite S { gateway g 10.0.0.2 }\n');
    writeFileSync(join(folder, 'README.md'), '# Notes\nsite { x -> y }\n');
    writeFileSync(join(folder, 'setup.ps1'), "$a = 'b'\n");
    mkdirSync(join(folder, 'rules'));
    writeFileSync(join(folder, 'rules', 'firewall-rules.csv'), 'id,source\n1,2\n');
    writeFileSync(join(folder, 'rules', 'rules.json'), '{"rules":[]}\n');
    writeFileSync(join(folder, 'rules', 'sfbtopo.nft'), 'table inet sfbtopo {}\n');
    writeFileSync(join(folder, 'rules', 'map.svg'), '<svg/>\n');
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

function servicesOnDisk() {
    const { shared } = createSfbtopoServices(NodeFileSystem);
    return shared;
}

function loadedNames(shared: ReturnType<typeof servicesOnDisk>): string[] {
    return shared.workspace.LangiumDocuments.all.map((document) => document.uri.path.slice(folder.length + 1)).toArray().sort();
}

describe('which documents are topologies', () => {
    it('the service registry answers for .sfbtopo files (any case) and documents open in the sfbtopo language only', () => {
        const shared = servicesOnDisk();
        const registry = shared.ServiceRegistry;
        expect(registry.hasServices(URI.file(join(folder, 'contoso.sfbtopo')))).toBe(true);
        expect(registry.hasServices(URI.file(join(folder, 'BRANCH.SFBTOPO')))).toBe(true);
        for (const other of ['README.md', 'setup.ps1', 'rules/firewall-rules.csv', 'rules/rules.json', 'rules/sfbtopo.nft', 'rules/map.svg']) {
            expect(registry.hasServices(URI.file(join(folder, other))), other).toBe(false);
        }
        // An untitled editor and a file the user switched to the sfbtopo language mode are topologies while open.
        const documents = shared.workspace.TextDocuments as unknown as { set(document: TextDocument): void };
        documents.set(TextDocument.create('untitled:Untitled-1', 'sfbtopo', 1, 'topology U\n'));
        documents.set(TextDocument.create(URI.file(join(folder, 'notes.txt')).toString(), 'sfbtopo', 1, 'topology N\n'));
        documents.set(TextDocument.create(URI.file(join(folder, 'README.md')).toString(), 'markdown', 1, '# Notes\n'));
        expect(registry.hasServices(URI.parse('untitled:Untitled-1'))).toBe(true);
        expect(registry.hasServices(URI.file(join(folder, 'notes.txt')))).toBe(true);
        expect(registry.hasServices(URI.file(join(folder, 'README.md')))).toBe(false);
    });

    it('the start-up scan of a workspace folder loads the topologies and nothing else', async () => {
        const shared = servicesOnDisk();
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(folder).toString(), name: 'w' }]);
        expect(loadedNames(shared)).toEqual(['BRANCH.SFBTOPO', 'contoso.sfbtopo']);
    });

    it('file-watcher and content updates of other files load nothing, even for files the client keeps in sync', async () => {
        const shared = servicesOnDisk();
        await shared.workspace.WorkspaceManager.initializeWorkspace([{ uri: URI.file(folder).toString(), name: 'w' }]);
        writeFileSync(join(folder, 'rules', 'probe.ps1'), "Test-NetConnection 'x'\n");
        const documents = shared.workspace.TextDocuments as unknown as { set(document: TextDocument): void };
        documents.set(TextDocument.create(URI.file(join(folder, 'README.md')).toString(), 'markdown', 1, '# Notes\n'));
        const changed = ['rules/probe.ps1', 'rules/rules.json', 'README.md', 'rules', 'contoso.sfbtopo'].map((name) => URI.file(join(folder, name)));
        await shared.workspace.DocumentBuilder.update(changed, []);
        expect(loadedNames(shared)).toEqual(['BRANCH.SFBTOPO', 'contoso.sfbtopo']);
    });
});
