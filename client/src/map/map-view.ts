/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The topology map's webview script, bundled on its own into out/map-view.js (browser,
// no imports at run time). It shows the SVG the language server drew, lists an edge's
// rules beside it, switches to the port matrix, and asks the extension to reveal a
// declaration or export the SVG. Data never becomes markup: the SVG is parsed as XML and
// everything else is built with textContent.
import type { MapData } from '../../../server/src/language/lsp/map/map-command-ids.js';
import { format } from '../webview-text.js';
import type { FromViewMessage, MapViewStrings, ToViewMessage } from './map-messages.js';

interface VsCodeApi {
    postMessage(message: FromViewMessage): void;
    getState(): ViewState | undefined;
    setState(state: ViewState): void;
}

/** What the webview keeps across reloads (`getState`/`setState`); the extension's serializer reads `topology`. */
interface ViewState {
    topology?: string;
    view: 'map' | 'matrix';
    /** Absent until the user zooms: the map is then fitted to the view (see `fit`). */
    zoom?: number;
}

declare function acquireVsCodeApi(): VsCodeApi;

const SVG_NS = 'http://www.w3.org/2000/svg';
/** On screen, no label of the opened map is smaller than this (CSS pixels). */
const MIN_LABEL_PX = 9;
/** A small map is not blown up past this when fitted. */
const MAX_FIT_ZOOM = 1.25;
const vscode = acquireVsCodeApi();
const state: ViewState = { view: 'map', ...vscode.getState() };
let data: MapData | undefined;
let strings: MapViewStrings | undefined;
let selected: string | undefined;

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const mapHost = $('map');
const matrixHost = $('matrix');
const details = $('details');
const status = $('status');
const tabMap = $<HTMLButtonElement>('tab-map');
const tabMatrix = $<HTMLButtonElement>('tab-matrix');

tabMap.addEventListener('click', () => setView('map'));
tabMatrix.addEventListener('click', () => setView('matrix'));
$('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));
$('zoom-in').addEventListener('click', () => setZoom(zoom() * 1.25));
$('zoom-out').addEventListener('click', () => setZoom(zoom() / 1.25));
$('zoom-fit').addEventListener('click', () => fit(true));
// Until the user zooms, the map follows the size of the view.
window.addEventListener('resize', () => {
    if (state.zoom === undefined && state.view === 'map') {
        fit(false);
        report();
    }
});

window.addEventListener('message', (event: MessageEvent<ToViewMessage>) => {
    const message = event.data;
    if (message?.type !== 'update') return;
    strings = message.strings;
    state.topology = message.topology;
    vscode.setState(state);
    applyStrings(message.strings);
    if (message.data) data = message.data;
    document.body.classList.toggle('stale', message.stale);
    status.hidden = !message.message;
    status.textContent = message.message ?? '';
    status.classList.toggle('warning', message.stale);
    render();
});

mapHost.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : undefined;
    const node = target?.closest('[data-node]');
    const edge = target?.closest('[data-edge]');
    const site = target?.closest('.sfbmap-site-label') ? target.closest('[data-site]') : undefined;
    if (node) {
        const id = node.getAttribute('data-node')!;
        select(id);
        showNode(id);
        vscode.postMessage({ type: 'reveal', id });
    } else if (edge) {
        const id = edge.getAttribute('data-edge')!;
        select(id);
        showEdge(id);
    } else if (site) {
        vscode.postMessage({ type: 'reveal', id: site.getAttribute('data-site')! });
    }
});

mapHost.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    if (event.target instanceof Element && event.target.matches('[data-node], [data-edge]')) {
        event.preventDefault();
        event.target.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    }
});

vscode.postMessage({ type: 'ready' });

function applyStrings(s: MapViewStrings): void {
    tabMap.textContent = s.map;
    tabMatrix.textContent = s.matrix;
    $('export').textContent = s.exportSvg;
    $('zoom-in').title = s.zoomIn;
    $('zoom-out').title = s.zoomOut;
    $('zoom-fit').textContent = s.zoomFit;
    $('zoom-fit').title = s.zoomFit;
}

function render(): void {
    mapHost.replaceChildren();
    matrixHost.replaceChildren();
    if (!data) {
        showHint(strings?.loading ?? '');
        report();
        return;
    }
    const parsed = new DOMParser().parseFromString(data.svg, 'image/svg+xml');
    const svg = parsed.documentElement;
    if (svg.namespaceURI === SVG_NS && svg.localName === 'svg' && !parsed.querySelector('parsererror')) {
        for (const item of svg.querySelectorAll('[data-node], .sfbmap-edge')) {
            item.setAttribute('tabindex', '0');
            item.setAttribute('role', 'button');
        }
        mapHost.append(document.importNode(svg, true));
    }
    matrixHost.append(matrixTable(data));
    setView(state.view);
    if (state.zoom === undefined) fit(false);
    else setZoom(state.zoom);
    if (selected && (find(selected) ?? edgeOf(selected))) {
        select(selected);
        if (edgeOf(selected)) showEdge(selected);
        else showNode(selected);
    } else {
        selected = undefined;
        showHint(strings?.hint ?? '', data.model.anySourceRules > 0 && strings ? format(strings.anySourceNote, data.model.anySourceRules) : undefined);
    }
    report();
}

function report(): void {
    vscode.postMessage({
        type: 'rendered',
        nodes: mapHost.querySelectorAll('.sfbmap-node').length,
        edges: mapHost.querySelectorAll('.sfbmap-edge').length,
        stale: document.body.classList.contains('stale'),
        view: state.view,
        ...shownSize(),
    });
}

/** The zoom the map is drawn at, the on-screen size of its smallest text, and whether all of it is in view. */
function shownSize(): { zoom: number; smallestText: number; whole: boolean } {
    const svg = mapHost.querySelector('svg');
    if (!svg || !data || data.layout.width === 0) return { zoom: 0, smallestText: 0, whole: false };
    const value = Number(svg.getAttribute('width')) / data.layout.width;
    const whole = Number(svg.getAttribute('width')) <= mapHost.clientWidth && Number(svg.getAttribute('height')) <= mapHost.clientHeight;
    return { zoom: value, smallestText: value * smallestLabel(), whole };
}

function setView(view: 'map' | 'matrix'): void {
    state.view = view;
    vscode.setState(state);
    $('map-view').hidden = view !== 'map';
    $('matrix-view').hidden = view !== 'matrix';
    tabMap.setAttribute('aria-pressed', String(view === 'map'));
    tabMatrix.setAttribute('aria-pressed', String(view === 'matrix'));
    for (const id of ['zoom-in', 'zoom-out', 'zoom-fit']) ($(id) as HTMLButtonElement).disabled = view !== 'map';
}

/** The zoom the map is shown at: the user's, or the one that fits the view's width. */
function zoom(): number {
    const svg = mapHost.querySelector('svg');
    if (state.zoom !== undefined || !svg || !data || data.layout.width === 0) return state.zoom ?? 1;
    return Number(svg.getAttribute('width')) / data.layout.width || 1;
}

/** Zooms as the user asked: remembered, also when the webview is shown again. */
function setZoom(value: number): void {
    state.zoom = Math.min(4, Math.max(0.1, value));
    vscode.setState(state);
    scale(state.zoom);
}

/** Draws the map at `value`, rounded up to whole pixels so no text ends up below the size fitting chose. */
function scale(value: number): void {
    const svg = mapHost.querySelector('svg');
    if (!svg || !data) return;
    svg.setAttribute('width', String(Math.ceil(data.layout.width * value)));
    svg.setAttribute('height', String(Math.ceil(data.layout.height * value)));
}

/**
 * Fits the map to the view. On "Fit" (whole), the whole map, however small. Otherwise
 * (on opening, and as the view is resized until the user zooms) the whole map too, but
 * never so small that its smallest labels drop below a readable size: a map too big for
 * that keeps the readable zoom and scrolls.
 */
function fit(whole: boolean): void {
    if (!data || data.layout.width === 0) return;
    const width = Math.max(100, mapHost.clientWidth - 4);
    // The height the map may take (its CSS max-height), not the height it has now.
    const height = (Number.parseFloat(getComputedStyle(mapHost).maxHeight) || window.innerHeight) - 4;
    const fitted = Math.min(MAX_FIT_ZOOM, width / data.layout.width, height / data.layout.height);
    if (whole) {
        setZoom(Math.max(0.1, fitted));
        return;
    }
    scale(Math.max(fitted, MIN_LABEL_PX / smallestLabel()));
}

/** The font size of the map's smallest text, in SVG units (the server draws it). */
function smallestLabel(): number {
    const sizes = [...mapHost.querySelectorAll('svg [font-size]')].map((item) => Number(item.getAttribute('font-size'))).filter((size) => size > 0);
    return sizes.length > 0 ? Math.min(...sizes) : MIN_LABEL_PX;
}

function select(id: string | undefined): void {
    selected = id;
    for (const item of mapHost.querySelectorAll('.selected')) item.classList.remove('selected');
    if (!id) return;
    for (const item of mapHost.querySelectorAll('[data-node], [data-edge]')) {
        if (item.getAttribute('data-node') === id || item.getAttribute('data-edge') === id) item.classList.add('selected');
    }
}

function find(id: string) {
    return data?.model.nodes.find((node) => node.id === id);
}

function edgeOf(id: string) {
    return data?.model.edges.find((edge) => edge.id === id);
}

function labelOf(id: string): string {
    return find(id)?.label ?? id;
}

function showHint(text: string, more?: string): void {
    details.replaceChildren(element('p', text, 'hint'), ...(more ? [element('p', more, 'hint')] : []));
}

function showNode(id: string): void {
    const node = find(id);
    if (!node || !strings) return;
    const parts: HTMLElement[] = [element('h2', node.label), element('p', node.detail)];
    if (node.fqdn) parts.push(element('p', node.fqdn, 'mono'));
    if (node.addresses.length > 0) parts.push(element('p', `${strings.addresses}: ${node.addresses.join(', ')}`, 'mono'));
    details.replaceChildren(...parts);
}

function showEdge(id: string): void {
    const edge = edgeOf(id);
    if (!edge || !data || !strings) return;
    const s = strings;
    const heading = element('h2', `${labelOf(edge.from)} → ${labelOf(edge.to)}`);
    if (edge.kind === 'link') {
        details.replaceChildren(heading, element('p', s.link));
        return;
    }
    const byId = new Map(data.rules.map((rule) => [rule.id, rule]));
    const rules = edge.rules.map((ruleId) => byId.get(ruleId)).filter((rule) => rule !== undefined);
    const table = document.createElement('table');
    table.className = 'rules';
    const head = table.createTHead().insertRow();
    for (const title of [s.service, s.ports, s.transport, s.purpose]) head.append(element('th', title));
    const body = table.createTBody();
    for (const rule of rules) {
        const row = body.insertRow();
        row.title = `${rule.id}\n${s.source}: ${rule.source}\n${s.destination}: ${rule.destination}`;
        row.append(element('td', rule.service), element('td', rule.ports, 'mono'), element('td', rule.transport), element('td', rule.purpose));
    }
    const firewall = edge.firewall ? [element('p', `${s.firewall}: ${edge.firewall}`, 'mono')] : [];
    details.replaceChildren(heading, ...firewall, element('p', format(s.rulesOf, rules.length)), table);
}

function matrixTable(map: MapData): HTMLElement {
    const s = strings!;
    const wrapper = document.createElement('div');
    wrapper.append(element('p', s.matrixNote, 'hint'));
    const table = document.createElement('table');
    table.className = 'matrix';
    const head = table.createTHead().insertRow();
    head.append(element('th', s.poolRole, 'corner'));
    for (const column of map.matrix.columns) head.append(element('th', column, 'port'));
    const body = table.createTBody();
    const byId = new Map(map.rules.map((rule) => [rule.id, rule]));
    for (const row of map.matrix.rows) {
        const tr = body.insertRow();
        const name = element('th', row.label);
        name.scope = 'row';
        name.append(element('span', row.detail, 'detail'));
        if (row.site) name.title = row.site;
        tr.append(name);
        row.cells.forEach((cell) => {
            const td = element('td', cell?.transport ?? '');
            if (cell) {
                td.className = `open ${cell.transport === 'TCP/UDP' ? 'both' : cell.transport.toLowerCase()}`;
                td.title = cell.rules.map((id) => byId.get(id)?.service ?? id).join('\n');
            }
            tr.append(td);
        });
    }
    wrapper.append(table);
    return wrapper;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text: string, className?: string): HTMLElementTagNameMap[K] {
    const item = document.createElement(tag);
    item.textContent = text;
    if (className) item.className = className;
    return item;
}
