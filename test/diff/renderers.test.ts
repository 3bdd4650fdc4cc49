import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeRequest } from '../../server/src/diff/change-request.js';
import { renderDiffCsv } from '../../server/src/diff/renderers/csv.js';
import { renderDiffJson } from '../../server/src/diff/renderers/json.js';
import { renderDiffMarkdown } from '../../server/src/diff/renderers/markdown.js';
import { renderDiffText } from '../../server/src/diff/renderers/text.js';
import { diffRuleSets, type RuleDiff } from '../../server/src/diff/rule-diff.js';
import { parseCsv } from '../export/rfc4180.js';
import { expectGoldenFile, repoRoot } from '../helpers.js';
import { CONTOSO, CONTOSO_CHANGED, PERIMETER, PERIMETER_CHANGED, rulesOf } from './pairs.js';

// Golden files in test/diff/golden; regenerate with `UPDATE_GOLDEN=1 npx vitest run test/diff` and read the diff.
function expectGolden(name: string, content: string): void {
    expectGoldenFile(join(repoRoot, 'test/diff/golden', name), content);
}

const sides = { before: 'contoso-old.sfbtopo', after: 'contoso.sfbtopo' };

async function contosoDiff(): Promise<RuleDiff> {
    return diffRuleSets(await rulesOf(CONTOSO), await rulesOf(CONTOSO_CHANGED));
}

describe('diff renderers', () => {
    it('text: +/-/~/= lines per group, plain without a terminal', async () => {
        const text = renderDiffText(await contosoDiff(), sides, { locale: 'en', colour: false });
        expect(text).not.toContain('\u001b');
        expectGolden('contoso.txt', text);
    });

    it('text: coloured on a terminal, the same text once the colours are taken out', async () => {
        const diff = await contosoDiff();
        const coloured = renderDiffText(diff, sides, { locale: 'en', colour: true });
        expect(coloured).toMatch(/\u001b\[32m\+ /);
        expect(coloured).toMatch(/\u001b\[31m- /);
        expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(renderDiffText(diff, sides, { locale: 'en', colour: false }));
    });

    it('text in Japanese', async () => {
        expectGolden('contoso.ja.txt', renderDiffText(await contosoDiff(), sides, { locale: 'ja', colour: false }));
    });

    it('markdown: a change request with the counts and a table per group', async () => {
        const markdown = renderDiffMarkdown(changeRequest(await contosoDiff(), sides, 'en'));
        expectGolden('contoso.md', markdown);
        // Every table row has as many cells as its header (no unescaped pipe broke one).
        for (const table of markdown.split('\n\n').filter((block) => block.startsWith('| '))) {
            const counts = table.trimEnd().split('\n').map((row) => row.split(/(?<!\\)\|/).length);
            expect(new Set(counts).size).toBe(1);
        }
    });

    it('markdown for the perimeter: grouped by firewall', async () => {
        const diff = diffRuleSets(await rulesOf(PERIMETER, '/virtual/perimeter.sfbtopo'), await rulesOf(PERIMETER_CHANGED, '/virtual/perimeter.sfbtopo'));
        const markdown = renderDiffMarkdown(changeRequest(diff, { before: 'perimeter-old.sfbtopo', after: 'perimeter.sfbtopo' }, 'en'));
        expect(markdown).toContain('## Perimeter firewall, Internet side · Amsterdam · ams-edge2');
        expect(markdown).toContain('## Perimeter firewall, internal side · Amsterdam · ams-edge2');
        expectGolden('perimeter.md', markdown);
    });

    it('markdown in Japanese', async () => {
        expectGolden('contoso.ja.md', renderDiffMarkdown(changeRequest(await contosoDiff(), sides, 'ja')));
    });

    it('markdown says so when nothing changed', async () => {
        const same = diffRuleSets(await rulesOf(CONTOSO), await rulesOf(CONTOSO));
        expect(renderDiffMarkdown(changeRequest(same, sides, 'en'))).toContain('No rule changes: the firewalls need no change.');
    });

    it('csv: UTF-8 with BOM, the export\'s columns after change and before, one record per change', async () => {
        const diff = await contosoDiff();
        const csv = renderDiffCsv(diff);
        expect(csv.startsWith('\uFEFFchange,before,site,rule,source,destination,transport,ports,direction,service,role,purpose,table,purpose_ja,source_ports,firewall,nat\r\n')).toBe(true);
        const records = parseCsv(csv.slice(1));
        expect(records).toHaveLength(diff.changes.length + 1);
        expect(new Set(records.slice(1).map((r) => r[0]))).toEqual(new Set(['added', 'removed', 'changed', 'renamed']));
        expectGolden('contoso.csv', csv);
    });

    it('json: added, removed, changed (before and after), renamed', async () => {
        const diff = await contosoDiff();
        const json = JSON.parse(renderDiffJson(diff));
        expect(Object.keys(json)).toEqual(['topology', 'added', 'removed', 'changed', 'renamed']);
        expect(json.added.length + json.removed.length + json.changed.length + json.renamed.length).toBe(diff.changes.length);
        expect(json.changed[0]).toMatchObject({ before: { id: expect.any(String) }, after: { id: expect.any(String) }, fields: expect.any(Array) });
        expectGolden('contoso.json', renderDiffJson(diff));
    });
});
