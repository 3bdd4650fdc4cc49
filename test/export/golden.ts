// Golden files: test/export/golden/<example>/<file> is the expected export of
// examples/<example>.sfbtopo, byte for byte. After an intended change to the output,
// regenerate with `UPDATE_GOLDEN=1 npx vitest run test/export` and review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expect } from 'vitest';
import { resolveTopology } from '../../server/src/model/resolved-topology.js';
import { buildRuleSet } from '../../server/src/rules/rule-model.js';
import type { RuleSet } from '../../server/src/rules/rule.js';
import { check, readRepoFile, repoRoot } from '../helpers.js';

/** The rule set of one bundled example. */
export async function ruleSetOf(example: string): Promise<RuleSet> {
    const { document } = await check(readRepoFile(`examples/${example}`), `/examples/${example}`);
    return buildRuleSet(resolveTopology(document.parseResult.value));
}

export function expectGolden(example: string, name: string, content: string): void {
    const folder = join(repoRoot, 'test/export/golden', basename(example, '.sfbtopo'));
    const path = join(folder, name);
    if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(folder, { recursive: true });
        writeFileSync(path, content);
    }
    expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(content).toBe(readFileSync(path, 'utf8'));
}
