import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Topology } from '../language/generated/ast.js';
import { resolveTopology } from '../model/resolved-topology.js';
import { buildRuleSet } from '../rules/rule-model.js';
import type { RuleSet } from '../rules/rule.js';
import type { ExportContext, ExportFile } from './export-file.js';
import { RENDERERS } from './format-renderers.js';
import type { ExportFormat } from './formats.js';

export type ExportOutcome = { ok: true; rules: RuleSet; files: ExportFile[] } | { ok: false; errors: Diagnostic[] };

/**
 * Renders a validated topology document in the given formats. A topology with
 * errors is refused: its rules would open the wrong ports.
 */
export function exportDocument(document: LangiumDocument<Topology>, formats: readonly ExportFormat[], context: ExportContext): ExportOutcome {
    const errors = (document.diagnostics ?? []).filter((d) => d.severity === DiagnosticSeverity.Error);
    if (errors.length > 0 || document.parseResult.parserErrors.length > 0 || document.parseResult.lexerErrors.length > 0) {
        return { ok: false, errors };
    }
    const rules = buildRuleSet(resolveTopology(document.parseResult.value));
    return { ok: true, rules, files: formats.flatMap((format) => RENDERERS[format](rules, context)) };
}
