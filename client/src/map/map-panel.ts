import { l10n, Range, Uri, ViewColumn, window, workspace, type TextDocument, type WebviewPanel } from 'vscode';
import type { MapData, MapDataResult } from '../../../server/src/language/lsp/map/map-command-ids.js';
import { TopologyPanel } from '../topology-panel.js';
import { webviewPage } from '../webview-page.js';
import type { FromViewMessage, MapShownSize, MapViewStrings, ToViewMessage } from './map-messages.js';

/** The webview panel type; also the `when` context of the panel and named by the `onWebviewPanel:` activation event. */
export const MAP_VIEW_TYPE = 'sfbtopo.map';

export interface MapPanelHost {
    /** The server's `sfbtopo.mapData` for a document. */
    requestMap(document: Uri): Promise<MapDataResult>;
    /** "Export map as SVG" for a document. */
    exportMap(document: Uri): Promise<void>;
    extensionUri: Uri;
}

/** What the webview reported after its last update or resize: the nodes and edges its DOM shows, and at what size. */
export interface MapViewReport extends MapShownSize {
    nodes: number;
    edges: number;
    stale: boolean;
    view: 'map' | 'matrix';
}

/**
 * One webview beside a topology editor, showing that topology's map (kept, marked stale,
 * while the document has errors). The map itself is computed by the language server:
 * this class only moves data between the server, the webview and the editor.
 */
export class MapPanel extends TopologyPanel<MapData, FromViewMessage> {
    report: MapViewReport | undefined;

    constructor(
        document: Uri,
        panel: WebviewPanel,
        private readonly host: MapPanelHost,
        onDispose: () => void,
    ) {
        super(document, panel, onDispose);
        // Created with scripts enabled and `out/` as its only local resource root (VS Code
        // keeps both for a panel it restores after a reload).
        const webview = panel.webview;
        webview.html = mapHtml(webview.cspSource, webview.asWebviewUri(Uri.joinPath(host.extensionUri, 'out', 'map-view.js')).toString());
        void this.refresh();
    }

    protected request(): Promise<MapDataResult> {
        return this.host.requestMap(this.document);
    }

    protected failure(reason: string): string {
        return l10n.t('The map could not be drawn: {0}', reason);
    }

    protected post(): void {
        const message: ToViewMessage = {
            type: 'update',
            topology: this.document.toString(),
            data: this.data,
            stale: this.stale,
            message: this.message,
            strings: viewStrings(),
        };
        void this.panel.webview.postMessage(message);
    }

    protected async onMessage(message: FromViewMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.post();
                break;
            case 'rendered':
                this.report = {
                    nodes: message.nodes,
                    edges: message.edges,
                    stale: message.stale,
                    view: message.view,
                    zoom: message.zoom,
                    smallestText: message.smallestText,
                    whole: message.whole,
                };
                break;
            case 'export':
                await this.host.exportMap(this.document);
                break;
            case 'reveal':
                await this.revealDeclaration(message.id);
                break;
        }
    }

    /** Shows the declaration of a node or site in the topology's editor, with its name selected. */
    private async revealDeclaration(id: string): Promise<void> {
        const model = this.data?.model;
        const node = model?.nodes.find((n) => n.id === id);
        const site = model?.sites.find((s) => s.id === id);
        const at = node?.declaration ?? site?.declaration;
        if (!at) return;
        const named = site ? site.name : node && node.kind !== 'clients' && node.kind !== 'any' ? node.label : 'clients';
        const start = { line: at.line, character: at.character };
        let document: TextDocument;
        try {
            document = await workspace.openTextDocument(this.document);
        } catch {
            return;
        }
        const line = document.lineAt(Math.min(start.line, document.lineCount - 1));
        const end = Math.min(line.range.end.character, start.character + named.length);
        const column = window.visibleTextEditors.find((editor) => editor.document.uri.toString() === this.document.toString())?.viewColumn;
        await window.showTextDocument(document, {
            viewColumn: column ?? ViewColumn.One,
            selection: new Range(line.lineNumber, start.character, line.lineNumber, end),
            preserveFocus: false,
        });
    }
}

function viewStrings(): MapViewStrings {
    return {
        map: l10n.t('Map'),
        matrix: l10n.t('Port matrix'),
        exportSvg: l10n.t('Export map as SVG'),
        zoomIn: l10n.t('Zoom in'),
        zoomOut: l10n.t('Zoom out'),
        zoomFit: l10n.t('Fit'),
        loading: l10n.t('Drawing the map…'),
        hint: l10n.t('Click a box to show its declaration in the editor, or an edge to list its rules.'),
        rulesOf: l10n.t('Firewall rules ({0}):'),
        service: l10n.t('Service'),
        ports: l10n.t('Ports'),
        transport: l10n.t('Transport'),
        purpose: l10n.t('Purpose'),
        source: l10n.t('Source'),
        destination: l10n.t('Destination'),
        link: l10n.t('The load balancer in front of this pool. Its rules are open to any source: see the port matrix.'),
        poolRole: l10n.t('Pool / role'),
        matrixNote: l10n.t('Every firewall rule of the topology: rows are the boxes that receive the traffic (for client rules, the client subnet), columns the destination ports, cells the transports.'),
        anySourceNote: l10n.t('Rules open to any source ({0}) are not drawn on the map; the port matrix shows them.'),
        addresses: l10n.t('Addresses'),
        firewall: l10n.t('Firewall'),
    };
}

/** The webview's page: the bundled script, the toolbar, the map, the matrix and the side panel. */
export function mapHtml(cspSource: string, scriptUri: string): string {
    return webviewPage({
        cspSource,
        scriptUri,
        css: MAP_VIEW_CSS,
        body: `<header class="toolbar">
  <div class="tabs"><button id="tab-map" aria-pressed="true"></button><button id="tab-matrix" aria-pressed="false"></button></div>
  <div class="zoom"><button id="zoom-out">−</button><button id="zoom-fit"></button><button id="zoom-in">+</button></div>
  <button id="export"></button>
</header>
<div id="status" class="status" role="status" hidden></div>
<main>
  <section id="map-view"><div id="map" class="map"></div></section>
  <section id="matrix-view" hidden><div id="matrix" class="matrix-host"></div></section>
  <aside id="details" aria-live="polite"></aside>
</main>`,
    });
}

/**
 * The webview's style: VS Code's theme variables, so the map follows light, dark and
 * high-contrast themes. The SVG's own colours are presentation attributes, which these
 * class rules override.
 */
const MAP_VIEW_CSS = `
body { margin: 0; padding: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.toolbar { position: sticky; top: 0; z-index: 2; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; padding: 6px 10px; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-panel-border, transparent); }
.tabs, .zoom { display: flex; gap: 2px; }
.zoom { margin-left: auto; }
button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 2px 10px; cursor: pointer; border-radius: 2px; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
button[aria-pressed="true"], #export { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button[aria-pressed="true"]:hover, #export:hover { background: var(--vscode-button-hoverBackground); }
button:disabled { opacity: .5; cursor: default; }
button:focus-visible, [tabindex]:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.status { margin: 6px 10px; padding: 4px 8px; border: 1px solid var(--vscode-inputValidation-infoBorder, var(--vscode-focusBorder)); background: var(--vscode-inputValidation-infoBackground, transparent); }
.status.warning { border-color: var(--vscode-inputValidation-warningBorder, var(--vscode-editorWarning-foreground)); background: var(--vscode-inputValidation-warningBackground, transparent); }
/* The side panel goes under the map: maps are wide, so the map gets the whole width
   and the panel the whole width for an edge's rules, also at half an editor's width. */
main { display: flex; flex-direction: column; gap: 8px; padding: 8px 10px; }
#map-view, #matrix-view { width: 100%; min-width: 0; }
.map, .matrix-host { overflow: auto; max-height: calc(70vh - 50px); }
.map svg { display: block; }
body.stale .map svg { opacity: .55; }
aside { border-top: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); padding-top: 6px; }
aside h2 { font-size: 1.1em; margin: 0 0 6px; }
.hint { color: var(--vscode-descriptionForeground); }
.mono { font-family: var(--vscode-editor-font-family); }
table { border-collapse: collapse; }
table.rules { width: 100%; font-size: .95em; }
table.rules th, table.rules td { text-align: left; vertical-align: top; padding: 3px 4px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
table.matrix th, table.matrix td { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); padding: 2px 5px; white-space: nowrap; text-align: center; }
table.matrix thead th { position: sticky; top: 0; background: var(--vscode-editor-background); z-index: 1; }
table.matrix th.port { writing-mode: vertical-rl; transform: rotate(180deg); font-family: var(--vscode-editor-font-family); font-weight: normal; }
table.matrix tbody th { position: sticky; left: 0; background: var(--vscode-editor-background); text-align: left; }
table.matrix th.corner { left: 0; z-index: 2; }
table.matrix .detail { display: block; font-weight: normal; color: var(--vscode-descriptionForeground); font-size: .9em; }
table.matrix td.open { background: var(--vscode-list-hoverBackground); }
table.matrix td.both { font-weight: 600; }
.sfbmap { font-family: var(--vscode-font-family); }
.sfbmap-background { fill: var(--vscode-editor-background); }
.sfbmap-site-box { fill: var(--vscode-sideBar-background, var(--vscode-editorWidget-background)); stroke: var(--vscode-panel-border, var(--vscode-widget-border, #8886)); }
.sfbmap-site-label { fill: var(--vscode-descriptionForeground); cursor: pointer; }
.sfbmap-node { cursor: pointer; }
.sfbmap-node-box { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-editorWidget-border, var(--vscode-widget-border, #8888)); }
.sfbmap-node-label { fill: var(--vscode-editor-foreground); }
.sfbmap-node-detail { fill: var(--vscode-descriptionForeground); }
.sfbmap-kind-pool .sfbmap-node-accent { fill: var(--vscode-charts-blue); }
.sfbmap-kind-load-balancer .sfbmap-node-accent { fill: var(--vscode-charts-orange); }
.sfbmap-kind-gateway .sfbmap-node-accent { fill: var(--vscode-charts-green); }
.sfbmap-kind-reverse-proxy .sfbmap-node-accent { fill: var(--vscode-charts-purple); }
.sfbmap-kind-file-share .sfbmap-node-accent { fill: var(--vscode-charts-yellow); }
.sfbmap-kind-clients .sfbmap-node-accent { fill: var(--vscode-terminal-ansiCyan, var(--vscode-charts-blue)); }
.sfbmap-kind-any .sfbmap-node-accent { fill: var(--vscode-descriptionForeground); }
.sfbmap-kind-internet .sfbmap-node-accent { fill: var(--vscode-charts-red); }
.sfbmap-perimeter-box { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-charts-yellow); }
.sfbmap-perimeter-label { fill: var(--vscode-charts-yellow); }
.sfbmap-legend text { fill: var(--vscode-descriptionForeground); }
.sfbmap-edge { cursor: pointer; }
.sfbmap-edge-line { stroke: var(--vscode-editorLineNumber-foreground, var(--vscode-descriptionForeground)); }
.sfbmap-arrowhead { fill: var(--vscode-editorLineNumber-foreground, var(--vscode-descriptionForeground)); }
.sfbmap-edge-hit { pointer-events: stroke; }
.sfbmap-edge-label { cursor: pointer; }
.sfbmap-edge-label rect { fill: var(--vscode-editor-background); stroke: var(--vscode-editorWidget-border, var(--vscode-widget-border, #8886)); }
.sfbmap-edge-label text { fill: var(--vscode-editor-foreground); }
/* Flows coloured by the firewall that carries them (after the plain edge colour, which they override). */
.sfbmap-firewall-perimeter-external .sfbmap-edge-line, .sfbmap-edge-label.sfbmap-firewall-perimeter-external rect { stroke: var(--vscode-charts-red); }
.sfbmap-arrowhead.sfbmap-firewall-perimeter-external { fill: var(--vscode-charts-red); }
.sfbmap-firewall-perimeter-internal .sfbmap-edge-line, .sfbmap-edge-label.sfbmap-firewall-perimeter-internal rect { stroke: var(--vscode-charts-yellow); }
.sfbmap-arrowhead.sfbmap-firewall-perimeter-internal { fill: var(--vscode-charts-yellow); }
.sfbmap-node:hover .sfbmap-node-box, .sfbmap-node.selected .sfbmap-node-box, .sfbmap-node:focus-visible .sfbmap-node-box { stroke: var(--vscode-focusBorder); stroke-width: 2; }
.sfbmap-edge:hover .sfbmap-edge-line, .sfbmap-edge.selected .sfbmap-edge-line, .sfbmap-edge:focus-visible .sfbmap-edge-line { stroke: var(--vscode-focusBorder); stroke-width: 2.5; }
.sfbmap-edge-label.selected rect { stroke: var(--vscode-focusBorder); stroke-width: 1.5; }
[tabindex]:focus { outline: none; }
body.vscode-high-contrast .sfbmap-node-box, body.vscode-high-contrast-light .sfbmap-node-box,
body.vscode-high-contrast .sfbmap-site-box, body.vscode-high-contrast-light .sfbmap-site-box,
body.vscode-high-contrast .sfbmap-edge-label rect, body.vscode-high-contrast-light .sfbmap-edge-label rect { stroke: var(--vscode-contrastBorder); stroke-width: 1.5; }
body.vscode-high-contrast .sfbmap-edge-line, body.vscode-high-contrast-light .sfbmap-edge-line { stroke: var(--vscode-contrastBorder); stroke-width: 1.5; }
body.vscode-high-contrast .sfbmap-arrowhead, body.vscode-high-contrast-light .sfbmap-arrowhead { fill: var(--vscode-contrastBorder); }
body.vscode-high-contrast .sfbmap-node.selected .sfbmap-node-box, body.vscode-high-contrast-light .sfbmap-node.selected .sfbmap-node-box,
body.vscode-high-contrast .sfbmap-edge.selected .sfbmap-edge-line, body.vscode-high-contrast-light .sfbmap-edge.selected .sfbmap-edge-line { stroke: var(--vscode-contrastActiveBorder, var(--vscode-focusBorder)); stroke-width: 3; }
`;
