import { MAP_METRICS, type MapLayout, type MapPoint } from './map-layout.js';
import type { MapEdge, MapModel, MapNode, MapNodeKind } from './map-model.js';

// The topology map as an SVG document: a pure function of the model and its layout.
//
// Colours and fonts are presentation attributes (a light theme), so the file reads the
// same in any SVG viewer, with no style sheet and no script. Every element also carries
// a class (`sfbmap-…`): in the VS Code webview a style sheet keyed on those classes
// overrides the attributes with the editor theme's colours (CSS beats presentation
// attributes). Boxes carry `data-node`, sites `data-site`, edges `data-edge` with the
// model's ids, for the webview's clicks. All text is XML-escaped.

export const MAP_FONT_FAMILY = "'Segoe UI', 'Helvetica Neue', Helvetica, Arial, sans-serif";

/** The light default colours; the webview replaces them with the theme's. */
export const LIGHT = {
    background: '#ffffff',
    siteFill: '#f6f8fa',
    siteStroke: '#d0d7de',
    siteText: '#57606a',
    nodeFill: '#ffffff',
    nodeStroke: '#8c959f',
    nodeText: '#1f2328',
    nodeDetail: '#57606a',
    edge: '#6e7781',
    labelFill: '#ffffff',
    labelStroke: '#d0d7de',
    labelText: '#24292f',
} as const;

export const KIND_ACCENTS: Record<MapNodeKind, string> = {
    pool: '#0969da',
    'load-balancer': '#bc4c00',
    gateway: '#1a7f37',
    'reverse-proxy': '#8250df',
    'file-share': '#9a6700',
    clients: '#1b7c83',
    any: '#6e7781',
};

export interface SvgOptions {
    /** The document title; default "Topology map of NAME". */
    title?: string;
}

export function renderMapSvg(model: MapModel, layout: MapLayout, options: SvgOptions = {}): string {
    const m = MAP_METRICS;
    const width = num(layout.width);
    const height = num(layout.height);
    const title = options.title ?? `Topology map of ${model.topology}`;
    const out: string[] = [];
    out.push(
        `<svg xmlns="http://www.w3.org/2000/svg" class="sfbmap" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"` +
            ` font-family="${attr(MAP_FONT_FAMILY)}" role="img" aria-labelledby="sfbmap-title" data-topology="${attr(model.topology)}">`,
    );
    out.push(`<title id="sfbmap-title">${text(title)}</title>`);
    out.push(
        '<defs><marker id="sfbmap-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">' +
            `<path class="sfbmap-arrowhead" d="M0,0L10,5L0,10z" fill="${LIGHT.edge}"/></marker></defs>`,
    );
    out.push(`<rect class="sfbmap-background" x="0" y="0" width="${width}" height="${height}" fill="${LIGHT.background}"/>`);

    out.push('<g class="sfbmap-sites">');
    for (const site of model.sites) {
        const box = layout.sites[site.id];
        if (!box) continue;
        out.push(
            `<g class="sfbmap-site" data-site="${attr(site.id)}">` +
                `<rect class="sfbmap-site-box" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="8" fill="${LIGHT.siteFill}" stroke="${LIGHT.siteStroke}"/>` +
                `<text class="sfbmap-site-label" x="${num(box.x + m.sitePadding)}" y="${num(box.y + 22)}" font-size="${m.siteLabelSize}" font-weight="600" fill="${LIGHT.siteText}">${text(site.name)}</text>` +
                '</g>',
        );
    }
    out.push('</g>');

    const labels = new Map(model.nodes.map((node) => [node.id, node.label]));
    out.push('<g class="sfbmap-edges">');
    for (const edge of model.edges) {
        const route = layout.edges[edge.id];
        if (!route || route.points.length < 2) continue;
        const d = pathData(route.points);
        const dashed = edge.kind === 'link' ? ' stroke-dasharray="5 4"' : '';
        out.push(
            `<g class="sfbmap-edge sfbmap-edge-${edge.kind}" data-edge="${attr(edge.id)}">` +
                `<title>${text(edgeTitle(edge, labels))}</title>` +
                `<path class="sfbmap-edge-line" d="${d}" fill="none" stroke="${LIGHT.edge}" stroke-width="1.3"${dashed} marker-end="url(#sfbmap-arrow)"/>` +
                `<path class="sfbmap-edge-hit" d="${d}" fill="none" stroke="transparent" stroke-width="10"/>` +
                '</g>',
        );
    }
    out.push('</g>');

    out.push('<g class="sfbmap-nodes">');
    for (const node of model.nodes) {
        const box = layout.nodes[node.id];
        if (!box) continue;
        const classes = ['sfbmap-node', `sfbmap-kind-${node.kind}`, ...(node.role ? [`sfbmap-role-${node.role}`] : [])].join(' ');
        out.push(
            `<g class="${classes}" data-node="${attr(node.id)}">` +
                `<title>${text(nodeTitle(node))}</title>` +
                `<rect class="sfbmap-node-box" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="4" fill="${LIGHT.nodeFill}" stroke="${LIGHT.nodeStroke}"/>` +
                `<rect class="sfbmap-node-accent" x="${num(box.x)}" y="${num(box.y)}" width="4" height="${num(box.height)}" fill="${KIND_ACCENTS[node.kind]}"/>` +
                `<text class="sfbmap-node-label" x="${num(box.x + m.nodePaddingX)}" y="${num(box.y + 19)}" font-size="${m.nodeLabelSize}" font-weight="600" fill="${LIGHT.nodeText}">${text(node.label)}</text>` +
                `<text class="sfbmap-node-detail" x="${num(box.x + m.nodePaddingX)}" y="${num(box.y + 36)}" font-size="${m.nodeDetailSize}" fill="${LIGHT.nodeDetail}">${text(node.detail)}</text>` +
                '</g>',
        );
    }
    out.push('</g>');

    out.push('<g class="sfbmap-edge-labels">');
    for (const edge of model.edges) {
        const label = layout.edges[edge.id]?.label;
        if (!label || edge.labelLines.length === 0) continue;
        const x = num(label.x + m.edgeLabelPaddingX);
        const lines = edge.labelLines
            .map((line, i) => `<tspan x="${x}" y="${num(label.y + m.edgeLabelPaddingY + m.edgeLabelSize + i * m.edgeLabelLine - 1)}">${text(line)}</tspan>`)
            .join('');
        out.push(
            `<g class="sfbmap-edge-label" data-edge="${attr(edge.id)}">` +
                `<rect x="${num(label.x)}" y="${num(label.y)}" width="${num(label.width)}" height="${num(label.height)}" rx="3" fill="${LIGHT.labelFill}" stroke="${LIGHT.labelStroke}" stroke-width="0.8"/>` +
                `<text font-size="${m.edgeLabelSize}" fill="${LIGHT.labelText}">${lines}</text>` +
                '</g>',
        );
    }
    out.push('</g>');
    out.push('</svg>');
    return `${out.join('\n')}\n`;
}

function nodeTitle(node: MapNode): string {
    return [node.label, node.detail, node.fqdn].filter((part): part is string => Boolean(part)).join('\n');
}

function edgeTitle(edge: MapEdge, labels: Map<string, string>): string {
    const ends = `${labels.get(edge.from) ?? edge.from} → ${labels.get(edge.to) ?? edge.to}`;
    return edge.labelLines.length > 0 ? `${ends}\n${edge.labelLines.join('\n')}` : ends;
}

function pathData(points: MapPoint[]): string {
    return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join('');
}

/** A coordinate with at most one decimal and no exponent. */
function num(value: number): string {
    const rounded = Math.round(value * 10) / 10;
    return (Object.is(rounded, -0) ? 0 : rounded).toFixed(1).replace(/\.0$/, '');
}

/**
 * Characters XML 1.0 does not allow (C0 controls other than tab, line feed and carriage
 * return; U+FFFE, U+FFFF; lone surrogates) become U+FFFD.
 */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text content, escaped. */
export function escapeXml(value: string): string {
    return value
        .replace(INVALID_XML, '\uFFFD')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&apos;');
}

const text = escapeXml;
const attr = escapeXml;
