import type { Diagnostic } from 'vscode-languageserver-types';
import type { SfbtopoCoreServices } from '../language/sfbtopo-core-module.js';
import { exportDocument } from '../export/export-topology.js';
import type { RuleSet } from '../rules/rule.js';
import { checkTopologies } from '../workspace/topology-documents.js';

/** A side of a comparison: its rules, or, for a topology with errors, what was found in it. */
export type SideRules = { ok: true; rules: RuleSet } | { ok: false; diagnostics: Diagnostic[] };

/**
 * The rules of a topology text, checked on its own (a fresh workspace unless services are
 * given). A topology with errors has no rules to compare: its rules would be wrong.
 */
export async function topologyRules(path: string, text: string, services?: SfbtopoCoreServices): Promise<SideRules> {
    const [checked] = await checkTopologies([{ path, text }], services);
    const outcome = exportDocument(checked.document, [], { sourceFile: path });
    return outcome.ok ? { ok: true, rules: outcome.rules } : { ok: false, diagnostics: checked.diagnostics };
}
