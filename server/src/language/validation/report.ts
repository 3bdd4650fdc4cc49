import { GrammarUtils, type AstNode, type CstNode, type Properties, type ValidationAcceptor, type ValidationCheck } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { Bilingual, LocaleSetting } from '../l10n/locale.js';
import type { IssueCode } from './issue-codes.js';

/** Where a finding points: a node, optionally one property of it (and an index into a list property). */
export interface Place {
    node: AstNode;
    property?: string;
    index?: number;
    /** Extra facts for code actions, stored beside the code in `diagnostic.data`. */
    data?: Record<string, unknown>;
}

/** `info` is an LSP Information: shown, but never a reason to fail `sfbtopo validate`. */
export type Reporter = (severity: 'error' | 'warning' | 'info', code: IssueCode, message: Bilingual, place: Place) => void;

/**
 * A validator of this language: like a Langium check, but it reports through a
 * Reporter, which picks the message's language and records the stable code both as
 * the LSP `code` (shown by editors and the command line) and as `data.code` (what
 * code actions switch on).
 */
export type TopologyCheck<N extends AstNode> = (node: N, report: Reporter) => void;

export function toLangiumCheck<N extends AstNode>(check: TopologyCheck<N>, locale: LocaleSetting): ValidationCheck<N> {
    return (node: N, accept: ValidationAcceptor) => check(node, reporter(accept, locale));
}

/**
 * The same for a check that reads nothing outside the node's own site: no references,
 * nothing topology-wide. A site's nodes never change after parsing, and an edit parses
 * anew only the site it touches, so a node such a check found nothing on needs no second
 * look on later builds. (A node it found something on is checked again: messages can
 * name line numbers, which move.)
 */
export function toLocalLangiumCheck<N extends AstNode>(check: TopologyCheck<N>, locale: LocaleSetting): ValidationCheck<N> {
    const quiet = new WeakSet<N>();
    return (node: N, accept: ValidationAcceptor) => {
        if (quiet.has(node)) return;
        const report = reporter(accept, locale);
        let found = false;
        check(node, (...finding) => {
            found = true;
            report(...finding);
        });
        if (!found) quiet.add(node);
    };
}

function reporter(accept: ValidationAcceptor, locale: LocaleSetting): Reporter {
    return (severity, code, message, { node, property, index, data }) =>
        accept(severity, locale.pick(message), {
            node,
            property: property as Properties<AstNode>,
            index,
            range: property !== undefined && index !== undefined ? indexedRange(node, property, index) : undefined,
            code,
            data: { code, ...data },
        });
}

const propertyNodes = new WeakMap<AstNode, Map<string, CstNode[]>>();

/**
 * The range of the `index`-th value of a list property. Langium finds it by walking the
 * node's whole CST for every finding, which is quadratic in a long list (4,000 listed
 * ports took 25 s); the list of value nodes is looked up once per node and property.
 */
function indexedRange(node: AstNode, property: string, index: number): Range | undefined {
    let byProperty = propertyNodes.get(node);
    if (!byProperty) propertyNodes.set(node, (byProperty = new Map()));
    let nodes = byProperty.get(property);
    if (!nodes) byProperty.set(property, (nodes = GrammarUtils.findNodesForProperty(node.$cstNode, property)));
    return nodes[Math.max(0, Math.min(index, nodes.length - 1))]?.range;
}
