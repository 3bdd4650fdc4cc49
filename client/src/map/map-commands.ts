import { commands, l10n, Uri, ViewColumn, window, workspace, type Disposable, type TextDocument, type WebviewPanel } from 'vscode';
import { MapClientCommands, MapServerCommands, type MapDataResult } from '../../../server/src/language/lsp/map/map-command-ids.js';
import { restorePanels, type AskServer } from '../topology-panel.js';
import { mayWrite } from '../trust.js';
import { MAP_VIEW_TYPE, MapPanel, type MapViewReport } from './map-panel.js';

/**
 * Not contributed (no palette entry): what the map webview of a topology last reported
 * about its DOM, `{ nodes, edges, stale, view }`, or undefined. For the end-to-end tests.
 */
export const MAP_VIEW_STATE_COMMAND = 'sfbtopo.mapViewState';

/**
 * `sfbtopo.showMap`, `sfbtopo.exportMap` and the panels they open, one per topology, and
 * their return after a window reload (in the view and at the zoom their webview keeps).
 */
export function registerMapCommands(ask: AskServer, extensionUri: Uri): Disposable {
    const panels = new Map<string, MapPanel>();
    const requestMap = (document: Uri) => ask<MapDataResult>(MapServerCommands.mapData, document);
    const exportMap = (document: Uri) => exportMapSvg(document, requestMap);
    const host = { requestMap, exportMap, extensionUri };
    const adopt = (document: Uri, panel: WebviewPanel) => {
        const key = document.toString();
        panels.set(key, new MapPanel(document, panel, host, () => panels.delete(key)));
    };
    const title = (document: Uri) => l10n.t('Map: {0}', baseName(document));

    const show = async (target?: unknown) => {
        const document = await topologyDocument(target);
        if (!document) return;
        const key = document.uri.toString();
        const open = panels.get(key);
        if (open) {
            open.reveal();
            return;
        }
        const panel = window.createWebviewPanel(
            MAP_VIEW_TYPE,
            title(document.uri),
            { viewColumn: ViewColumn.Beside, preserveFocus: true },
            { enableScripts: true, localResourceRoots: [Uri.joinPath(extensionUri, 'out')] },
        );
        adopt(document.uri, panel);
    };

    const exportCommand = async (target?: unknown) => {
        const document = await topologyDocument(target);
        if (document) await exportMap(document.uri);
    };

    const subscriptions = [
        restorePanels(MAP_VIEW_TYPE, (document, panel) => {
            // Opened again before its tab was shown: one map per topology.
            if (panels.has(document.toString())) {
                panel.dispose();
                return;
            }
            panel.title = title(document);
            adopt(document, panel);
        }),
        commands.registerCommand(MapClientCommands.showMap, show),
        commands.registerCommand(MapClientCommands.exportMap, exportCommand),
        commands.registerCommand(MAP_VIEW_STATE_COMMAND, (target?: unknown): MapViewReport | undefined => {
            const uri = target instanceof Uri ? target : typeof target === 'string' ? Uri.parse(target) : undefined;
            return uri ? panels.get(uri.toString())?.report : undefined;
        }),
    ];
    return {
        dispose: () => {
            subscriptions.forEach((subscription) => subscription.dispose());
            [...panels.values()].forEach((panel) => panel.dispose());
            panels.clear();
        },
    };
}

/** Asks where to save, then writes the server's SVG there (refused while the topology has errors). */
async function exportMapSvg(document: Uri, requestMap: (document: Uri) => Promise<MapDataResult>): Promise<void> {
    if (!mayWrite()) return;
    const name = baseName(document);
    const stem = name.replace(/\.sfbtopo$/i, '');
    const folder = document.scheme === 'untitled' ? workspace.workspaceFolders?.[0]?.uri : Uri.joinPath(document, '..');
    const target = await window.showSaveDialog({
        title: l10n.t('Export map as SVG'),
        defaultUri: folder ? Uri.joinPath(folder, `${stem}.map.svg`) : undefined,
        filters: { [l10n.t('SVG image')]: ['svg'] },
    });
    if (!target) return;
    let result: MapDataResult;
    try {
        result = await requestMap(document);
    } catch (error) {
        void window.showErrorMessage(l10n.t('The map of {0} could not be exported: {1}', name, error instanceof Error ? error.message : String(error)));
        return;
    }
    if (!result.ok) {
        void window.showErrorMessage(l10n.t('The map of {0} could not be exported: {1}', name, result.message));
        return;
    }
    if (result.stale) {
        void window.showErrorMessage(l10n.t('{0} has errors; fix them to export its map (nothing was written).', name));
        return;
    }
    try {
        await workspace.fs.writeFile(target, new TextEncoder().encode(result.svg));
    } catch (error) {
        void window.showErrorMessage(l10n.t('The map of {0} could not be exported: {1}', name, error instanceof Error ? error.message : String(error)));
        return;
    }
    void window.showInformationMessage(l10n.t('Exported the map of {0} to {1}.', name, target.scheme === 'file' ? target.fsPath : target.toString()));
}

/** The topology a command is about: the `Uri` (editor title), `{ uri }`, or the active editor's document. */
async function topologyDocument(target: unknown): Promise<TextDocument | undefined> {
    let uri: Uri | undefined;
    if (target instanceof Uri) uri = target;
    else if (typeof target === 'object' && target !== null && typeof (target as { uri?: unknown }).uri === 'string') uri = Uri.parse((target as { uri: string }).uri);
    else uri = window.activeTextEditor?.document.uri;
    const document = uri && (await workspace.openTextDocument(uri));
    if (!document || document.languageId !== 'sfbtopo') {
        void window.showErrorMessage(l10n.t('Open a .sfbtopo topology file first.'));
        return undefined;
    }
    return document;
}

function baseName(uri: Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
