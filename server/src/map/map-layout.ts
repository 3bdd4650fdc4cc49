import type { ELK, ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk.bundled.js';
import type { MapModel, MapNode } from './map-model.js';
import { textWidth } from './text-metrics.js';

// Places the map's boxes and routes its edges with ELK's layered algorithm (elkjs, run in
// process: the bundled build needs no worker). Computed in the server, so the command
// line and the webview draw the same picture. The options are fixed and the input order
// follows the model, so the same model always gives the same layout.

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

export async function layoutMap(model: MapModel): Promise<MapLayout> {
    const m = MAP_METRICS;
    const leaf = (node: MapNode): ElkNode => ({ id: node.id, ...nodeSize(node) });
    const siteChildren = model.sites.map(
        (site): ElkNode => ({
            id: site.id,
            layoutOptions: {
                'elk.padding': `[top=${m.sitePaddingTop},left=${m.sitePadding},bottom=${m.sitePadding},right=${m.sitePadding}]`,
                'elk.nodeSize.constraints': 'MINIMUM_SIZE',
                'elk.nodeSize.minimum': `(${Math.max(160, textWidth(site.name, m.siteLabelSize, true) + 2 * m.sitePadding)}, 80)`,
            },
            children: model.nodes.filter((node) => node.site === site.name).map(leaf),
        }),
    );
    const outside = model.nodes.filter((node) => node.site === undefined || !model.sites.some((site) => site.name === node.site)).map(leaf);
    const edges: ElkExtendedEdge[] = model.edges.map((edge) => ({
        id: edge.id,
        sources: [edge.from],
        targets: [edge.to],
        labels: edge.labelLines.length > 0 ? [{ id: `${edge.id}#label`, text: edge.label, ...edgeLabelSize(edge.labelLines) }] : [],
    }));
    const graph: ElkNode = { id: '#root', layoutOptions: ROOT_OPTIONS, children: [...siteChildren, ...outside], edges };

    const result = await (await layoutEngine()).layout(graph);

    const layout: MapLayout = { width: round(result.width ?? 0), height: round(result.height ?? 0), sites: {}, nodes: {}, edges: {} };
    const siteIds = new Set(model.sites.map((site) => site.id));
    const visit = (node: ElkNode) => {
        for (const child of node.children ?? []) {
            const box = { x: round(child.x ?? 0), y: round(child.y ?? 0), width: round(child.width ?? 0), height: round(child.height ?? 0) };
            if (siteIds.has(child.id)) {
                layout.sites[child.id] = box;
                visit(child);
            } else {
                layout.nodes[child.id] = box;
            }
        }
        for (const edge of node.edges ?? []) {
            const points = (edge.sections ?? []).flatMap((section, i) => [...(i === 0 ? [section.startPoint] : []), ...(section.bendPoints ?? []), section.endPoint]);
            const label = edge.labels?.[0];
            layout.edges[edge.id] = {
                points: points.map((p) => ({ x: round(p.x), y: round(p.y) })),
                ...(label ? { label: { x: round(label.x ?? 0), y: round(label.y ?? 0), width: round(label.width ?? 0), height: round(label.height ?? 0) } } : {}),
            };
        }
    };
    visit(result);
    return layout;
}

/** One decimal: enough for a picture, and the same digits on every platform. */
function round(value: number): number {
    const rounded = Math.round(value * 10) / 10;
    return Object.is(rounded, -0) ? 0 : rounded;
}
