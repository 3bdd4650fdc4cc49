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
import { TopologyFormatter } from './lsp/formatter.js';
import { TopologyDocumentSymbolProvider, TopologyNodeKindProvider } from './lsp/node-kinds.js';
import { TopologyRenameProvider } from './lsp/rename.js';
import { TopologySemanticTokenProvider } from './lsp/semantic-tokens.js';
import { TopologyHoverProvider } from './lsp/hover/hover-provider.js';
import { TopologyLanguageServer } from './lsp/topology-language-server.js';
import { TopologyCodeLensProvider } from './lsp/export/export-code-lens.js';
import { TopologyExportCommandHandler } from './lsp/export/export-command-handler.js';
import { LocaleSetting } from './l10n/locale.js';
import { TopologyParserErrorMessageProvider } from './parser/parser-messages.js';
import { createTopologyParser, deferredCompletionParser } from './parser/topology-parser.js';
import { TopologyLinker } from './references/topology-linker.js';
import { TopologyNodeDescriptionProvider } from './references/topology-node-descriptions.js';
import { TopologyReferenceDescriptionProvider } from './references/topology-reference-descriptions.js';
import { TopologyScopeComputation } from './references/topology-scope-computation.js';
import { TopologyScopeProvider } from './references/topology-scope-provider.js';
import { registerValidationChecks } from './validation/validator-registry.js';
import { SizeLimitedCompletionProvider } from './workspace/size-limit.js';
import { TopologyDocumentFactory } from './workspace/document-factory.js';
import { TopologyDocumentValidator } from './validation/diagnostic-codes.js';
import { SynchronousCheckRegistry } from './validation/synchronous-checks.js';
import { TopologyServiceRegistry } from './workspace/service-registry.js';
import { TopologyDocumentBuilder } from './workspace/document-builder.js';
import { TopologyDocumentUpdateHandler } from './workspace/document-update-handler.js';
import { TopologyWorkspaceManager } from './workspace/workspace-manager.js';

/** Services this language adds to Langium's defaults. */
export type SfbtopoAddedServices = {
    l10n: {
        /** The language of messages: the client's locale, or `--locale` on the command line. */
        Locale: LocaleSetting;
    };
};

export type SfbtopoServices = LangiumServices & SfbtopoAddedServices;

export const SfbtopoModule: Module<SfbtopoServices, PartialLangiumServices & SfbtopoAddedServices> = {
    l10n: {
        Locale: () => new LocaleSetting(),
    },
    parser: {
        LangiumParser: (services) => createTopologyParser(services),
        // Built on first use (see deferredCompletionParser); the language server builds it after the first diagnostics.
        CompletionParser: (services) => deferredCompletionParser(services),
        ParserErrorMessageProvider: (services) => new TopologyParserErrorMessageProvider(services.l10n.Locale),
    },
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
    references: {
        ScopeComputation: (services) => new TopologyScopeComputation(services),
        ScopeProvider: (services) => new TopologyScopeProvider(services),
        Linker: (services) => new TopologyLinker(services),
    },
    workspace: {
        AstNodeDescriptionProvider: (services) => new TopologyNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: (services) => new TopologyReferenceDescriptionProvider(services),
    },
    validation: {
        // An oversize document gets one `document-too-large` diagnostic instead of validation.
        DocumentValidator: (services) => new TopologyDocumentValidator(services),
        ValidationRegistry: (services) => new SynchronousCheckRegistry(services),
    },
};

/** Shared services this language replaces or adds: which documents are topologies, the language server's start, symbol and completion kinds of named nodes, the export commands. */
export const SfbtopoSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    ServiceRegistry: (shared) => new TopologyServiceRegistry(shared),
    lsp: {
        // The completion parser and the like are built after the first diagnostics.
        LanguageServer: (shared) => new TopologyLanguageServer(shared),
        NodeKindProvider: () => new TopologyNodeKindProvider(),
        ExecuteCommandHandler: (shared) => new TopologyExportCommandHandler(shared),
        // Only topologies are topologies: see workspace/service-registry.ts.
        DocumentUpdateHandler: (shared) => new TopologyDocumentUpdateHandler(shared),
    },
    workspace: {
        DocumentBuilder: (shared) => new TopologyDocumentBuilder(shared),
        WorkspaceManager: (shared) => new TopologyWorkspaceManager(shared),
        // An edit inside one site reparses that site only; an oversize document is parsed as empty.
        LangiumDocumentFactory: (shared) => new TopologyDocumentFactory(shared),
    },
};

/**
 * Builds the shared and language services. The same wiring serves the VS Code
 * language server, `sfbtopo lsp --stdio` and the command line.
 */
export function createSfbtopoServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices;
    sfbtopo: SfbtopoServices;
} {
    const shared = inject(createDefaultSharedModule(context), SfbtopoGeneratedSharedModule, SfbtopoSharedModule);
    const sfbtopo = inject(createDefaultModule({ shared }), SfbtopoGeneratedModule, SfbtopoModule);
    shared.ServiceRegistry.register(sfbtopo);
    registerValidationChecks(sfbtopo);
    if (!context.connection) {
        // Without a language client nobody sends configuration; mark it as received
        // so that the document builder does not wait for it.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, sfbtopo };
}
