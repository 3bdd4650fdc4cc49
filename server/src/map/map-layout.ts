import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { MapEdge, MapModel, MapNode } from './map-model.js';
import { textWidth } from './text-metrics.js';

// Places the map's boxes and routes its edges with ELK's layered algorithm (elkjs, run in
// process: the bundled build needs no worker). Computed in the server, so the command
// line and the webview draw the same picture. The options are fixed and the input order
// follows the model, so the same model always gives the same layout.
//
// A site with a perimeter network holds its Internet box and its perimeter zone, a compound
// node of its own with the Edge pools, their load balancers and the reverse proxies. Every
// edge between zones is handed to ELK pointing inwards (Internet → perimeter →
// internal network), whichever way its rules go, so that no band's order is against an
// edge; its route is turned back afterwards.

/** Sizes the layout assumes and the SVG renderer draws with. */
export const MAP_METRICS = {
    nodeLabelSize: 13,
    nodeDetailSize: 11,
    nodeHeight: 46,
    nodePaddingX: 12,
    nodeMinWidth: 110,
    edgeLabelSize: 11,
    edgeLabelLine: 14,
    edgeLabelPaddingX: 5,
    edgeLabelPaddingY: 2,
    siteLabelSize: 13,
    sitePaddingTop: 34,
    sitePadding: 16,
    margin: 16,
    legendSize: 11,
    legendLine: 16,
    legendSample: 28,
} as const;

export interface MapPoint {
    x: number;
    y: number;
}

export interface MapBox extends MapPoint {
    width: number;
    height: number;
}

export interface MapEdgeRoute {
    /** Start, bend points and end of the edge, in SVG coordinates. */
    points: MapPoint[];
    /** Where the label goes; absent for an edge without label. */
    label?: MapBox;
}

export interface MapLayout {
    width: number;
    height: number;
    sites: Record<string, MapBox>;
    /** The perimeter zones, by `perimeter:SITE`. */
    perimeters: Record<string, MapBox>;
    /** Where the legend of the firewalls goes, under the map, when the model has one. */
    legend?: MapBox;
    nodes: Record<string, MapBox>;
    edges: Record<string, MapEdgeRoute>;
}

const ROOT_OPTIONS: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'DOWN',
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.randomSeed': '1',
    'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    'elk.layered.nodePlacement.strategy': 'NETWORK_SIMPLEX',
    'elk.edgeLabels.placement': 'CENTER',
    'elk.spacing.nodeNode': '20',
    'elk.spacing.edgeNode': '14',
    'elk.spacing.edgeEdge': '8',
    'elk.spacing.edgeLabel': '3',
    'elk.spacing.componentComponent': '32',
    'elk.layered.spacing.nodeNodeBetweenLayers': '36',
    'elk.layered.spacing.edgeNodeBetweenLayers': '14',
    'elk.padding': `[top=${MAP_METRICS.margin},left=${MAP_METRICS.margin},bottom=${MAP_METRICS.margin},right=${MAP_METRICS.margin}]`,
    // Every coordinate in the result relative to the root, so nothing needs offsetting.
    'elk.json.edgeCoords': 'ROOT',
    'elk.json.shapeCoords': 'ROOT',
};

let elk: Promise<ELK> | undefined;

/** ELK, loaded on first use: the other commands of the command line need not pay for it. */
function layoutEngine(): Promise<ELK> {
    elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ElkConstructor }) => new ElkConstructor());
    return elk;
}

/** The size a box needs for its two lines of text. */
export function nodeSize(node: Pick<MapNode, 'label' | 'detail'>): { width: number; height: number } {
    const m = MAP_METRICS;
    const text = Math.max(textWidth(node.label, m.nodeLabelSize, true), textWidth(node.detail, m.nodeDetailSize));
    return { width: Math.max(m.nodeMinWidth, text + 2 * m.nodePaddingX + 4), height: m.nodeHeight };
}

/** The size an edge label needs for its lines. */
export function edgeLabelSize(lines: readonly string[]): { width: number; height: number } {
    const m = MAP_METRICS;
    const width = Math.max(0, ...lines.map((line) => textWidth(line, m.edgeLabelSize)));
    return { width: width + 2 * m.edgeLabelPaddingX, height: lines.length * m.edgeLabelLine + 2 * m.edgeLabelPaddingY };
}

/** A zone's rank from the outside in: the Internet, the perimeter network, the internal network. */
const ZONE_RANK: Record<NonNullable<MapNode['zone']> | 'internal', number> = { internet: 0, perimeter: 1, internal: 2 };

export async function layoutMap(model: MapModel): Promise<MapLayout> {
    const m = MAP_METRICS;
    const leaf = (node: MapNode): ElkNode => ({ id: node.id, ...nodeSize(node) });
    const zone = (id: string, title: string, children: ElkNode[]): ElkNode => ({
        id,
        layoutOptions: {
            'elk.padding': `[top=${m.sitePaddingTop},left=${m.sitePadding},bottom=${m.sitePadding},right=${m.sitePadding}]`,
            'elk.nodeSize.constraints': 'MINIMUM_SIZE',
            'elk.nodeSize.minimum': `(${Math.max(160, textWidth(title, m.siteLabelSize, true) + 2 * m.sitePadding)}, 80)`,
        },
        children,
    });
    const siteChildren = model.sites.map((site): ElkNode => {
        const members = model.nodes.filter((node) => node.site === site.name);
        const inZone = (wanted: MapNode['zone']) => members.filter((node) => node.zone === wanted).map(leaf);
        const perimeter = site.perimeter ? [zone(site.perimeter.id, site.perimeter.label, inZone('perimeter'))] : [];
        return zone(site.id, site.name, [...inZone('internet'), ...perimeter, ...inZone(undefined)]);
    });
    const outside = model.nodes.filter((node) => node.site === undefined || !model.sites.some((site) => site.name === node.site)).map(leaf);
    const rank = new Map(model.nodes.map((node) => [node.id, ZONE_RANK[node.zone ?? 'internal']]));
    const inwards = (edge: MapEdge) => (rank.get(edge.from) ?? ZONE_RANK.internal) <= (rank.get(edge.to) ?? ZONE_RANK.internal);
    const edges: ElkExtendedEdge[] = model.edges.map((edge) => ({
        id: edge.id,
        sources: [inwards(edge) ? edge.from : edge.to],
        targets: [inwards(edge) ? edge.to : edge.from],
        labels: edge.labelLines.length > 0 ? [{ id: `${edge.id}#label`, text: edge.label, ...edgeLabelSize(edge.labelLines) }] : [],
    }));
    const graph: ElkNode = { id: '#root', layoutOptions: ROOT_OPTIONS, children: [...siteChildren, ...outside], edges };

    const result = await (await layoutEngine()).layout(graph);

    const layout: MapLayout = { width: round(result.width ?? 0), height: round(result.height ?? 0), sites: {}, perimeters: {}, nodes: {}, edges: {} };
    const siteIds = new Set(model.sites.map((site) => site.id));
    const perimeterIds = new Set(model.sites.flatMap((site) => (site.perimeter ? [site.perimeter.id] : [])));
    const outwards = new Set(model.edges.filter((edge) => !inwards(edge)).map((edge) => edge.id));
    const visit = (node: ElkNode) => {
        for (const child of node.children ?? []) {
            const box = { x: round(child.x ?? 0), y: round(child.y ?? 0), width: round(child.width ?? 0), height: round(child.height ?? 0) };
            if (siteIds.has(child.id) || perimeterIds.has(child.id)) {
                (siteIds.has(child.id) ? layout.sites : layout.perimeters)[child.id] = box;
                visit(child);
            } else {
                layout.nodes[child.id] = box;
            }
        }
        for (const edge of node.edges ?? []) {
            const points = (edge.sections ?? []).flatMap((section, i) => [...(i === 0 ? [section.startPoint] : []), ...(section.bendPoints ?? []), section.endPoint]);
            if (outwards.has(edge.id)) points.reverse();
            const label = edge.labels?.[0];
            layout.edges[edge.id] = {
                points: points.map((p) => ({ x: round(p.x), y: round(p.y) })),
                ...(label ? { label: { x: round(label.x ?? 0), y: round(label.y ?? 0), width: round(label.width ?? 0), height: round(label.height ?? 0) } } : {}),
            };
        }
    };
    visit(result);
    if (model.firewalls.length > 0) {
        const lines = model.firewalls.map(legendText);
        const width = m.legendSample + 8 + Math.max(...lines.map((line) => textWidth(line, m.legendSize)));
        layout.legend = { x: m.margin, y: layout.height, width, height: lines.length * m.legendLine };
        layout.height = round(layout.height + layout.legend.height + m.margin);
        layout.width = Math.max(layout.width, round(width + 2 * m.margin));
    }
    return layout;
}

/** A line of the legend: the firewall's name as the rules give it, and where it stands. */
export function legendText(entry: MapModel['firewalls'][number]): string {
    return `${entry.firewall}: ${entry.label}`;
}



/** One decimal: enough for a picture, and the same digits on every platform. */
function round(value: number): number {
    const rounded = Math.round(value * 10) / 10;
    return Object.is(rounded, -0) ? 0 : rounded;
}
