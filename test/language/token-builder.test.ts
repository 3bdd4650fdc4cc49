import { DefaultTokenBuilder, EmptyFileSystem } from 'langium';
import type { TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { TopologyTokenBuilder } from '../../server/src/language/parser/token-builder.js';
import { createSfbtopoCoreServices } from '../../server/src/language/sfbtopo-core-module.js';

const { sfbtopo } = createSfbtopoCoreServices(EmptyFileSystem);

/** A token as the lexer reads it: name, pattern, group and the tokens that may continue it. */
const described = (tokens: TokenType[]) =>
    tokens.map((token) => ({ name: token.name, pattern: String(token.PATTERN), group: token.GROUP, longerAlt: [token.LONGER_ALT ?? []].flat().map((alt) => alt.name) }));

describe('the token builder', () => {
    it("builds Langium's tokens for the grammar, keywords with the terminals that may continue them", () => {
        const ours = new TopologyTokenBuilder().buildTokens(sfbtopo.Grammar) as TokenType[];
        expect(described(ours)).toEqual(described(new DefaultTokenBuilder().buildTokens(sfbtopo.Grammar) as TokenType[]));
        // A keyword an identifier may continue (`sitename`), and one nothing continues.
        expect(described(ours).find((token) => token.name === 'site')?.longerAlt).toEqual(['ID']);
        expect(described(ours).find((token) => token.name === '{')?.longerAlt).toEqual([]);
    });
});
