// Messages between the map panel (extension host) and its webview script. Types only:
// both bundles import this file, and neither may pull the other's runtime in.
import type { MapData } from '../../../server/src/language/lsp/map/map-command-ids.js';

/** The webview's texts, translated by the extension (the webview has no `l10n`). */
export interface MapViewStrings {
    map: string;
    matrix: string;
    exportSvg: string;
    zoomIn: string;
    zoomOut: string;
    zoomFit: string;
    loading: string;
    hint: string;
    rulesOf: string;
    service: string;
    ports: string;
    transport: string;
    purpose: string;
    source: string;
    destination: string;
    link: string;
    poolRole: string;
    matrixNote: string;
    anySourceNote: string;
    addresses: string;
    firewall: string;
}

export type ToViewMessage = {
    type: 'update';
    /** The topology's URI: the webview keeps it in its state, so the map can come back after a reload. */
    topology: string;
    /** The map to show; absent when none could be drawn yet (see `message`). */
    data?: MapData;
    /** True when `data` is older than the document (the document has errors now). */
    stale: boolean;
    message?: string;
    strings: MapViewStrings;
};

export type FromViewMessage =
    | { type: 'ready' }
    /** A node or site was clicked: reveal its declaration. */
    | { type: 'reveal'; id: string }
    | { type: 'export' }
    /** What the webview's DOM shows after an update (for tests and the panel's state). */
    | ({ type: 'rendered'; nodes: number; edges: number; stale: boolean; view: 'map' | 'matrix' } & MapShownSize);

/** How the map is drawn: its zoom, the on-screen size of its smallest text (CSS pixels), and whether all of it is in view. */
export interface MapShownSize {
    zoom: number;
    smallestText: number;
    whole: boolean;
}
