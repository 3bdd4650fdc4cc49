import { inject, type Module } from 'langium';
import {
    createDefaultModule,
    createDefaultSharedModule,
    type DefaultSharedModuleContext,
    type LangiumServices,
    type LangiumSharedServices,
    type PartialLangiumServices,
    type PartialLangiumSharedServices,
} from 'langium/lsp';
import { SfbtopoGeneratedModule, SfbtopoGeneratedSharedModule } from './generated/module.js';
import { TopologyCodeActionProvider } from './lsp/code-actions.js';
import { SizeLimitedCompletionProvider } from './lsp/completion/completion-provider.js';
import { TopologyFormatter } from './lsp/formatter.js';
import { TopologyDocumentSymbolProvider, TopologyNodeKindProvider } from './lsp/node-kinds.js';
import { TopologyRenameProvider } from './lsp/rename.js';
import { TopologySemanticTokenProvider } from './lsp/semantic-tokens.js';
import { TopologyHoverProvider } from './lsp/hover/hover-provider.js';
import { TopologyLanguageServer } from './lsp/topology-language-server.js';
import { TopologyCodeLensProvider } from './lsp/export/export-code-lens.js';
import { TopologyExportCommandHandler } from './lsp/export/export-command-handler.js';
import { ExportFolders } from './lsp/diff/export-folders.js';
import { registerLanguage, SfbtopoCoreModule, SfbtopoSharedCoreModule, type SfbtopoAddedServices } from './sfbtopo-core-module.js';
import { TopologyDocumentUpdateHandler } from './workspace/document-update-handler.js';

/** What the editor features share beyond Langium's services. */
export interface SfbtopoEditorServices {
    exports: {
        Folders: ExportFolders;
    };
}

export type SfbtopoServices = LangiumServices & SfbtopoAddedServices & SfbtopoEditorServices;

/** The editor features, over the language of SfbtopoCoreModule. */
export const SfbtopoModule: Module<SfbtopoServices, PartialLangiumServices & SfbtopoEditorServices> = {
    lsp: {
        CodeActionProvider: (services) => new TopologyCodeActionProvider(services),
        Formatter: () => new TopologyFormatter(),
        DocumentSymbolProvider: (services) => new TopologyDocumentSymbolProvider(services),
        RenameProvider: (services) => new TopologyRenameProvider(services),
        SemanticTokenProvider: (services) => new TopologySemanticTokenProvider(services),
        HoverProvider: (services) => new TopologyHoverProvider(services),
        // Oversize documents (see workspace/size-limit.ts) get no completion.
        CompletionProvider: (services) => new SizeLimitedCompletionProvider(services),
        CodeLensProvider: (services) => new TopologyCodeLensProvider(services),
    },
    exports: {
        Folders: (services) => new ExportFolders(services.shared.workspace.ConfigurationProvider),
    },
};

/** Shared services of the language server: its start, symbol and completion kinds of named nodes, the export commands, which file changes concern it. */
export const SfbtopoSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        // The completion parser and the like are built after the first diagnostics.
        LanguageServer: (shared) => new TopologyLanguageServer(shared),
        NodeKindProvider: () => new TopologyNodeKindProvider(),
        ExecuteCommandHandler: (shared) => new TopologyExportCommandHandler(shared),
        // Only topologies are topologies: see workspace/service-registry.ts.
        DocumentUpdateHandler: (shared) => new TopologyDocumentUpdateHandler(shared),
    },
};

/**
 * Builds the shared and language services with the editor features: for the VS Code
 * language server and `sfbtopo lsp --stdio` (the command line's other commands take
 * createSfbtopoCoreServices).
 */
export function createSfbtopoServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    sfbtopo: SfbtopoServices;
} {
    const shared = inject(createDefaultSharedModule(context), SfbtopoGeneratedSharedModule, SfbtopoSharedCoreModule, SfbtopoSharedModule);
    const sfbtopo = inject(createDefaultModule({ shared }), SfbtopoGeneratedModule, SfbtopoCoreModule, SfbtopoModule);
    registerLanguage(shared, sfbtopo, Boolean(context.connection));
    return { shared, sfbtopo };
}
