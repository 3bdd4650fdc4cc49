import { join } from 'node:path';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../server/src/language/l10n/locale.js';
import { MapServerCommands, type MapDataResult } from '../../server/src/language/lsp/map/map-command-ids.js';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.js';
import { checkTopologies } from '../../server/src/workspace/topology-documents.js';
import { readRepoFile, repoRoot } from '../helpers.js';

// `sfbtopo.mapData` as the language server runs it (in process, no connection): the
// webview's data, and the last valid map while the document has errors.

const contoso = readRepoFile('examples/contoso.sfbtopo');
const path = join(repoRoot, 'examples/contoso.sfbtopo');

function setup(locale: Locale = 'en') {
    const { shared, sfbtopo } = createSfbtopoServices(EmptyFileSystem);
    sfbtopo.l10n.Locale.current = locale;
    const open = async (text: string, at = path) => (await checkTopologies([{ path: at, text }], sfbtopo))[0].document;
    const mapData = (args: unknown) => shared.lsp.ExecuteCommandHandler!.executeCommand(MapServerCommands.mapData, [args]) as Promise<MapDataResult>;
    return { shared, open, mapData };
}

describe('sfbtopo.mapData', () => {
    it('is registered beside the export commands', () => {
        const { shared } = setup();
        expect(shared.lsp.ExecuteCommandHandler!.commands).toEqual(expect.arrayContaining(['sfbtopo.exportRules', 'sfbtopo.previewRules', 'sfbtopo.mapData']));
    });

    it('returns the SVG, the model with declarations, the rules and the port matrix of an open topology', async () => {
        const { open, mapData } = setup();
        const document = await open(contoso);
        const result = await mapData({ uri: document.uri.toString() });
        if (!result.ok) throw new Error(result.message);
        expect(result.stale).toBe(false);
        expect(result.errors).toBe(0);
        expect(result.svg).toBe(readRepoFile('test/map/golden/contoso.svg'));
        expect(result.model.nodes).toHaveLength(15);
        expect(result.model.nodes.find((node) => node.id === 'pool:Redmond/fe01')?.declaration).toEqual({ line: contoso.split('\n').findIndex((l) => l.includes('frontend pool fe01')), character: 16 });
        expect(Object.keys(result.layout.nodes)).toHaveLength(15);
        expect(result.rules.length).toBeGreaterThan(50);
        expect(result.matrix.rows.length).toBeGreaterThan(5);
        // Every rule an edge names is in the rule list the side panel reads.
        const ids = new Set(result.rules.map((rule) => rule.id));
        for (const edge of result.model.edges) for (const id of edge.rules) expect(ids.has(id)).toBe(true);
        // Plain data, as it travels over JSON-RPC.
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    });

    it('keeps the last valid map, marked stale, while the document has errors, and draws again once fixed', async () => {
        const { open, mapData } = setup();
        const uri = (await open(contoso)).uri.toString();
        const valid = await mapData({ uri });
        expect(valid.ok).toBe(true);

        await open(contoso.replace('10.0.1.11', '10.0.1.300'));
        const stale = await mapData({ uri });
        if (!stale.ok || !valid.ok) throw new Error('expected a map');
        expect(stale.stale).toBe(true);
        expect(stale.errors).toBe(1);
        expect(stale.message).toBe('The topology has 1 error: this is the last map drawn without errors.');
        expect(stale.svg).toBe(valid.svg);

        const fixed = await mapData({ uri: (await open(contoso.replace('server fe01c 10.0.1.13\n', ''))).uri.toString() });
        if (!fixed.ok) throw new Error(fixed.message);
        expect(fixed.stale).toBe(false);
        expect(fixed.model.nodes.find((node) => node.id === 'pool:Redmond/fe01')?.detail).toBe('Front End · 2 servers');
        expect(fixed.svg).not.toBe(valid.svg);
    });

    it('refuses a document with errors that never had a map, an unknown document and missing arguments', async () => {
        const { open, mapData } = setup();
        const broken = await open('topology T\nsite S {\n  gateway g 10.0.0.300\n  gateway h 10.0.0.301\n}\n', '/virtual/broken.sfbtopo');
        expect(await mapData({ uri: broken.uri.toString() })).toEqual({ ok: false, message: 'The topology has 2 errors; fix them to draw its map.' });
        expect(await mapData({ uri: 'file:///nowhere/x.sfbtopo' })).toEqual({ ok: false, message: 'file:///nowhere/x.sfbtopo is not an open topology document.' });
        expect(await mapData(undefined)).toMatchObject({ ok: false, message: expect.stringContaining('needs the URI') });
    });

    it('speaks Japanese when the client does', async () => {
        const { open, mapData } = setup('ja');
        const broken = await open('topology T\nsite S {\n  gateway g 10.0.0.300\n}\n', '/virtual/broken.sfbtopo');
        expect(await mapData({ uri: broken.uri.toString() })).toEqual({ ok: false, message: 'トポロジに 1 件のエラーがあります。マップを描くには修正してください。' });
        const result = await mapData({ uri: (await open(contoso)).uri.toString() });
        if (!result.ok) throw new Error(result.message);
        expect(result.model.nodes.find((node) => node.id === 'pool:Redmond/fe01')?.detail).toBe('フロント エンド · サーバー 3 台');
    });
});
