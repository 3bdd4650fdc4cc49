import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Topology } from '../language/generated/ast.js';
import { createSfbtopoCoreServices, type SfbtopoCoreServices } from '../language/sfbtopo-core-module.js';

export interface TopologySource {
    /** Absolute path of the file; becomes the document URI. */
    path: string;
    text: string;
}

export interface CheckedTopology {
    source: TopologySource;
    document: LangiumDocument<Topology>;
    diagnostics: Diagnostic[];
}

/**
 * Parses, links and validates topologies outside any editor, as the command line
 * does. Files are read by the caller, so each one is checked on its own.
 */
export async function checkTopologies(sources: TopologySource[], services: SfbtopoCoreServices = createSfbtopoCoreServices(EmptyFileSystem).sfbtopo): Promise<CheckedTopology[]> {
    const workspace = services.shared.workspace;
    const documents = sources.map((source) => {
        const uri = URI.file(source.path);
        // Checking a path again replaces what was checked there before.
        if (workspace.LangiumDocuments.hasDocument(uri)) workspace.LangiumDocuments.deleteDocument(uri);
        const document = workspace.LangiumDocumentFactory.fromString<Topology>(source.text, uri);
        workspace.LangiumDocuments.addDocument(document);
        return document;
    });
    await workspace.DocumentBuilder.build(documents, { validation: true });
    return documents.map((document, index) => ({
        source: sources[index],
        document,
        diagnostics: document.diagnostics ?? [],
    }));
}
