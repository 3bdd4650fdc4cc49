// The map renderer: a pure function from the rule model to an SVG string, golden-tested
// on the examples. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/map` and review
// the pictures (open the .svg files in a browser) as well as the diff.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutMap, type MapBox, type MapLayout } from '../../server/src/map/map-layout.js';
import type { MapModel } from '../../server/src/map/map-model.js';
import { renderMap } from '../../server/src/map/render-map.js';
import { escapeXml, renderMapSvg } from '../../server/src/map/svg.js';
import { expectGoldenFile, repoRoot } from '../helpers.js';
import { EXAMPLES, loadExample, xmlProblems } from './map-helpers.js';

const golden = join(repoRoot, 'test/map/golden');

function expectGolden(name: string, content: string): void {
    expectGoldenFile(join(golden, name), content);
}

const count = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].length;

describe('the map SVG of the examples', () => {
    it.each(EXAMPLES)('%s.svg matches its golden file', async (name) => {
        const { topology, rules } = await loadExample(name);
        const { svg } = await renderMap(topology, rules);
        expectGolden(`${name}.svg`, svg);
    });

    it.each(EXAMPLES)('%s: well-formed XML with one group per node, edge and site', async (name) => {
        const { topology, rules } = await loadExample(name);
        const { svg, model } = await renderMap(topology, rules);
        expect(xmlProblems(svg)).toEqual([]);
        expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="sfbmap" ')).toBe(true);
        expect(count(svg, /<g class="sfbmap-node /g)).toBe(model.nodes.length);
        expect(count(svg, /<g class="sfbmap-edge sfbmap-edge-/g)).toBe(model.edges.length);
        expect(count(svg, /<g class="sfbmap-site" /g)).toBe(model.sites.length);
        expect(count(svg, /<g class="sfbmap-edge-label[ "]/g)).toBe(model.edges.filter((e) => e.labelLines.length > 0).length);
        expect(count(svg, /<g class="sfbmap-perimeter" /g)).toBe(model.sites.filter((site) => site.perimeter).length);
        // Each flow drawn in its firewall's colour, with the arrowhead of that colour.
        for (const e of model.edges.filter((edge) => edge.firewall && edge.firewall !== 'internal')) {
            expect(svg, e.id).toContain(`<g class="sfbmap-edge sfbmap-edge-flow sfbmap-firewall-${e.firewall}" data-edge="${escapeXml(e.id)}">`);
        }
        expect(count(svg, /<g class="sfbmap-legend-item /g)).toBe(model.firewalls.length);
        // Standalone: no script, no style sheet, nothing fetched.
        expect(svg).not.toMatch(/<script|<style|<image|<foreignObject|href=|url\((?!#sfbmap-arrow(?:-perimeter-external|-perimeter-internal)?\))/);
    });

    it.each(EXAMPLES)('%s: lays out and renders byte for byte the same twice', async (name) => {
        const { topology, rules } = await loadExample(name);
        const one = await renderMap(topology, rules);
        const two = await renderMap(topology, rules);
        expect(two.layout).toEqual(one.layout);
        expect(two.svg).toBe(one.svg);
    });

    it.each(EXAMPLES)('%s: places every node inside its site (and its perimeter zone) and the picture', async (name) => {
        const { topology, rules } = await loadExample(name);
        const { model, layout } = await renderMap(topology, rules);
        const within = (box: MapBox, outer: MapBox) => box.x >= outer.x && box.y >= outer.y && box.x + box.width <= outer.x + outer.width && box.y + box.height <= outer.y + outer.height;
        for (const node of model.nodes) {
            const box = layout.nodes[node.id];
            expect(box, node.id).toBeDefined();
            expect(within(box, layout.sites[`site:${node.site}`]), node.id).toBe(true);
            const perimeter = layout.perimeters[`perimeter:${node.site}`];
            if (perimeter) expect(within(box, perimeter), node.id).toBe(node.zone === 'perimeter');
            // The Internet is beyond the perimeter: above it.
            if (node.zone === 'internet') expect(box.y + box.height, node.id).toBeLessThan(perimeter.y);
            expect(box.x + box.width <= layout.width && box.y + box.height <= layout.height, node.id).toBe(true);
        }
        expect(Object.keys(layout.perimeters)).toEqual(model.sites.flatMap((site) => (site.perimeter ? [site.perimeter.id] : [])));
        if (layout.legend) expect(layout.legend.y + layout.legend.height).toBeLessThanOrEqual(layout.height);
        for (const e of model.edges) expect(layout.edges[e.id]?.points.length, e.id).toBeGreaterThanOrEqual(2);
    });
});

describe('text in the SVG', () => {
    const hostile = `<script>alert("x")</script> & 'quotes' \u0001\u0008 ]]> \uD800 end`;

    function hostileModel(): MapModel {
        return {
            topology: hostile,
            sites: [{ id: `site:${hostile}`, name: hostile, perimeter: { id: `perimeter:${hostile}`, label: hostile } }],
            nodes: [
                { id: `pool:${hostile}/a"b`, kind: 'pool', label: hostile, detail: hostile, site: hostile, role: 'frontend', fqdn: hostile, addresses: [] },
                { id: 'reverse-proxy:x/g', kind: 'reverse-proxy', label: 'g', detail: '</text><script>', site: hostile, zone: 'perimeter', addresses: [] },
            ],
            edges: [{ id: `flow:"><x>`, kind: 'flow', firewall: 'perimeter-internal', from: 'reverse-proxy:x/g', to: `pool:${hostile}/a"b`, label: hostile, labelLines: [hostile, '& <b>'], rules: [] }],
            anySourceRules: 0,
            firewalls: [{ firewall: 'perimeter-internal', label: hostile }],
        };
    }

    it('escapes names, services and labels, and replaces characters XML forbids', async () => {
        const model = hostileModel();
        const svg = renderMapSvg(model, await layoutMap(model));
        expect(xmlProblems(svg)).toEqual([]);
        expect(svg).not.toContain('<script');
        expect(svg).not.toContain('<x>');
        expect(svg).not.toContain('<b>');
        expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
        expect(svg).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &apos;quotes&apos; \uFFFD\uFFFD ]]&gt; \uFFFD end');
        expect(svg).toContain('data-edge="flow:&quot;&gt;&lt;x&gt;"');
        // The perimeter zone's title and the legend are escaped too.
        expect(svg.match(/<text class="sfbmap-perimeter-label"[^>]*>([^<]*)</)?.[1]).toContain('&lt;script&gt;');
        expect(svg).toContain('perimeter-internal: &lt;script&gt;');
    });

    it('escapes the five XML specials and keeps other text as it is', () => {
        expect(escapeXml(`a<b>c&d"e'f`)).toBe('a&lt;b&gt;c&amp;d&quot;e&apos;f');
        expect(escapeXml('fe01.contoso.com · フロント エンド')).toBe('fe01.contoso.com · フロント エンド');
        expect(escapeXml('😀')).toBe('😀');
    });

    it('draws an empty topology as a well-formed picture', async () => {
        const model: MapModel = { topology: 'Empty', sites: [], nodes: [], edges: [], anySourceRules: 0, firewalls: [] };
        const layout: MapLayout = await layoutMap(model);
        const svg = renderMapSvg(model, layout);
        expect(xmlProblems(svg)).toEqual([]);
        expect(svg).toContain('<title id="sfbmap-title">Topology map of Empty</title>');
    });
});
