import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { Topology } from '../../generated/ast.js';
import type { Bilingual, LocaleSetting } from '../../l10n/locale.js';

/** What a quick fix gets: the diagnostic, the document it is in, and ways to build an edit. */
export class FixContext {
    constructor(
        readonly document: LangiumDocument<Topology>,
        readonly diagnostic: Diagnostic,
        private readonly locale: LocaleSetting,
    ) {}

    get topology(): Topology {
        return this.document.parseResult.value;
    }

    get data(): Record<string, unknown> {
        return (this.diagnostic.data ?? {}) as Record<string, unknown>;
    }

    /** The innermost node of the given type at the diagnostic's start. */
    nodeAt<T extends AstNode>(guard: (node: unknown) => node is T): T | undefined {
        const root = this.topology.$cstNode;
        if (!root) return undefined;
        const offset = this.document.textDocument.offsetAt(this.diagnostic.range.start);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, guard) : undefined;
    }

    text(range: Range): string {
        return this.document.textDocument.getText(range);
    }

    /** A preferred quick fix made of text edits to this document. */
    fix(title: Bilingual, edits: TextEdit[], isPreferred = true): CodeAction {
        return {
            title: this.locale.pick(title),
            kind: CodeActionKind.QuickFix,
            diagnostics: [this.diagnostic],
            isPreferred,
            edit: { changes: { [this.document.uri.toString()]: edits } },
        };
    }

    /**
     * Deletes a node; when it stands alone on its line(s), the whole line goes with it,
     * otherwise the node and the blank that separated it from its neighbour.
     */
    removal(node: AstNode): TextEdit | undefined {
        const cst = node.$cstNode;
        if (!cst) return undefined;
        const doc = this.document.textDocument;
        const text = doc.getText();
        let start = cst.offset;
        let end = cst.end;
        const lineStart = text.lastIndexOf('\n', start - 1) + 1;
        const lineEndAt = text.indexOf('\n', end);
        const lineEnd = lineEndAt < 0 ? text.length : lineEndAt;
        if (text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '') {
            start = lineStart;
            end = lineEndAt < 0 ? lineEnd : lineEnd + 1;
        } else if (text[end] === ' ') {
            end++;
        } else if (text[start - 1] === ' ') {
            start--;
        }
        return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: '' };
    }

    replace(node: AstNode, newText: string): TextEdit | undefined {
        const cst = node.$cstNode;
        return cst ? { range: cst.range, newText } : undefined;
    }
}
