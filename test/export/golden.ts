// Golden files: test/export/golden/<example>/<file> is the expected export of
// examples/<example>.sfbtopo, byte for byte. After an intended change to the output,
// regenerate with `UPDATE_GOLDEN=1 npx vitest run test/export` and review the diff.
import { basename, join } from 'node:path';
import { resolveTopology } from '../../server/src/model/resolved-topology.js';
import { buildRuleSet } from '../../server/src/rules/rule-model.js';
import type { RuleSet } from '../../server/src/rules/rule.js';
import { check, expectGoldenFile, readRepoFile, repoRoot } from '../helpers.js';

/** The rule set of one bundled example. */
export async function ruleSetOf(example: string): Promise<RuleSet> {
    const { document } = await check(readRepoFile(`examples/${example}`), `/examples/${example}`);
    return buildRuleSet(resolveTopology(document.parseResult.value));
}

export function expectGolden(example: string, name: string, content: string): void {
    expectGoldenFile(join(repoRoot, 'test/export/golden', basename(example, '.sfbtopo'), name), content);
}
