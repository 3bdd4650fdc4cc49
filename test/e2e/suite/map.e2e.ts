import { strict as assert } from 'node:assert';
import { suite, suiteSetup, suiteTeardown, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, openEditor, screenshot, waitFor, workspaceFile } from './helpers.js';

// The topology map: "Show Topology Map" opens a webview beside the editor. The webview's
// DOM lives in the browser, out of the extension host's reach; the webview reports what
// it drew (its `.sfbmap-node` elements, counted in its DOM) to the extension, which the
// internal command `sfbtopo.mapViewState` returns.

interface MapViewState {
    nodes: number;
    edges: number;
    stale: boolean;
    view: 'map' | 'matrix';
    zoom: number;
    smallestText: number;
    whole: boolean;
}

interface MapDataAnswer {
    ok: boolean;
    message?: string;
    model: { nodes: unknown[]; edges: unknown[] };
}

const viewState = (uri: vscode.Uri) => vscode.commands.executeCommand<MapViewState | undefined>('sfbtopo.mapViewState', uri);

suite('Topology map', () => {
    const topology = () => workspaceFile('contoso.sfbtopo');

    suiteSetup(closeAllEditors);
    suiteTeardown(closeAllEditors);

    test('Show Topology Map opens a webview beside the editor that draws every node of the topology', async () => {
        const editor = await openEditor(topology());
        const uri = editor.document.uri;
        // What the server computes for the map: the webview must show exactly these nodes.
        const data = await waitFor('the map data from the language server', async () => {
            const answer = await vscode.commands.executeCommand<MapDataAnswer>('sfbtopo.mapData', { uri: uri.toString() });
            return answer?.ok ? answer : undefined;
        });
        assert.equal(data.model.nodes.length, 15);

        await vscode.commands.executeCommand('sfbtopo.showMap', uri);
        const shown = await waitFor('the map webview to draw its nodes', async () => {
            const state = await viewState(uri);
            return state && state.nodes > 0 ? state : undefined;
        });
        assert.deepEqual(
            { nodes: shown.nodes, edges: shown.edges, stale: shown.stale, view: shown.view },
            { nodes: data.model.nodes.length, edges: data.model.edges.length, stale: false, view: 'map' },
        );
        // Beside the editor the map is too wide to show whole at a readable size: readable it is, and it scrolls.
        assert.ok(shown.smallestText >= 9, `the smallest text is ${shown.smallestText} px on screen`);

        const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs.map((tab) => ({ tab, column: group.viewColumn })));
        const panel = tabs.find(({ tab }) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('sfbtopo.map'));
        assert.ok(panel, `a map tab among ${tabs.map(({ tab }) => tab.label).join(', ')}`);
        assert.equal(panel.tab.label, 'Map: contoso.sfbtopo');
        assert.notEqual(panel.column, editor.viewColumn, 'the map opens beside the editor');
        await screenshot('map-beside', 'iframe.webview.ready');
    });

    test('an edit that breaks the topology keeps the map, marked stale, and fixing it draws it again', async () => {
        const editor = await openEditor(topology());
        const document = editor.document;
        const uri = document.uri;
        await vscode.commands.executeCommand('sfbtopo.showMap', uri);
        await waitFor('the map', async () => (await viewState(uri))?.nodes);

        const original = document.getText();
        const whole = new vscode.Range(document.positionAt(0), document.positionAt(original.length));
        const replaceAll = async (text: string) => {
            const edit = new vscode.WorkspaceEdit();
            edit.replace(uri, whole, text);
            assert.ok(await vscode.workspace.applyEdit(edit));
        };
        await replaceAll(original.replace('10.0.1.11', '10.0.1.300'));
        const stale = await waitFor('the map to be marked stale', async () => {
            const state = await viewState(uri);
            return state?.stale ? state : undefined;
        });
        assert.equal(stale.nodes, 15, 'the last valid map stays');

        await replaceAll(original.replace('    server fe01c 10.0.1.13\n', ''));
        await waitFor('the map to be drawn again', async () => {
            const state = await viewState(uri);
            return state && !state.stale && state.nodes === 15 ? state : undefined;
        });
        await replaceAll(original);
        await document.save();
    });

    test('the map, for the README (docs/topology-map.png)', async () => {
        // A new panel, drawn from the saved file (the last test's panel may still be redrawing).
        await closeAllEditors();
        const uri = topology();
        await openEditor(uri);
        await vscode.commands.executeCommand('sfbtopo.showMap', uri);
        await waitFor('the map', async () => (await viewState(uri))?.nodes);
        // The map's editor group maximized and the side bar closed: the map, fitted to the
        // width of its view, is drawn whole.
        await vscode.commands.executeCommand('workbench.action.closeSidebar');
        await vscode.commands.executeCommand('workbench.action.closePanel');
        await vscode.commands.executeCommand('workbench.action.focusSecondEditorGroup');
        await vscode.commands.executeCommand('workbench.action.toggleMaximizeEditorGroup');
        try {
            // With the whole width, the example is fitted: whole where its labels stay readable,
            // else (the perimeter's flows make it taller) at the readable zoom, scrolling.
            const fitted = await waitFor('the map fitted', async () => {
                const state = await viewState(uri);
                return state && state.zoom > 0 ? state : undefined;
            });
            assert.ok(fitted.smallestText >= 8.99, `the smallest text is ${fitted.smallestText} px on screen`);
            assert.ok(fitted.whole || fitted.smallestText <= 9.01, `not whole, yet zoomed beyond the readable size (${fitted.smallestText} px)`);
            await screenshot('topology-map', 'iframe.webview.ready');
        } finally {
            await vscode.commands.executeCommand('workbench.action.toggleMaximizeEditorGroup');
            await vscode.commands.executeCommand('workbench.view.explorer');
        }
    });
});
