import { EventEmitter, Uri, workspace, type Disposable, type Event, type TextDocumentContentProvider } from 'vscode';

/** The scheme of rule previews: read-only virtual documents, since only a content provider serves them. */
export const PREVIEW_SCHEME = 'sfbtopo-preview';

/**
 * `sfbtopo-preview:<path of the topology>.md`, so that the editor shows it as markdown.
 * The query keeps the topology's URI, to render the preview again when the editor is restored.
 */
export function previewUri(topology: Uri): Uri {
    return Uri.from({ scheme: PREVIEW_SCHEME, path: `${topology.path}.md`, query: topology.toString() });
}

/** Renders the preview of a topology: the server's markdown, or a sentence saying why there is none. */
export type PreviewRenderer = (topology: Uri) => Promise<string>;

/** Serves the markdown the server rendered for each previewed topology. */
export class RulesPreviewProvider implements TextDocumentContentProvider, Disposable {
    private readonly contents = new Map<string, string>();
    private readonly changed = new EventEmitter<Uri>();
    private readonly closing: Disposable;

    readonly onDidChange: Event<Uri> = this.changed.event;

    constructor(private readonly render: PreviewRenderer) {
        // Forget a preview once its document is closed; previewing again renders it anew.
        this.closing = workspace.onDidCloseTextDocument((document) => {
            if (document.uri.scheme === PREVIEW_SCHEME) this.contents.delete(document.uri.toString());
        });
    }

    /** Sets (or refreshes, if it is open) the content of a preview document. */
    update(uri: Uri, markdown: string): void {
        this.contents.set(uri.toString(), markdown);
        this.changed.fire(uri);
    }

    async provideTextDocumentContent(uri: Uri): Promise<string> {
        const known = this.contents.get(uri.toString());
        if (known !== undefined) return known;
        if (!uri.query) return '';
        // A preview restored with the window: render it from its topology again.
        const markdown = await this.render(Uri.parse(uri.query));
        this.contents.set(uri.toString(), markdown);
        return markdown;
    }

    dispose(): void {
        this.closing.dispose();
        this.changed.dispose();
        this.contents.clear();
    }
}
