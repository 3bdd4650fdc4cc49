import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
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

    // Infos only: Edge pools that take their site's next hop, reverse proxies without an Internet side.
    const expectedInfos: Record<string, string[]> = {
        'branch.sfbtopo': ['24: implicit-nexthop lis-edge', '35: reverse-proxy-without-external lis-rp'],
        'contoso.sfbtopo': ['42: implicit-nexthop edge01', '58: reverse-proxy-without-external rp01'],
        'multisite.sfbtopo': [
            '55: implicit-nexthop osk-edge',
            '73: reverse-proxy-without-external osk-rp',
            '112: implicit-nexthop syd-edge',
            '123: reverse-proxy-without-external syd-rp',
        ],
        'perimeter.sfbtopo': [],
    };

    it.each(examples)('%s parses and validates with no errors or warnings, and only the expected infos', async (name) => {
        const text = readRepoFile(`examples/${name}`);
        const { diagnostics } = await check(text, `${repoRoot}/examples/${name}`);
        const lines = text.split('\n');
        expect(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.severity === DiagnosticSeverity.Information ? '' : 'NOT INFO '}${String(d.code)} ${lines[d.range.start.line].slice(d.range.start.character, d.range.end.character)}`)).toEqual(expectedInfos[name] ?? []);
    });
});
