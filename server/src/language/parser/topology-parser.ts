import { createLangiumParser, CstNodeBuilder, type LangiumCoreServices, type LangiumParser } from 'langium';

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

/** Langium's parser with the builder above (Langium creates its builder itself, in a private field). */
export function createTopologyParser(services: LangiumCoreServices): LangiumParser {
    const parser = createLangiumParser(services);
    Object.assign(parser, { nodeBuilder: new TopologyCstNodeBuilder() });
    return parser;
}
