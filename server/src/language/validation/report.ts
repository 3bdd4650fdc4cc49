import type { AstNode, Properties, ValidationAcceptor, ValidationCheck } from 'langium';
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

export type Reporter = (severity: 'error' | 'warning', code: IssueCode, message: Bilingual, place: Place) => void;

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

function reporter(accept: ValidationAcceptor, locale: LocaleSetting): Reporter {
    return (severity, code, message, { node, property, index, data }) =>
        accept(severity, locale.pick(message), {
            node,
            property: property as Properties<AstNode>,
            index,
            code,
            data: { code, ...data },
        });
}
