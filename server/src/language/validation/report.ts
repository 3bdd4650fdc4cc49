import type { AstNode, Properties, ValidationAcceptor } from 'langium';
import type { IssueCode } from './issue-codes.js';

/**
 * Reports a diagnostic with its stable code both as the LSP `code` (shown by editors
 * and the command line) and as `data.code` (what code actions switch on).
 */
export function report<N extends AstNode>(
    accept: ValidationAcceptor,
    severity: 'error' | 'warning',
    code: IssueCode,
    message: string,
    node: N,
    property?: Properties<N> | 'address' | 'internal' | 'external',
): void {
    accept(severity, message, { node, property: property as Properties<N>, code, data: { code } });
}
