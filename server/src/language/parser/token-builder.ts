import { DefaultTokenBuilder, RegExpUtils, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';

/**
 * Langium's token builder, except that each terminal's partial pattern is made once.
 * To find the terminals a keyword could be the start of (an identifier that begins with
 * `site`), Langium makes it again for every keyword and terminal: some 300 regular
 * expressions at every start, 2 ms of `sfbtopo validate`.
 */
export class TopologyTokenBuilder extends DefaultTokenBuilder {
    private readonly partials = new Map<TokenType, RegExp | undefined>();

    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        return terminalTokens.filter((token) => {
            const partial = this.partialPattern(token);
            const match = partial && keyword.value.match(partial);
            return !!match && match[0].length > 0;
        });
    }

    private partialPattern(token: TokenType): RegExp | undefined {
        if (!this.partials.has(token)) {
            const source = (token.PATTERN as { source?: string } | undefined)?.source;
            this.partials.set(token, source ? RegExpUtils.partialRegExp(`^${source}$`) : undefined);
        }
        return this.partials.get(token);
    }
}
