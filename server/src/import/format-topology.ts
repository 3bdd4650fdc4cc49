import { EmptyFileSystem, URI } from 'langium';
import type { TextEdit } from 'vscode-languageserver-types';
import { TopologyFormatter } from '../language/lsp/formatter.js';
import { createSfbtopoCoreServices } from '../language/sfbtopo-core-module.js';

/**
 * Lays a topology's text out as the editor's formatter does (two spaces per level, one
 * statement per line, comments kept). Text with a syntax error is returned as it is, as the
 * formatter leaves such documents alone.
 */
export function formatTopologyText(text: string): string {
    const { sfbtopo } = createSfbtopoCoreServices(EmptyFileSystem);
    const document = sfbtopo.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse('memory:///imported.sfbtopo'));
    const edits = new TopologyFormatter().formatDocument(document, {
        textDocument: { uri: document.uri.toString() },
        options: { tabSize: TopologyFormatter.INDENT, insertSpaces: true },
    }) as TextEdit[];
    // Joined in one pass: splicing edit by edit copies the whole text each time (seconds for a large import).
    const placed = edits
        .map((edit) => ({ start: document.textDocument.offsetAt(edit.range.start), end: document.textDocument.offsetAt(edit.range.end), text: edit.newText }))
        .sort((a, b) => a.start - b.start);
    const pieces: string[] = [];
    let done = 0;
    for (const edit of placed) {
        pieces.push(text.slice(done, edit.start), edit.text);
        done = edit.end;
    }
    pieces.push(text.slice(done));
    return pieces.join('');
}
