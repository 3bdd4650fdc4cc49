import { describe, expect, it } from 'vitest';
import { generateTopology, toSfbtopo } from '../../bench/generate.js';
import { resolveTopology } from '../../server/src/model/resolved-topology.js';
import { buildRuleSet } from '../../server/src/rules/rule-model.js';
import { check, problemsOf, readRepoFile } from '../helpers.js';

// A rule's id is what a diff pairs rules by and what a firewall team refers to: two rules
// of one set with the same id would be paired with the wrong rule after any edit.

async function ruleIds(text: string): Promise<string[]> {
    const { document, diagnostics } = await check(text);
    expect(problemsOf(diagnostics)).toEqual([]);
    const rules = buildRuleSet(resolveTopology(document.parseResult.value));
    return [...rules.firewall, ...rules.ipsec].map((rule) => rule.id);
}

const repeated = (ids: string[]) => [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];

describe('rule ids', () => {
    it.each(['contoso', 'branch', 'multisite', 'perimeter'])('are unique in the rules of %s', async (example) => {
        expect(repeated(await ruleIds(readRepoFile(`examples/${example}.sfbtopo`)))).toEqual([]);
    });

    it('are unique with several pools of each role per site sharing its file share and gateways', async () => {
        const ids = await ruleIds(toSfbtopo(generateTopology(120)));
        expect(ids.length).toBeGreaterThan(2000);
        expect(repeated(ids)).toEqual([]);
    });
});
