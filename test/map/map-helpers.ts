import { join } from 'node:path';
import { resolveTopology, type ResolvedTopology } from '../../server/src/model/resolved-topology.js';
import { buildRuleSet } from '../../server/src/rules/rule-model.js';
import type { RuleSet } from '../../server/src/rules/rule.js';
import { declarationIndex } from '../../server/src/map/declarations.js';
import type { MapPosition } from '../../server/src/map/map-model.js';
import { check, readRepoFile, repoRoot } from '../helpers.js';

export const EXAMPLES = ['branch', 'contoso', 'multisite', 'perimeter'] as const;

export interface Example {
    text: string;
    topology: ResolvedTopology;
    rules: RuleSet;
    declarations: Map<string, MapPosition>;
}

/** An example topology, checked (it must have no errors), resolved, with its rules. */
export async function loadExample(name: string): Promise<Example> {
    const text = readRepoFile(`examples/${name}.sfbtopo`);
    return loadTopology(text, join(repoRoot, `examples/${name}.sfbtopo`));
}

export async function loadTopology(text: string, path = '/virtual/map.sfbtopo'): Promise<Example> {
    const { document, diagnostics } = await check(text, path);
    const errors = diagnostics.filter((d) => d.severity === 1);
    if (errors.length > 0) throw new Error(`the topology has errors: ${errors.map((e) => e.message).join('; ')}`);
    const topology = resolveTopology(document.parseResult.value);
    return { text, topology, rules: buildRuleSet(topology), declarations: declarationIndex(document.parseResult.value) };
}

/**
 * A small XML well-formedness check, enough for generated SVG: tags balance and nest,
 * attributes are quoted and unique, entities are the five predefined ones or numeric,
 * and no raw `<` or `&` is left in text. Returns the problems found (none: well formed).
 */
export function xmlProblems(xml: string): string[] {
    const problems: string[] = [];
    const stack: string[] = [];
    let roots = 0;
    const name = '[A-Za-z_][\\w.:-]*';
    const token = new RegExp(`<\\?[^?]*\\?>|<!--[\\s\\S]*?-->|<(/?)(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>|<|&(?!(?:amp|lt|gt|quot|apos|#\\d+|#x[0-9a-fA-F]+);)`, 'g');
    const checkEntities = (text: string, where: string) => {
        if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) problems.push(`bad entity in ${where}`);
    };
    for (const match of xml.matchAll(token)) {
        const [whole, closing, tag, attributes, selfClosing] = match;
        if (whole === '<') {
            problems.push(`stray '<' at ${match.index}`);
            continue;
        }
        if (whole.startsWith('&')) {
            problems.push(`stray '&' at ${match.index}`);
            continue;
        }
        if (!tag) continue; // declaration or comment
        if (closing) {
            const open = stack.pop();
            if (open !== tag) problems.push(`</${tag}> closes <${open ?? 'nothing'}> at ${match.index}`);
            continue;
        }
        if (stack.length === 0) roots++;
        const seen = new Set<string>();
        for (const attribute of (attributes ?? '').matchAll(new RegExp(`(${name})\\s*=\\s*("[^"]*"|'[^']*')`, 'g'))) {
            if (seen.has(attribute[1])) problems.push(`<${tag}> repeats ${attribute[1]}`);
            seen.add(attribute[1]);
            checkEntities(attribute[2], `<${tag} ${attribute[1]}>`);
        }
        if (!selfClosing) stack.push(tag);
    }
    if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
    if (roots !== 1) problems.push(`${roots} root elements`);
    return problems;
}
