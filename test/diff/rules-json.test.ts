import { describe, expect, it } from 'vitest';
import { readRulesJson } from '../../server/src/diff/rules-json.js';
import { diffRuleSets } from '../../server/src/diff/rule-diff.js';
import { exportDocument } from '../../server/src/export/export-topology.js';
import { check } from '../helpers.js';
import { CHANGES, CONTOSO, rulesOf } from './pairs.js';

async function exportedJson(text: string): Promise<string> {
    const { document } = await check(text, '/virtual/contoso.sfbtopo');
    const outcome = exportDocument(document, ['json'], { sourceFile: 'contoso.sfbtopo' });
    if (!outcome.ok) throw new Error('must export');
    return outcome.files[0].content;
}

describe('rules.json as the old side of a diff', () => {
    it('reads back an export so that it diffs like the topology it came from', async () => {
        const read = readRulesJson(await exportedJson(CONTOSO));
        expect(read.ok).toBe(true);
        if (!read.ok) return;
        expect(diffRuleSets(read.rules, await rulesOf(CONTOSO)).changes).toEqual([]);
        const fromExport = diffRuleSets(read.rules, await rulesOf(CHANGES['server removed']));
        const fromTopology = diffRuleSets(await rulesOf(CONTOSO), await rulesOf(CHANGES['server removed']));
        const ids = (d: typeof fromExport) => d.changes.map((c) => `${c.change} ${'rule' in c ? c.rule.id : c.after.id}`);
        expect(ids(fromExport)).toEqual(ids(fromTopology));
        expect(ids(fromExport).length).toBeGreaterThan(0);
    });

    it.each([
        ['{', /^is not JSON/],
        ['[]', /needs "topology", "firewall" and "ipsec"/],
        ['{"topology":"T","firewall":[{"id":"a"}],"ipsec":[]}', /no text "site" in the rule at firewall\[0\]/],
        ['{"topology":"T","firewall":[],"ipsec":[{"id":"a","site":"S","source":5,"destination":"any","transport":"TCP","ports":"1","direction":"any"}]}', /"source" that is neither/],
        ['{"topology":"T","firewall":[{"id":"a","site":"S","source":"any","destination":"any","transport":"SCTP","ports":"1","direction":"any"}],"ipsec":[]}', /"transport" "SCTP"/],
    ])('refuses %s with what is wrong', (text, message) => {
        const read = readRulesJson(text);
        expect(read.ok).toBe(false);
        if (!read.ok) expect(read.message).toMatch(message);
    });
});
