import { CompositeCstNodeImpl, isCompositeCstNode, isLeafCstNode, type CompositeCstNode, type CstNode, type LangiumParser, type ParseResult, type RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Site, Topology } from '../generated/ast.js';

/**
 * Parses an edit by reparsing only the site it falls in, when that gives exactly what
 * parsing the whole new text would: an editor sends one such edit per keystroke, and a
 * topology of a thousand pools takes a whole parse some 200 ms.
 *
 * Why the result is the same: `topology NAME site*` keeps sites apart at the top level.
 * When the previous text parsed without any error outside one site, and the edit lies
 * strictly inside that site (after the first character of its `site` keyword, before
 * its closing `}`), the tokens before and after the site are unchanged (the lexer has
 * no state, and neither end of the site can join a neighbouring token), and the parser
 * enters the site in the same state. So when the site's new text parses on its own as a
 * `Site` with no error and nothing left over, the whole parse would build the same site
 * at that place and leave the others as they were. Anything else (an error before or after, a site that
 * no longer parses cleanly, an edit across sites) returns `undefined` for a full parse.
 *
 * The previous result is reused in place: its other sites move (offsets, lines) and
 * belong to a new `Topology` node, so caches keyed by the old topology are not reused.
 * Callers hand over a result they no longer need.
 */
export function reparseEditedSite(parser: LangiumParser, previous: ParseResult<Topology>, text: string): ParseResult<Topology> | undefined {
    const old = previous.value;
    const root = old.$cstNode?.root as RootCstNode | undefined;
    if (!root) return undefined;
    const oldText = root.fullText;
    const edit = editedSpan(oldText, text);
    if (!edit) return undefined;
    const index = old.sites.findIndex((site) => site.$cstNode && site.$cstNode.offset < edit.start && edit.oldEnd < site.$cstNode.end);
    if (index < 0) return undefined;
    const oldSite = old.sites[index].$cstNode!;
    if (!errorsOnlyInside(previous, oldSite) || oldText.charAt(oldSite.end - 1) !== '}') return undefined;
    const delta = text.length - oldText.length;
    const siteText = text.substring(oldSite.offset, oldSite.end + delta);
    const reparsed = parser.parse<Site>(siteText, { rule: 'Site' });
    if (!isClean(reparsed) || !reparsed.value.$cstNode) return undefined;

    // Numbers, not positions: the leaves' positions are moved in place below.
    const { line: startLine, character: startColumn } = oldSite.range.start;
    const { line: oldEndLine, character: oldEndColumn } = oldSite.range.end;
    const siteEnd = reparsed.value.$cstNode.range.end;
    const lines = startLine + siteEnd.line - oldEndLine;
    const columns = (siteEnd.line === 0 ? startColumn + siteEnd.character : siteEnd.character) - oldEndColumn;

    // Parsed on its own, the site is a root node; in a topology it is a rule call's node.
    const newSite = new CompositeCstNodeImpl();
    newSite.grammarSource = oldSite.grammarSource;
    newSite.content.push(...(reparsed.value.$cstNode as CompositeCstNode).content);
    newSite.astNode = reparsed.value;
    Object.assign(reparsed.value, { $cstNode: newSite });
    // The first line of the site's own text starts at the site's column, not at 0.
    placeNodes(newSite, root, (range) => shiftRange(range, 0, startLine, startColumn), oldSite.offset);
    const moveAfter = (range: Range) => shiftRange(range, oldEndLine, lines, columns);
    for (const site of old.sites.slice(index + 1)) {
        if (site.$cstNode) placeNodes(site.$cstNode, root, moveAfter, delta);
    }
    // Comments between the later sites and after the last one sit in the root's own content.
    const after = root.content.slice(root.content.indexOf(oldSite) + 1).filter((node) => !old.sites.some((site) => site.$cstNode === node));
    for (const node of after) placeNodes(node, root, moveAfter, delta);

    const topology: Topology = { ...old, sites: [...old.sites] };
    topology.sites[index] = reparsed.value;
    topology.sites.forEach((site, i) => Object.assign(site, { $container: topology, $containerProperty: 'sites', $containerIndex: i }));
    root.content[root.content.indexOf(oldSite)] = newSite;
    Object.assign(newSite, { container: root });
    Object.assign(root, { _text: text, astNode: topology });
    resetRangeCache(root);
    return { value: topology, lexerErrors: [], parserErrors: [], lexerReport: reparsed.lexerReport };
}

/**
 * Whether every lexer and parser error lies in the site's text (which then ends with its
 * own `}`): the parser recovered inside the site and went on with the next site as after
 * any other, so what follows the site was parsed as in a file without errors.
 */
function errorsOnlyInside(result: ParseResult<unknown>, site: CstNode): boolean {
    // An error at the end of the input has no offset (NaN): never inside.
    const inside = (offset: number) => site.offset <= offset && offset < site.end;
    return (
        result.lexerErrors.every((error) => inside(error.offset)) &&
        result.parserErrors.every((error) => inside(error.token.startOffset)) &&
        !result.lexerReport?.diagnostics.length
    );
}

function isClean(result: ParseResult<unknown>): boolean {
    return result.lexerErrors.length === 0 && result.parserErrors.length === 0 && !result.lexerReport?.diagnostics.length;
}

/** The changed part of `before` (from `start` to `oldEnd`) by common prefix and suffix; `undefined` when nothing changed. */
function editedSpan(before: string, after: string): { start: number; oldEnd: number } | undefined {
    if (before === after) return undefined;
    const shortest = Math.min(before.length, after.length);
    let start = 0;
    while (start < shortest && before.charCodeAt(start) === after.charCodeAt(start)) start++;
    let suffix = 0;
    while (suffix < shortest - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
    return { start, oldEnd: before.length - suffix };
}

/** Moves `range` down `lines` lines, in place; a position on `line` (before the move) also moves `columns` columns. */
function shiftRange(range: Range, line: number, lines: number, columns: number): void {
    for (const position of [range.start, range.end]) {
        if (position.line === line) position.character += columns;
        position.line += lines;
    }
}

/**
 * Gives every node under `node` the document's root, moves its leaves (their ranges are
 * their own objects, changed in place: a site moved down is most of a big file), and
 * makes its composites compute their ranges again.
 */
function placeNodes(node: CstNode, root: RootCstNode, move: (range: Range) => void, offsetDelta: number): void {
    (node as { root: RootCstNode }).root = root;
    if (isLeafCstNode(node)) {
        (node as unknown as { _offset: number })._offset += offsetDelta;
        move(node.range);
    } else if (isCompositeCstNode(node)) {
        resetRangeCache(node);
        for (const child of node.content) placeNodes(child, root, move, offsetDelta);
    }
}

function resetRangeCache(node: CompositeCstNode): void {
    (node as unknown as { _rangeCache?: Range })._rangeCache = undefined;
}
