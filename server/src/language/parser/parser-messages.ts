import { LangiumParserErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';

/** Terminals as an administrator would name them. */
const TERMINAL_WORDS: Record<string, string> = {
    ID: 'a name',
    ADDRESS: 'an IPv4 address or CIDR',
    INT: 'a port number',
    STRING: 'a quoted FQDN',
    EOF: 'the end of the file',
};

/**
 * Parser messages that say what may come next in the language's own words. Keywords
 * double as names, so wherever a name may stand only "a name" is listed, not every keyword.
 */
export class TopologyParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken }): string {
        return expecting([options.expected], options.actual);
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string {
        return expecting(firstTokens(options.expectedPathsPerAlt.flat()), options.actual[0]);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        return expecting(firstTokens(options.expectedIterationPaths), options.actual[0]);
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        return `Expected the end of the topology but found ${found(options.firstRedundant)}: a file holds one topology, and everything in it sits inside a site { … }.`;
    }
}

function firstTokens(paths: TokenType[][]): TokenType[] {
    return paths.map((path) => path[0]).filter((token): token is TokenType => token !== undefined);
}

function expecting(expected: TokenType[], actual: IToken | undefined): string {
    const names = [...new Set(expected.map((token) => token.name.replace(/:KW$/, '')))];
    const words = names.includes('ID')
        ? [TERMINAL_WORDS.ID, ...names.filter((name) => name in TERMINAL_WORDS && name !== 'ID').map((name) => TERMINAL_WORDS[name])]
        : names.map((name) => TERMINAL_WORDS[name] ?? `'${name}'`);
    return `Expected ${listWords(words)} but found ${found(actual)}.`;
}

function listWords(words: string[]): string {
    return words.length <= 1 ? (words[0] ?? 'something else') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

function found(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') {
        return TERMINAL_WORDS.EOF;
    }
    return `'${token.image}'`;
}
