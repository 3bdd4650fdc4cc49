import { createCompletionParser, createLangiumParser, CstNodeBuilder, type LangiumCompletionParser, type LangiumCoreServices, type LangiumParser, type ParserOptions } from 'langium';

type Tokens = Parameters<CstNodeBuilder['addHiddenNodes']>[0];

/**
 * Langium's CST builder, except that a token with no comment before it adds nothing.
 * Langium hands the builder each token's preceding comments, most often none; for the
 * first token of a node it then searched the node's parents and spliced an empty list
 * into one, which allocated a new array each time: some 15% of parsing a big topology.
 */
class TopologyCstNodeBuilder extends CstNodeBuilder {
    override addHiddenNodes(tokens: Tokens): void {
        if (tokens.length > 0) super.addHiddenNodes(tokens);
    }
}

/**
 * Langium's parser with the builder above (Langium creates its builder itself, in a
 * private field), parsing without stack traces (see `withoutStackTraces`).
 */
export function createTopologyParser(services: LangiumCoreServices): LangiumParser {
    const parser = rememberRecoveryFollows(createLangiumParser(services));
    const parse = parser.parse.bind(parser);
    Object.assign(parser, {
        nodeBuilder: new TopologyCstNodeBuilder(),
        parse: (input: string, options?: ParserOptions) => withoutStackTraces(() => parse(input, options)),
    });
    return parser;
}

/** Langium's completion parser, with the same memory for recovery (see `rememberRecoveryFollows`). */
export function createTopologyCompletionParser(services: LangiumCoreServices): LangiumCompletionParser {
    return rememberRecoveryFollows(createCompletionParser(services));
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
