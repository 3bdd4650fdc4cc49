import type { FirewallName } from '../rules/rule.js';
import { legendText, MAP_METRICS, type MapLayout, type MapPoint } from './map-layout.js';
import type { MapEdge, MapModel, MapNode, MapNodeKind } from './map-model.js';

// The topology map as an SVG document: a pure function of the model and its layout.
//
// Colours and fonts are presentation attributes (a light theme), so the file reads the
// same in any SVG viewer, with no style sheet and no script. Every element also carries
// a class (`sfbmap-…`): in the VS Code webview a style sheet keyed on those classes
// overrides the attributes with the editor theme's colours (CSS beats presentation
// attributes). Boxes carry `data-node`, sites `data-site`, edges `data-edge` with the
// model's ids, for the webview's clicks. All text is XML-escaped. A flow is coloured by its
// firewall (class `sfbmap-firewall-…`), and a legend under the map names the colours when
// the topology has a perimeter network.

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
    perimeterFill: '#fff8e8',
    perimeterStroke: '#d4a72c',
    perimeterText: '#7d4e00',
} as const;

/** Edge colours by firewall: the internal network's stays the plain edge colour. */
const FIREWALL_COLOURS: Record<FirewallName, string> = {
    internal: LIGHT.edge,
    'perimeter-external': '#cf222e',
    'perimeter-internal': '#9a6700',
};

export const KIND_ACCENTS: Record<MapNodeKind, string> = {
    pool: '#0969da',
    'load-balancer': '#bc4c00',
    gateway: '#1a7f37',
    'reverse-proxy': '#8250df',
    'file-share': '#9a6700',
    clients: '#1b7c83',
    any: '#6e7781',
    internet: '#cf222e',
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
    // One arrowhead per firewall colour: a marker cannot take the colour of the line it ends.
    const marker = (firewall: FirewallName) =>
        `<marker id="${arrowId(firewall)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">` +
        `<path class="sfbmap-arrowhead sfbmap-firewall-${firewall}" d="M0,0L10,5L0,10z" fill="${FIREWALL_COLOURS[firewall]}"/></marker>`;
    const firewalls = (Object.keys(FIREWALL_COLOURS) as FirewallName[]).filter((firewall) => firewall === 'internal' || model.edges.some((edge) => edge.firewall === firewall));
    out.push(`<defs>${firewalls.map(marker).join('')}</defs>`);
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
    for (const site of model.sites) {
        const box = site.perimeter && layout.perimeters[site.perimeter.id];
        if (!site.perimeter || !box) continue;
        out.push(
            `<g class="sfbmap-perimeter" data-perimeter="${attr(site.perimeter.id)}">` +
                `<rect class="sfbmap-perimeter-box" x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="8" fill="${LIGHT.perimeterFill}" stroke="${LIGHT.perimeterStroke}" stroke-dasharray="6 3"/>` +
                `<text class="sfbmap-perimeter-label" x="${num(box.x + m.sitePadding)}" y="${num(box.y + 22)}" font-size="${m.siteLabelSize}" font-weight="600" fill="${LIGHT.perimeterText}">${text(site.perimeter.label)}</text>` +
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
        const firewall = edge.firewall ?? 'internal';
        out.push(
            `<g class="${edgeClasses(edge)}" data-edge="${attr(edge.id)}">` +
                `<title>${text(edgeTitle(edge, labels))}</title>` +
                `<path class="sfbmap-edge-line" d="${d}" fill="none" stroke="${FIREWALL_COLOURS[firewall]}" stroke-width="1.3"${dashed} marker-end="url(#${arrowId(firewall)})"/>` +
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
        const stroke = edge.firewall && edge.firewall !== 'internal' ? FIREWALL_COLOURS[edge.firewall] : LIGHT.labelStroke;
        const firewallClass = edge.firewall ? ` sfbmap-firewall-${edge.firewall}` : '';
        out.push(
            `<g class="sfbmap-edge-label${firewallClass}" data-edge="${attr(edge.id)}">` +
                `<rect x="${num(label.x)}" y="${num(label.y)}" width="${num(label.width)}" height="${num(label.height)}" rx="3" fill="${LIGHT.labelFill}" stroke="${stroke}" stroke-width="0.8"/>` +
                `<text font-size="${m.edgeLabelSize}" fill="${LIGHT.labelText}">${lines}</text>` +
                '</g>',
        );
    }
    out.push('</g>');
    if (layout.legend) {
        const { x, y } = layout.legend;
        out.push('<g class="sfbmap-legend">');
        model.firewalls.forEach((entry, i) => {
            const middle = y + i * m.legendLine + m.legendLine / 2;
            out.push(
                `<g class="sfbmap-legend-item sfbmap-firewall-${entry.firewall}">` +
                    `<path class="sfbmap-edge-line" d="M${num(x)},${num(middle)}L${num(x + m.legendSample)},${num(middle)}" stroke="${FIREWALL_COLOURS[entry.firewall]}" stroke-width="2"/>` +
                    `<text x="${num(x + m.legendSample + 8)}" y="${num(middle + 4)}" font-size="${m.legendSize}" fill="${LIGHT.labelText}">${text(legendText(entry))}</text>` +
                    '</g>',
            );
        });
        out.push('</g>');
    }
    out.push('</svg>');
    return `${out.join('\n')}\n`;
}

function nodeTitle(node: MapNode): string {
    return [node.label, node.detail, node.fqdn].filter((part): part is string => Boolean(part)).join('\n');
}

function edgeTitle(edge: MapEdge, labels: Map<string, string>): string {
    const ends = `${labels.get(edge.from) ?? edge.from} → ${labels.get(edge.to) ?? edge.to}${edge.firewall ? ` (${edge.firewall})` : ''}`;
    return edge.labelLines.length > 0 ? `${ends}\n${edge.labelLines.join('\n')}` : ends;
}

function edgeClasses(edge: MapEdge): string {
    return ['sfbmap-edge', `sfbmap-edge-${edge.kind}`, ...(edge.firewall ? [`sfbmap-firewall-${edge.firewall}`] : [])].join(' ');
}

/** The arrowhead marker of a firewall's colour; the internal network's keeps the plain name. */
function arrowId(firewall: FirewallName): string {
    return firewall === 'internal' ? 'sfbmap-arrow' : `sfbmap-arrow-${firewall}`;
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
