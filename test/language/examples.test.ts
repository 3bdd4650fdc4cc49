import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, readRepoFile, repoRoot } from '../helpers.js';

const examples = readdirSync(`${repoRoot}/examples`).filter((name) => name.endsWith('.sfbtopo'));

describe('bundled examples', () => {
    it('include the spec reference example, a branch and a multi-site deployment', () => {
        expect(examples).toEqual(expect.arrayContaining(['contoso.sfbtopo', 'branch.sfbtopo', 'multisite.sfbtopo']));
    });

    it('keep examples/contoso.sfbtopo identical to the reference example in the spec', () => {
        // The contract sits beside the repository, in ../shared, on developer machines and in CI.
        const spec = readRepoFile('../shared/spec/sfbtopo.md');
        const block = /```\n(\/\/ contoso\.sfbtopo\n[\s\S]*?)```/.exec(spec)?.[1];
        expect(block).toBeDefined();
        expect(readRepoFile('examples/contoso.sfbtopo')).toBe(block);
    });

    it.each(examples)('%s parses and validates with no diagnostics at all', async (name) => {
        const { diagnostics } = await check(readRepoFile(`examples/${name}`), `${repoRoot}/examples/${name}`);
        expect(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    });
});
