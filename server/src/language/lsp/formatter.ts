import { CstUtils, type AstNode, type CstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver';
import { isClients, isFileShare, isLoadBalancer, isPool, isSite, isTopology, type Topology } from '../generated/ast.js';

/**
 * The canonical layout of a `.sfbtopo` file (the one `examples/contoso.sfbtopo` is written in):
 *
 * - Two spaces per block level, whatever the editor's tab settings: the layout is the
 *   language's, not the editor's, so every file looks the same everywhere.
 * - `topology NAME` on its own line; each `site`, and each statement inside a `site`,
 *   pool, `fileshare` or `clients` block, on a line of its own.
 * - `{` ends its header line after one space; `}` sits on its own line at the
 *   block's indentation. An empty block becomes `{` and `}` on two lines.
 * - Between statements (and sites, and comments on their own lines) at most one blank
 *   line is kept, and only where the author put one; never right after `{` or before `}`.
 * - A load balancer of one or two statements sits on one line: `loadbalancer lbfe for fe01 { vip 10.0.1.100 }`,
 *   with one space inside the braces and between its statements. One with more (an Edge
 *   pool's virtual IPs), or whose body holds a comment, is laid out as a block instead,
 *   since a `//` comment ends its line.
 * - Exactly one space between the tokens of a statement, none around the `-` of a port
 *   range (`50020-50039`) and none before the `,` of a port list (`ports 80, 443`).
 * - Comments are kept. One on a line of its own is indented like the statement that
 *   follows it; one at the end of a line stays there, one space after the last token.
 * - No whitespace before the first token; the file ends with exactly one line break.
 *
 * Documents with syntax errors are left alone (Langium's default): nothing is formatted,
 * and range formatting stops before the first error.
 */
export class TopologyFormatter extends AbstractFormatter {
    /** Spaces per block level of the canonical layout. */
    static readonly INDENT = 2;

    /** Next line, keeping at most one blank line the author put there. */
    protected readonly lineBreak: FormattingAction = { options: {}, moves: [{ lines: 1 }, { lines: 2 }] };
    /** Next line one level deeper, keeping at most one blank line the author put there. */
    protected readonly statementLine: FormattingAction = {
        options: {},
        moves: [
            { tabs: 1, lines: 1 },
            { tabs: 1, lines: 2 },
        ],
    };

    protected format(node: AstNode): void {
        if (isTopology(node)) {
            this.formatTopology(node);
        } else if (isLoadBalancer(node)) {
            // An Edge pool's load balancer has two to four virtual IPs: one line each reads better.
            if (this.bodyHasComment(node) || node.statements.length > 2) {
                this.formatBlock(node);
            } else {
                this.formatOneLineBlock(node);
            }
        } else if (this.isBlock(node)) {
            this.formatBlock(node);
        } else if (node.$container && (this.isBlock(node.$container) || isLoadBalancer(node.$container))) {
            // A statement: its tokens, including those of nested parts such as a port range.
            this.spaceTokens(this.tokens(node.$cstNode));
        }
    }

    protected isBlock(node: AstNode): boolean {
        return isSite(node) || isPool(node) || isFileShare(node) || isClients(node);
    }

    protected formatTopology(node: Topology): void {
        const formatter = this.getNodeFormatter(node);
        const keyword = formatter.keyword('topology');
        const first = keyword.nodes[0];
        // After a leading comment the header goes on the next line; at the start of the file nothing precedes it.
        keyword.prepend(first && CstUtils.getPreviousNode(first) ? this.lineBreak : Formatting.noSpace());
        formatter.property('name').prepend(Formatting.oneSpace());
        formatter.nodes(...node.sites).prepend(this.lineBreak);
    }

    /** `HEADER {`, one statement per line one level deeper, `}` on its own line. */
    protected formatBlock(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        const open = formatter.keyword('{');
        const close = formatter.keyword('}');
        this.formatHeader(node, open.nodes[0]);
        open.prepend(Formatting.oneSpace());
        formatter.interior(open, close).nodes.forEach((child, index) => {
            // The first line of a body directly follows `{`: no blank line there.
            formatter.cst([child]).prepend(index === 0 ? Formatting.indent() : this.statementLine);
        });
        close.prepend(Formatting.newLine());
    }

    /** `HEADER { STATEMENT STATEMENT }` on one line. */
    protected formatOneLineBlock(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        const open = formatter.keyword('{');
        const close = formatter.keyword('}');
        this.formatHeader(node, open.nodes[0]);
        open.prepend(Formatting.oneSpace());
        formatter.interior(open, close).prepend(Formatting.oneSpace());
        close.prepend(Formatting.oneSpace());
    }

    /** One space between the tokens before a block's `{`. */
    protected formatHeader(node: AstNode, open: CstNode | undefined): void {
        const tokens = this.tokens(node.$cstNode);
        this.spaceTokens(open ? tokens.filter((token) => token.offset < open.offset) : tokens);
    }

    protected bodyHasComment(node: AstNode): boolean {
        const open = this.getNodeFormatter(node).keyword('{').nodes[0];
        return this.leaves(node.$cstNode).some((leaf) => leaf.hidden && (!open || leaf.offset > open.offset));
    }

    /** One space between tokens; none around the `-` of a port range or before a `,`. */
    protected spaceTokens(tokens: LeafCstNode[]): void {
        for (let i = 1; i < tokens.length; i++) {
            const glued = tokens[i].text === ',' || tokens[i].text === '-' || tokens[i - 1].text === '-';
            this.collector(tokens[i], 'prepend', glued ? Formatting.noSpace() : Formatting.oneSpace());
        }
    }

    protected leaves(node: CstNode | undefined): LeafCstNode[] {
        return node ? CstUtils.flattenCst(node).toArray() : [];
    }

    /** The visible tokens of a node, comments left out. */
    protected tokens(node: CstNode | undefined): LeafCstNode[] {
        return this.leaves(node).filter((leaf) => !leaf.hidden);
    }

    /** Width of a tab in the text being formatted (the editor's setting), to read existing indentation. */
    protected tabWidth = 4;

    /**
     * The layout is fixed at two spaces per level, whatever the editor asks for; the
     * file always ends with one line break. With a range, edits are clipped to it.
     */
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        this.tabWidth = options.tabSize > 0 ? options.tabSize : 4;
        const canonical: FormattingOptions = { ...options, insertSpaces: true, tabSize: TopologyFormatter.INDENT };
        const edits = super.doDocumentFormat(document, canonical, range);
        const finalLineBreak = this.finalLineBreak(document);
        if (finalLineBreak) {
            edits.push(finalLineBreak);
        }
        // Langium breaks lines with `\n`; keep a CRLF file CRLF.
        const text = document.textDocument;
        const eol = text.getText().includes('\r\n') ? '\r\n' : '\n';
        return edits
            .map((edit) => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, eol) }))
            .flatMap((edit) => (range ? this.clip(document, edit, range) : [edit]))
            .filter((edit) => text.getText(edit.range) !== edit.newText);
    }

    /**
     * Langium keeps any edit that touches the range's last line, even one that re-indents the
     * line after it, and drops the edit that re-indents the range's first line (it starts at the
     * end of the line before). Take every edit here and let {@link clip} cut them to the range.
     */
    protected override iterateCstFormatting(
        document: LangiumDocument,
        formattings: Map<string, FormattingAction>,
        options: FormattingOptions,
    ): TextEdit[] {
        return super.iterateCstFormatting(document, formattings, options);
    }

    /**
     * The part of a whitespace edit that falls inside `range`, or nothing if the edit would
     * change text outside it: `\n      fqdn` with the range starting on the `fqdn` line only
     * re-indents that line.
     */
    protected clip(document: LangiumDocument, edit: TextEdit, range: Range): TextEdit[] {
        const text = document.textDocument;
        const from = text.offsetAt(range.start);
        const to = text.offsetAt(range.end);
        let start = text.offsetAt(edit.range.start);
        let end = text.offsetAt(edit.range.end);
        if (end < from || start > to) {
            return [];
        }
        let newText = edit.newText;
        if (start < from) {
            const outside = text.getText().slice(start, Math.min(from, end));
            if (!newText.startsWith(outside)) {
                return [];
            }
            newText = newText.slice(outside.length);
            start = Math.min(from, end);
        }
        if (end > to) {
            const outside = text.getText().slice(Math.max(to, start), end);
            if (!newText.endsWith(outside)) {
                return [];
            }
            newText = newText.slice(0, newText.length - outside.length);
            end = Math.max(to, start);
        }
        return [{ range: { start: text.positionAt(start), end: text.positionAt(end) }, newText }];
    }

    /** The whitespace after the last token or comment becomes a single line break. */
    protected finalLineBreak(document: LangiumDocument): TextEdit | undefined {
        const leaves = this.leaves(document.parseResult.value.$cstNode?.root);
        const last = leaves[leaves.length - 1];
        if (!last) {
            return undefined;
        }
        const text = document.textDocument.getText();
        if (text.slice(last.end).replace(/\r/g, '') === '\n') {
            return undefined;
        }
        const start = document.textDocument.positionAt(last.end);
        return { range: { start, end: document.textDocument.positionAt(text.length) }, newText: '\n' };
    }

    /**
     * A comment on a line of its own: indented like the statement it precedes, and at most
     * one blank line above it (none after `{`, none at the start of the file). Langium's own
     * version only shifts the indentation, so it keeps runs of blank lines and tabs.
     * A comment after a token on the same line stays there, one space after the token.
     */
    protected override createHiddenTextEdits(
        previous: CstNode | undefined,
        hidden: CstNode,
        formatting: FormattingAction | undefined,
        context: FormattingContext,
    ): TextEdit[] {
        const start = hidden.range.start;
        if (previous && previous.range.end.line === start.line) {
            return [{ range: { start: previous.range.end, end: start }, newText: ' ' }];
        }
        const lines = !previous ? 0 : previous.text === '{' ? 1 : Math.min(Math.max(start.line - previous.range.end.line, 1), 2);
        const lineStart = { line: start.line, character: 0 };
        const move = this.findFittingMove({ start: lineStart, end: start }, formatting?.moves ?? [], context);
        const indentation = ' '.repeat(context.options.tabSize * (context.indentation + (move?.tabs ?? 0)));
        const edits: TextEdit[] = [
            {
                range: { start: previous?.range.end ?? { line: 0, character: 0 }, end: start },
                newText: '\n'.repeat(lines) + indentation,
            },
        ];
        // The further lines of a block comment keep their position relative to its first line.
        const column = this.column(context.document.getText({ start: lineStart, end: start }));
        hidden.text.split('\n').slice(1).forEach((lineText, index) => {
            const line = start.line + 1 + index;
            const blank = /^[ \t]*/.exec(lineText)![0];
            const wanted = ' '.repeat(Math.max(0, indentation.length + this.column(blank) - column));
            if (blank !== wanted) {
                edits.push({ range: { start: { line, character: 0 }, end: { line, character: blank.length } }, newText: wanted });
            }
        });
        return edits;
    }

    /** The column a run of spaces and tabs ends at. */
    protected column(blank: string): number {
        let column = 0;
        for (const char of blank) {
            column = char === '\t' ? (Math.floor(column / this.tabWidth) + 1) * this.tabWidth : column + 1;
        }
        return column;
    }
}
