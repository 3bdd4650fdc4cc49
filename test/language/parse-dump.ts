import { AstUtils, isCompositeCstNode, isLeafCstNode, isReference, type AstNode, type CstNode, type ParseResult } from 'langium';
import { expect } from 'vitest';
import type { Topology } from '../../server/src/language/generated/ast.js';

/** Everything a parse gives, in document order: every CST node with its place and every AST node with its links. */
export function dump(result: ParseResult<Topology>): string[] {
    const root = result.value.$cstNode!.root;
    const lines: string[] = [`text ${JSON.stringify(root.fullText)}`, `errors ${result.lexerErrors.length} ${result.parserErrors.length}`];
    const visit = (node: CstNode, depth: number) => {
        expect(node.root).toBe(root);
        const { start, end } = node.range;
        const place = `${node.offset}+${node.length} ${start.line}:${start.character}-${end.line}:${end.character} ${JSON.stringify(node.text)}`;
        if (isLeafCstNode(node)) {
            lines.push(`${' '.repeat(depth)}leaf ${node.tokenType.name} ${node.hidden} ${place} ${node.grammarSource?.$type}`);
        } else if (isCompositeCstNode(node)) {
            lines.push(`${' '.repeat(depth)}node ${node.astNode.$type} ${place} ${node.constructor.name} ${node.grammarSource?.$type}`);
            for (const child of node.content) {
                expect(child.container).toBe(node);
                visit(child, depth + 1);
            }
        }
    };
    visit(root, 0);
    for (const node of AstUtils.streamAst(result.value)) {
        const properties = Object.entries(node)
            .filter(([key]) => !key.startsWith('$'))
            .map(([key, value]) => `${key}=${isReference(value) ? `ref:${value.$refText}` : typeof value === 'object' ? '…' : JSON.stringify(value)}`);
        if (node.$container) expect((node.$container as unknown as Record<string, AstNode | AstNode[]>)[node.$containerProperty!]).toSatisfy((v: AstNode | AstNode[]) => (Array.isArray(v) ? v[node.$containerIndex!] === node : v === node));
        expect(node.$cstNode!.astNode).toBe(node);
        lines.push(`${node.$type} ${node.$containerProperty}[${node.$containerIndex}] ${node.$cstNode!.offset}+${node.$cstNode!.length} ${properties.join(' ')}`);
    }
    return lines;
}
