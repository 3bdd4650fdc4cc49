// The language reference (docs/language.md) must keep up with the grammar and the checks:
// every keyword the grammar accepts and every stable diagnostic code appears on the page.
import { describe, expect, it } from 'vitest';
import { IssueCodes } from '../../server/src/language/validation/issue-codes.js';
import { readRepoFile } from '../helpers.js';

const reference = readRepoFile('docs/language.md');
const grammar = readRepoFile('server/src/language/sfbtopo.langium');
/** The words inside `code spans` and fenced examples of the page. */
const fences = [...reference.matchAll(/^```\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
const spans = [...reference.replace(/^```\n[\s\S]*?^```$/gm, '').matchAll(/`([^`\n]+)`/g)].map((match) => match[1]);
const documented = new Set([...fences, ...spans].flatMap((code) => code.split(/[^A-Za-z0-9-]+/)));

describe('docs/language.md', () => {
    const keywords = [...new Set([...grammar.replace(/\/\/[^\n]*/g, '').matchAll(/'([a-z]+)'/g)].map((match) => match[1]))].sort();

    it('finds the grammar keywords (the test reads them right)', () => {
        expect(keywords).toEqual(expect.arrayContaining(['topology', 'site', 'nexthop', 'federation', 'xmpp', 'access', 'webconf', 'av', 'nat', 'vip']));
    });

    it.each(keywords)('documents the keyword %s in code', (keyword) => {
        expect(documented.has(keyword)).toBe(true);
    });

    it.each(Object.values(IssueCodes))('documents the diagnostic code %s', (code) => {
        expect(reference).toContain(`\`${code}\``);
    });
});
