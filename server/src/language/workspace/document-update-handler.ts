import { URI, type LangiumDocuments, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';

/**
 * Langium's handler, plus: a document that stops being a topology when the client closes
 * it (an untitled editor, or a README the user had switched to the sfbtopo language mode)
 * is dropped, which also clears the diagnostics it was given.
 */
export class TopologyDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        if (this.documents.hasDocument(uri) && !this.serviceRegistry.hasServices(uri)) {
            this.fireDocumentUpdate([], [uri]);
        }
    }
}
