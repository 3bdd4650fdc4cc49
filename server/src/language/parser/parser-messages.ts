import { LangiumParserErrorMessageProvider } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import type { Bilingual, LocaleSetting } from '../l10n/locale.js';

/** Terminals as an administrator would name them. */
const TERMINAL_WORDS: Record<string, Bilingual> = {
    ID: { en: 'a name', ja: '名前' },
    ADDRESS: { en: 'an IPv4 address or CIDR', ja: 'IPv4 アドレスまたは CIDR' },
    INT: { en: 'a port number', ja: 'ポート番号' },
    STRING: { en: 'a quoted FQDN', ja: '引用符で囲んだ FQDN' },
    EOF: { en: 'the end of the file', ja: 'ファイルの終わり' },
};

/**
 * Parser messages that say what may come next in the language's own words. Keywords
 * double as names, so wherever a name may stand only "a name" is listed, not every keyword.
 */
export class TopologyParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    constructor(private readonly locale: LocaleSetting) {
        super();
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken }): string {
        return this.expecting([options.expected], options.actual);
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string {
        return this.expecting(firstTokens(options.expectedPathsPerAlt.flat()), options.actual[0]);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        return this.expecting(firstTokens(options.expectedIterationPaths), options.actual[0]);
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken }): string {
        const found = this.found(options.firstRedundant);
        return this.locale.pick({
            en: `Expected the end of the topology but found ${found}: a file holds one topology, and everything in it sits inside a site { … }.`,
            ja: `トポロジの終わりが必要ですが、${found} があります。1 つのファイルには 1 つのトポロジを書き、その中身はすべて site { … } の中に置きます。`,
        });
    }

    private expecting(expected: TokenType[], actual: IToken | undefined): string {
        const names = [...new Set(expected.map((token) => token.name.replace(/:KW$/, '')))];
        const words = names.includes('ID')
            ? [TERMINAL_WORDS.ID, ...names.filter((name) => name in TERMINAL_WORDS && name !== 'ID').map((name) => TERMINAL_WORDS[name])]
            : names.map((name) => TERMINAL_WORDS[name] ?? { en: `'${name}'`, ja: `'${name}'` });
        const list = this.locale.current === 'ja' ? words.map((w) => w.ja).join('、') : listWords(words.map((w) => w.en));
        const found = this.found(actual);
        return this.locale.pick({ en: `Expected ${list} but found ${found}.`, ja: `${list}が必要ですが、${found} があります。` });
    }

    private found(token: IToken | undefined): string {
        return !token || token.tokenType?.name === 'EOF' ? this.locale.pick(TERMINAL_WORDS.EOF) : `'${token.image}'`;
    }
}

function firstTokens(paths: TokenType[][]): TokenType[] {
    return paths.map((path) => path[0]).filter((token): token is TokenType => token !== undefined);
}

function listWords(words: string[]): string {
    return words.length <= 1 ? (words[0] ?? 'something else') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
