import { CompositeCstNodeImpl, isCompositeCstNode, type CompositeCstNode, type CstNode, type LangiumParser, type ParseResult, type RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Site, Topology } from '../generated/ast.js';
import { LeafWithRangeOnDemand, replaceText } from './leaf-ranges.js';

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
 * The previous result is reused in place: its other sites move (offsets) and
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

    // Parsed on its own, the site is a root node; in a topology it is a rule call's node.
    const newSite = new CompositeCstNodeImpl();
    newSite.grammarSource = oldSite.grammarSource;
    newSite.content.push(...(reparsed.value.$cstNode as CompositeCstNode).content);
    newSite.astNode = reparsed.value;
    Object.assign(reparsed.value, { $cstNode: newSite });
    placeNodes(newSite, root, oldSite.offset);
    for (const site of old.sites.slice(index + 1)) {
        if (site.$cstNode) placeNodes(site.$cstNode, root, delta);
    }
    // Comments between the later sites and after the last one sit in the root's own content.
    const after = root.content.slice(root.content.indexOf(oldSite) + 1).filter((node) => !old.sites.some((site) => site.$cstNode === node));
    for (const node of after) placeNodes(node, root, delta);

    const topology: Topology = { ...old, sites: [...old.sites] };
    topology.sites[index] = reparsed.value;
    topology.sites.forEach((site, i) => Object.assign(site, { $container: topology, $containerProperty: 'sites', $containerIndex: i }));
    root.content[root.content.indexOf(oldSite)] = newSite;
    Object.assign(newSite, { container: root });
    replaceText(root, text);
    Object.assign(root, { astNode: topology });
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

/**
 * Gives every node under `node` the document's root and moves its leaves by
 * `offsetDelta` characters (their lines and columns follow from the offsets), and makes
 * its composites compute their ranges again.
 */
function placeNodes(node: CstNode, root: RootCstNode, offsetDelta: number): void {
    (node as { root: RootCstNode }).root = root;
    if (node instanceof LeafWithRangeOnDemand) {
        node.moveBy(offsetDelta);
    } else if (isCompositeCstNode(node)) {
        resetRangeCache(node);
        // Indexed: `for…of` over Langium's array subclass allocates an iterator result per child.
        for (let i = 0; i < node.content.length; i++) placeNodes(node.content[i], root, offsetDelta);
    } else {
        throw new Error('reparseEditedSite: a leaf not built by createTopologyParser');
    }
}

function resetRangeCache(node: CompositeCstNode): void {
    (node as unknown as { _rangeCache?: Range })._rangeCache = undefined;
}
