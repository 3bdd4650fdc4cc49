/**
 * Command ids and shapes of the topology map, shared by the server and the VS Code client.
 *
 * The server executes `sfbtopo.mapData` through `workspace/executeCommand`, so any LSP
 * client can draw the map. `sfbtopo.showMap` and `sfbtopo.exportMap` are client commands
 * of the VS Code extension (the webview beside the editor, and "Export map as SVG").
 *
 * Kept free of value imports so that the client bundle can share it without the language
 * engine (the `import type`s below vanish when compiled).
 */
import type { MapLayout } from '../../../map/map-layout.js';
import type { MapModel, MapRuleInfo, PortMatrix } from '../../../map/map-model.js';

export const MapServerCommands = {
    /** Arguments `[MapDataArgs]`; result {@link MapDataResult}. */
    mapData: 'sfbtopo.mapData',
} as const;

export const MapClientCommands = {
    showMap: 'sfbtopo.showMap',
    exportMap: 'sfbtopo.exportMap',
} as const;

export interface MapDataArgs {
    /** The topology document's URI, as the language client sends it. */
    uri: string;
}

export interface MapData {
    ok: true;
    /** The map as a standalone SVG document (light colours; classes for theming). */
    svg: string;
    model: MapModel;
    layout: MapLayout;
    /** Every firewall rule, as the side panel lists them (an edge names its rules by id). */
    rules: MapRuleInfo[];
    matrix: PortMatrix;
    /**
     * True when the document has errors now: the map is the last one drawn from this
     * document without errors (in this server's lifetime), and `errors` says how many.
     */
    stale: boolean;
    errors: number;
    /** Why the map is stale, in the client's language. */
    message?: string;
}

export type MapDataResult = MapData | { ok: false; message: string };
