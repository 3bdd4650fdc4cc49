import fc from 'fast-check';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Topology } from '../../server/src/language/generated/ast.js';
import { reparseEditedSite } from '../../server/src/language/parser/site-reparse.js';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.js';
import { fraction, mutation, SEEDS, type Mutation } from '../fuzz/inputs.js';
import { readRepoFile } from '../helpers.js';
import { dump } from './parse-dump.js';

/**
 * Edits as a user makes them, which mostly keep a topology parsable (the short way is only
 * for those): whole lines deleted, duplicated or commented, digits and letters changed
 * inside values, blank lines and spaces; and, less often, any mutation of the fuzzer.
 */
// Without bias: fast-check favours small numbers, which would put most edits in the header.
const anywhere = fc.noBias(fraction);
const typing: fc.Arbitrary<Mutation> = fc.tuple(anywhere, fc.constantFrom('7', 'q', ' ', '\n', '\r\n', '// note\n', '/* a\nb */')).map(
    ([f, typed]) => (text: string) => {
        // Next to a digit or a letter inside a value, or anywhere for white space and comments.
        const inside = /^[\s/]/.test(typed) ? /[\s]/g : /[0-9a-z](?=[0-9a-z])/g;
        const places = [...text.matchAll(inside)].map((m) => m.index! + 1);
        const at = places[Math.floor(f * places.length)] ?? 0;
        return text.slice(0, at) + typed + text.slice(at);
    },
);
const editorEdit = fc.oneof({ weight: 3, arbitrary: typing }, { weight: 2, arbitrary: mutation(anywhere) });

const parser = createSfbtopoServices(EmptyFileSystem).sfbtopo.parser.LangiumParser;
const parse = (text: string) => parser.parse<Topology>(text);

describe('reparsing only the edited site', () => {
    it('gives exactly what a full parse gives, edit after edit, whenever it takes the short way', () => {
        const seeds = [...SEEDS, readRepoFile('examples/multisite.sfbtopo'), readRepoFile('examples/contoso.sfbtopo').replace(/\n/g, '\r\n')];
        let reparsed = 0;
        let fullParses = 0;
        fc.assert(
            fc.property(fc.constantFrom(...seeds), fc.array(editorEdit, { minLength: 1, maxLength: 8 }), (seed, edits) => {
                let current = parse(seed);
                let text = seed;
                for (const edit of edits) {
                    text = edit(text);
                    const expected = dump(parse(text));
                    const short = reparseEditedSite(parser, current, text);
                    if (short) {
                        reparsed++;
                        expect(dump(short)).toEqual(expected);
                        current = short;
                    } else {
                        fullParses++;
                        current = parse(text);
                    }
                }
            }),
            { seed: 20_261_128, numRuns: 150 },
        );
        // The property says nothing if the short way is never taken.
        expect(reparsed).toBeGreaterThan(100);
        expect(fullParses).toBeGreaterThan(0);
    }, 120_000);

    it('gives exactly what a full parse gives while a statement is typed one character at a time', () => {
        const seeds = [...SEEDS, readRepoFile('examples/multisite.sfbtopo')];
        const statements = ['\n    server zz9 10.99.0.9', '\n    media audio 50020-50039', '\n  gateway gz 10.99.0.8', '\n    port sip-tls 5100', '\n  subnet sz 10.99.0.0/16'];
        let afterErrors = 0;
        fc.assert(
            fc.property(fc.constantFrom(...seeds), fc.constantFrom(...statements), anywhere, (seed, statement, f) => {
                // At the end of a line inside the file, mostly inside a site or a pool.
                const ends = [...seed.matchAll(/\n/g)].map((m) => m.index!);
                const at = ends[Math.floor(f * ends.length)];
                let current = parse(seed);
                for (let typed = 1; typed <= statement.length; typed++) {
                    const text = seed.slice(0, at) + statement.slice(0, typed) + seed.slice(at);
                    const expected = parse(text);
                    const short = reparseEditedSite(parser, current, text);
                    if (short) {
                        if (current.parserErrors.length + current.lexerErrors.length > 0) afterErrors++;
                        expect(dump(short)).toEqual(dump(expected));
                    }
                    current = short ?? expected;
                }
            }),
            { seed: 20_261_128, numRuns: 60 },
        );
        // Finishing a statement after its half-typed states had errors takes the short way.
        expect(afterErrors).toBeGreaterThan(10);
    }, 120_000);

    it('reparses a typed character inside a site and leaves the other sites as they were', () => {
        const text = readRepoFile('examples/multisite.sfbtopo');
        const before = parse(text);
        const [first, second] = before.value.sites;
        const at = second.$cstNode!.offset + second.$cstNode!.text.indexOf('{') + 1;
        const after = reparseEditedSite(parser, before, `${text.slice(0, at)}\n  // typed\n${text.slice(at)}`)!;
        expect(after).toBeDefined();
        expect(after.value).not.toBe(before.value);
        expect(after.value.sites[0]).toBe(first);
        expect(after.value.sites[1]).not.toBe(second);
        expect(first.$container).toBe(after.value);
    });

    it('parses everything again for an edit between sites, an error, or a previous parse with errors elsewhere', () => {
        const text = readRepoFile('examples/multisite.sfbtopo');
        const clean = parse(text);
        const between = clean.value.sites[1].$cstNode!.offset;
        expect(reparseEditedSite(parser, clean, `${text.slice(0, between)}// x\n${text.slice(between)}`)).toBeUndefined();
        const inside = clean.value.sites[0].$cstNode!.offset + 6;
        expect(reparseEditedSite(parser, clean, `${text.slice(0, inside)} { ${text.slice(inside)}`)).toBeUndefined();
        // A stray word in a pool of the first site: an error there only.
        const stray = text.indexOf('fqdn');
        const broken = `${text.slice(0, stray)}zz ${text.slice(stray)}`;
        expect(parse(broken).parserErrors.length).toBeGreaterThan(0);
        const inSecond = clean.value.sites[1].$cstNode!.offset + 'zz '.length + 6;
        expect(reparseEditedSite(parser, parse(broken), `${broken.slice(0, inSecond)}x${broken.slice(inSecond)}`)).toBeUndefined();
        // Taking the word out again reparses the first site alone.
        expect(dump(reparseEditedSite(parser, parse(broken), text)!)).toEqual(dump(clean));
        expect(reparseEditedSite(parser, clean, text)).toBeUndefined();
    });
});
