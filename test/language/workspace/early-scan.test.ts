import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentState, URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';

// A language client names its workspace folders in `initialize` and confirms with
// `initialized` once it has registered the server's features; the server reads and parses the
// folder's topologies in between, and validates them once confirmed, as before.
let folder: string;

beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'sfbtopo-early-scan-'));
    writeFileSync(join(folder, 'broken.sfbtopo'), 'topology B\nsite S { gateway g 10.0.0.300 }\n');
    writeFileSync(join(folder, 'README.md'), '# Notes\n');
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

/** `promise`, or a rejection after `ms`: what the scan has not done by then, it does not do before `initialized`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
    return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} not within ${ms} ms`)), ms))]);
}

describe('the start-up scan', () => {
    it('reads and parses the topologies when the client names its folders, and validates them when it confirms', async () => {
        const { shared } = createSfbtopoServices(NodeFileSystem);
        const manager = shared.workspace.WorkspaceManager;
        manager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'w' }] });
        await within(manager.ready, 5_000, 'the scan');
        const [document, ...others] = shared.workspace.LangiumDocuments.all.toArray();
        expect(others).toEqual([]);
        expect(document.uri.path).toBe(URI.file(join(folder, 'broken.sfbtopo')).path);
        expect(document.state).toBe(DocumentState.Parsed);

        await manager.initialized({});
        expect(document.state).toBe(DocumentState.Validated);
        expect(document.diagnostics?.map((d) => d.code)).toEqual(['invalid-address']);
    });
});
