import {
    createCompletionParser,
    createLangiumParser,
    CstNodeBuilder,
    DefaultLexer,
    type CompositeCstNode,
    type LangiumCompletionParser,
    type LangiumCoreServices,
    type LangiumParser,
    type LeafCstNode,
    type Lexer,
    type ParserOptions,
    type RootCstNode,
} from 'langium';
import { LeafWithRangeOnDemand } from './leaf-ranges.js';

type Tokens = Parameters<CstNodeBuilder['addHiddenNodes']>[0];
type Token = Tokens[number];
type GrammarElement = Parameters<CstNodeBuilder['buildLeafNode']>[1];

/**
 * Langium's CST builder, with two differences:
 * - leaves work out their ranges when asked (see `LeafWithRangeOnDemand`);
 * - a token with no comment before it adds nothing. Langium hands the builder each
 *   token's preceding comments, most often none; for the first token of a node it then
 *   searched the node's parents and spliced an empty list into one, which allocated a
 *   new array each time: some 15% of parsing a big topology.
 * Comments go where Langium puts them, which the parser tests compare node by node.
 */
class TopologyCstNodeBuilder extends CstNodeBuilder {
    private root!: RootCstNode;

    override buildRootNode(input: string): RootCstNode {
        return (this.root = super.buildRootNode(input));
    }

    override buildLeafNode(token: Token, feature?: GrammarElement): LeafCstNode {
        const leaf = this.leaf(token, !feature);
        leaf.grammarSource = feature;
        this.current.content.push(leaf);
        return leaf;
    }

    override addHiddenNodes(tokens: Tokens): void {
        if (tokens.length === 0) return;
        const leaves = tokens.map((token) => this.leaf(token, true));
        // In the node being built when it has content; else before the nearest enclosing node that has a node before it; else first in the file.
        let current: CompositeCstNode = this.current;
        if (current.content.length > 0) {
            current.content.push(...leaves);
            return;
        }
        while (current.container) {
            const index = current.container.content.indexOf(current);
            if (index > 0) {
                current.container.content.splice(index, 0, ...leaves);
                return;
            }
            current = current.container;
        }
        this.root.content.unshift(...leaves);
    }

    private leaf(token: Token, hidden: boolean): LeafWithRangeOnDemand {
        const leaf = new LeafWithRangeOnDemand(token.startOffset, token.image.length, token.tokenType, hidden);
        leaf.root = this.root;
        return leaf;
    }
}

/**
 * Langium's parser with the builder above (Langium creates its builder itself, in a
 * private field), parsing without stack traces (see `withoutStackTraces`) and letting go
 * of the tokens afterwards (see `forgetTokens`).
 */
export function createTopologyParser(services: LangiumCoreServices): LangiumParser {
    const parser = rememberRecoveryFollows(createLangiumParser(services));
    const parse = parser.parse.bind(parser);
    Object.assign(parser, {
        nodeBuilder: new TopologyCstNodeBuilder(),
        parse: (input: string, options?: ParserOptions) => withoutStackTraces(() => forgetTokens(parser, () => parse(input, options))),
    });
    return parser;
}

/** Langium's completion parser, with the same memory for recovery (see `rememberRecoveryFollows`) and for tokens (see `forgetTokens`). */
function createTopologyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    const parser = rememberRecoveryFollows(createCompletionParser(services));
    const parse = parser.parse.bind(parser);
    parser.parse = (input: string) =>
        forgetTokens(parser, () => {
            const result = parse(input);
            // The completion provider reads the tokens from the result; the parser's own copy is not needed.
            Object.assign(parser, { tokens: [] });
            return result;
        });
    return parser;
}

/**
 * The completion parser, built when it first parses. It is a second parser, as costly to
 * build as the first, and Langium's completion provider takes it when the language server
 * answers `initialize`: built then, it delayed the first diagnostics of an opened topology.
 * The provider only ever calls `parse`, which is all this stand-in has.
 */
export function deferredCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    let parser: LangiumCompletionParser | undefined;
    const deferred: Pick<LangiumCompletionParser, 'parse'> = { parse: (input) => (parser ??= createTopologyCompletionParser(services)).parse(input) };
    return deferred as LangiumCompletionParser;
}

/**
 * Langium's lexer, built when it is first used. The language server's answer to
 * `initialize` makes the completion provider, which takes the lexer: built then (some 10 ms
 * of cold code, three times that on a busy machine), it held back the answer, and with it
 * the client's next steps. Built at the first parse instead, while the client reads the
 * answer. Parsers and the completion provider only read `definition` and call `tokenize`.
 */
export function deferredLexer(services: LangiumCoreServices): Lexer {
    let lexer: Lexer | undefined;
    const built = () => (lexer ??= new DefaultLexer(services));
    return {
        get definition() {
            return built().definition;
        },
        tokenize: (text, options) => built().tokenize(text, options),
    };
}

/**
 * Runs `parse`, then drops the parser's hold on the token list it was given. Chevrotain
 * keeps the last input until the next parse, so a big topology's tokens (a fifth of the
 * memory of its parse) stayed alive between keystrokes, next to the tree made from them.
 * Reached through Langium's private `wrapper`; setting the input also clears Chevrotain's
 * error list, which the parse result already holds.
 */
function forgetTokens<T>(parser: LangiumParser | LangiumCompletionParser, parse: () => T): T {
    try {
        return parse();
    } finally {
        (parser as unknown as { wrapper: { input: unknown[] } }).wrapper.input = [];
    }
}

/** What Chevrotain computes the tokens that may follow from: the rules and occurrences on the way, and the last token. */
interface GrammarPath {
    ruleStack: string[];
    occurrenceStack: number[];
    lastTok: { name: string };
    lastTokOccurrence: number;
}

/**
 * Remembers, per grammar position, the tokens that may follow it. To recover from a
 * missing or extra token, Chevrotain walks the grammar for them at every syntax error,
 * and the answer depends only on the position: a file with hundreds of errors spent most
 * of its parse there (found by the fuzzer). Reached through Langium's private `wrapper`.
 */
function rememberRecoveryFollows<P extends LangiumParser | LangiumCompletionParser>(parser: P): P {
    const wrapper = (parser as unknown as { wrapper: { getNextPossibleTokenTypes(path: GrammarPath): unknown[] } }).wrapper;
    const compute = wrapper.getNextPossibleTokenTypes.bind(wrapper);
    const remembered = new Map<string, unknown[]>();
    wrapper.getNextPossibleTokenTypes = (path) => {
        const key = `${path.ruleStack.join(' ')}|${path.occurrenceStack.join(' ')}|${path.lastTok.name}|${path.lastTokOccurrence}`;
        let follows = remembered.get(key);
        if (!follows) remembered.set(key, (follows = compute(path)));
        return follows;
    };
    return parser;
}

/**
 * Runs `action` (a parse) with no stack traces captured for errors. Chevrotain throws an
 * exception for each syntax error it recovers from and catches it again; nothing reads
 * their stacks, but capturing them was most of the time spent on a file with hundreds of
 * syntax errors (found by the fuzzer: some 0.8 s for 500 broken lines).
 */
export function withoutStackTraces<T>(action: () => T): T {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return action();
    } finally {
        Error.stackTraceLimit = limit;
    }
}
