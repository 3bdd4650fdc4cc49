import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { exportDocument } from '../export/export-topology.js';
import type { Topology } from '../language/generated/ast.js';
import { resolveTopology, type ResolvedTopology } from '../model/resolved-topology.js';
import type { RuleSet } from '../rules/rule.js';
import { declarationIndex } from './declarations.js';
import { layoutMap, type MapLayout } from './map-layout.js';
import { buildMapModel, buildPortMatrix, describeRules, type MapModel, type MapPosition, type MapRuleInfo, type PortMatrix } from './map-model.js';
import { renderMapSvg } from './svg.js';

export interface RenderedMap {
    model: MapModel;
    layout: MapLayout;
    svg: string;
}

export interface MapOptions {
    locale?: 'en' | 'ja';
    declarations?: ReadonlyMap<string, MapPosition>;
}

/** Model, layout and SVG of a resolved topology and its rules: the renderer the command line and the webview share. */
export async function renderMap(topology: ResolvedTopology, rules: RuleSet, options: MapOptions = {}): Promise<RenderedMap> {
    const model = buildMapModel(topology, rules, options);
    const layout = await layoutMap(model);
    return { model, layout, svg: renderMapSvg(model, layout, options.locale === 'ja' ? { title: `トポロジ ${model.topology} のマップ` } : {}) };
}

export type DocumentMapOutcome =
    | (RenderedMap & { ok: true; rules: RuleSet; matrix: PortMatrix; ruleInfo: MapRuleInfo[] })
    | { ok: false; errors: Diagnostic[] };

/**
 * The map of a validated topology document. A topology with errors is refused, on the
 * same terms as the rule export: its rules, and so its flows, would be wrong.
 */
export async function renderDocumentMap(document: LangiumDocument<Topology>, options: { locale?: 'en' | 'ja' } = {}): Promise<DocumentMapOutcome> {
    const outcome = exportDocument(document, [], { sourceFile: '' });
    if (!outcome.ok) return { ok: false, errors: outcome.errors };
    const topology = resolveTopology(document.parseResult.value);
    const rendered = await renderMap(topology, outcome.rules, { ...options, declarations: declarationIndex(document.parseResult.value) });
    return {
        ok: true,
        ...rendered,
        rules: outcome.rules,
        matrix: buildPortMatrix(topology, outcome.rules, rendered.model),
        ruleInfo: describeRules(outcome.rules, options.locale),
    };
}
