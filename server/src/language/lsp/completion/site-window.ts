import { GrammarUtils, type LangiumDocument } from 'langium';
import type { Topology } from '../../generated/ast.js';

/**
 * Where completion may start reading a document instead of its first character.
 *
 * Langium's completion lexes the whole text and parses everything before the cursor
 * on every request, which grows with the file. Sites are independent top-level blocks,
 * so the same answer comes from reading only the site around the cursor:
 * - lexing: the lexer has no state, so lexing from the site's `site` keyword to its
 *   closing token gives exactly the whole text's tokens in that span;
 * - parsing: when nothing before the site has a lexer or parser error, the parser
 *   reaches the site's start in the same state (in `topology NAME site*`), so parsing
 *   `topology NAME` followed by the site's text up to the cursor ends in the same state.
 * Outside a site (before the first, between two, after the last) nothing changes.
 */
export interface SiteWindow {
    /** Offset of the site's `site` keyword. */
    start: number;
    /** End of the site's last token. */
    end: number;
    /** End of `topology NAME`. */
    headerEnd: number;
    /** True when nothing before `start` has a lexer or parser error. */
    cleanBefore: boolean;
}

/** The site whose text holds `offset` strictly after its first character, if any. */
export function siteWindow(document: LangiumDocument, offset: number): SiteWindow | undefined {
    const topology = document.parseResult.value as Topology;
    const root = topology.$cstNode;
    const header = root && GrammarUtils.findNodeForProperty(root, 'name');
    if (!header) return undefined;
    let found: SiteWindow | undefined;
    for (const site of topology.sites ?? []) {
        const cst = site.$cstNode;
        if (!cst) continue;
        if (cst.offset >= offset) break;
        if (offset <= cst.end && header.end <= cst.offset) {
            found = { start: cst.offset, end: cst.end, headerEnd: header.end, cleanBefore: false };
        }
    }
    if (!found) return undefined;
    const start = found.start;
    const { lexerErrors, parserErrors } = document.parseResult;
    found.cleanBefore =
        !lexerErrors.some((error) => !(error.offset >= start)) &&
        // An error at the end of the input has no offset (NaN): it is after the site.
        !parserErrors.some((error) => error.token.startOffset < start);
    return found;
}
