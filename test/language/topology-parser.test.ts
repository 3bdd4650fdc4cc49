import fc from 'fast-check';
import { createLangiumParser, CstUtils, EmptyFileSystem, isLeafCstNode } from 'langium';
import { Range } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../server/src/language/generated/ast.js';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.js';
import { fuzzInput, SEEDS } from '../fuzz/inputs.js';
import { readRepoFile } from '../helpers.js';
import { dump } from './parse-dump.js';

const services = createSfbtopoServices(EmptyFileSystem).sfbtopo;
const ours = services.parser.LangiumParser;
// Langium's parser as it comes, with its own CST builder: what ours must agree with.
const langiums = createLangiumParser(services);

const isRange = (value: unknown) => Range.is(value);

/** Both parses, node by node: places (offsets, lines and columns), comments, errors and the AST. */
function expectSameParse(text: string): void {
    expect(dump(ours.parse<Topology>(text))).toEqual(dump(langiums.parse<Topology>(text)));
}

describe("the topology parser (Langium's, with ranges on demand and fewer allocations)", () => {
    it('builds what Langium builds for the examples, with Windows and old Mac line ends too', () => {
        for (const name of ['contoso', 'multisite']) {
            const text = readRepoFile(`examples/${name}.sfbtopo`);
            expectSameParse(text);
            expectSameParse(text.replace(/\n/g, '\r\n'));
            expectSameParse(text.replace(/\n/g, '\r'));
        }
    });

    it('builds what Langium builds for comments in every place, including the first and last token', () => {
        const seed = readRepoFile('examples/multisite.sfbtopo');
        const comments = ['// a', '/* b */', '/* c\r\nd */', '/**/'];
        fc.assert(
            fc.property(fc.constantFrom(...comments), fc.nat(seed.length), (comment, at) => {
                expectSameParse(`${seed.slice(0, at)}\n${comment}\n${seed.slice(at)}`);
            }),
            { seed: 20_261_128, numRuns: 80 },
        );
        expectSameParse(`/* first */${seed}// last`);
    }, 120_000);

    it('builds what Langium builds for any input of the fuzzer, broken ones included', () => {
        fc.assert(
            fc.property(fuzzInput, (text) => expectSameParse(text)),
            { seed: 20_261_128, numRuns: 400 },
        );
        for (const seed of SEEDS) expectSameParse(seed);
    }, 120_000);

    it("works out a leaf's range when asked, from the text of its root, and keeps none", () => {
        const text = readRepoFile('examples/contoso.sfbtopo');
        const result = ours.parse<Topology>(text);
        const leaves = CstUtils.streamCst(result.value.$cstNode!).filter(isLeafCstNode).toArray();
        const last = leaves.at(-1)!;
        const lines = text.slice(0, last.offset).split('\n');
        expect(last.range.start).toEqual({ line: lines.length - 1, character: lines.at(-1)!.length });
        expect(last.range).toEqual(last.range);
        expect(last.range).not.toBe(last.range);
        expect(leaves.every((leaf) => Object.values(leaf).every((value) => !isRange(value)))).toBe(true);
    });
});
