import { EmptyFileSystem } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';

// The client waits for the answer to `initialize` before anything else; the lexer and the
// parsers are built at the first parse, which the workspace scan starts right after it.
describe("the language server's answer to initialize", () => {
    it('announces completion without building the lexer, which the first parse then builds once', async () => {
        const { shared, sfbtopo } = createSfbtopoServices(EmptyFileSystem);
        const buildTokens = vi.spyOn(sfbtopo.parser.TokenBuilder, 'buildTokens');
        const answer = await shared.lsp.LanguageServer.initialize({ processId: null, rootUri: null, capabilities: {} });
        expect(answer.capabilities.completionProvider).toBeDefined();
        expect(buildTokens).not.toHaveBeenCalled();
        expect(sfbtopo.parser.LangiumParser.parse('topology T site S { }').parserErrors).toEqual([]);
        expect(sfbtopo.parser.Lexer.tokenize('topology T').tokens.map((token) => token.image)).toEqual(['topology', 'T']);
        expect(buildTokens).toHaveBeenCalledTimes(1);
    });
});
