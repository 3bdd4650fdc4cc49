// Edits through Langium's document builder, as the language server makes them: an edit
// inside one site reparses only that site, and linking, validation and diagnostics are
// then exactly those of the whole new text checked from scratch.
import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import { isGatewayLink, isPool, type Topology } from '../../server/src/language/generated/ast.js';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.js';
import { check, problemsOf, readRepoFile } from '../helpers.js';

const path = '/virtual/edited.sfbtopo';

async function open(text: string) {
    const { shared } = createSfbtopoServices(EmptyFileSystem);
    const uri = URI.file(path);
    let version = 1;
    const opened = TextDocument.create(uri.toString(), 'sfbtopo', version, text);
    shared.workspace.TextDocuments!.set(opened);
    const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(opened) as LangiumDocument<Topology>;
    shared.workspace.LangiumDocuments.addDocument(document);
    await shared.workspace.DocumentBuilder.build([document], { validation: true });
    return {
        document,
        /** Replaces the first `find` after `after` with `replace` and rebuilds. */
        async edit(find: string, replace: string, after = 0) {
            const text = document.textDocument.getText();
            const at = text.indexOf(find, after);
            expect(at).toBeGreaterThanOrEqual(0);
            const next = text.slice(0, at) + replace + text.slice(at + find.length);
            shared.workspace.TextDocuments!.set(TextDocument.create(uri.toString(), 'sfbtopo', ++version, next));
            await shared.workspace.DocumentBuilder.update([uri], []);
            return next;
        },
    };
}

/** Diagnostics as JSON, the way the server sends them. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('an edit inside one site, through the document builder', () => {
    it('reuses the other sites and reports exactly what a fresh check of the new text does', async () => {
        const text = readRepoFile('examples/multisite.sfbtopo');
        const session = await open(text);
        const before = session.document.parseResult.value;
        const [first, , third] = before.sites;
        expect(problemsOf(session.document.diagnostics ?? [])).toEqual([]);

        // A server address in the second site now repeats one of the first site's: a
        // topology-wide finding, reported in both sites.
        const firstAddress = first.$cstNode!.text.match(/server \S+ (\d+\.\d+\.\d+\.\d+)/)![1];
        const secondSite = before.sites[1].$cstNode!;
        const secondAddress = secondSite.text.match(/server \S+ (\d+\.\d+\.\d+\.\d+)/)![1];
        const next = await session.edit(secondAddress, firstAddress, secondSite.offset);

        const after = session.document.parseResult.value;
        expect(after).not.toBe(before);
        expect(after.sites[0]).toBe(first);
        expect(after.sites[2]).toBe(third);
        const fresh = await check(next, path);
        expect(fresh.document.diagnostics!.length).toBeGreaterThan(0);
        expect(plain(session.document.diagnostics)).toEqual(plain(fresh.document.diagnostics));
    });

    it('links the kept sites to what the edited site now declares', async () => {
        const session = await open(readRepoFile('examples/contoso.sfbtopo').replace('gateway pstn1 10.0.3.200', 'gateway pstn1 10.0.3.200\n}\nsite Other {\n  gateway pstn9 10.9.3.200'));
        const linkedGateway = () => {
            const mediation = session.document.parseResult.value.sites[0].members.filter(isPool).find((pool) => pool.role === 'mediation')!;
            return mediation.statements.filter(isGatewayLink)[0].gateway;
        };
        expect(linkedGateway().ref?.$container?.$cstNode?.text).toContain('site Redmond');
        // Rename the gateway the first site's pool names, then declare it in the second site.
        const renamed = await session.edit('gateway pstn1 10.0.3.200', 'gateway pstn2 10.0.3.200');
        expect(linkedGateway().ref).toBeUndefined();
        expect(plain(session.document.diagnostics)).toEqual(plain((await check(renamed, path)).document.diagnostics));
        const moved = await session.edit('gateway pstn9', 'gateway pstn1');
        expect(linkedGateway().ref?.$container?.$cstNode?.text).toContain('site Other');
        expect(plain(session.document.diagnostics)).toEqual(plain((await check(moved, path)).document.diagnostics));
    });
});
