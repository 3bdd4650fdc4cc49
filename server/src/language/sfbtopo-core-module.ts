import {
    createDefaultCoreModule,
    createDefaultSharedCoreModule,
    inject,
    type DefaultSharedCoreModuleContext,
    type LangiumCoreServices,
    type LangiumSharedCoreServices,
    type Module,
    type PartialLangiumCoreServices,
    type PartialLangiumSharedCoreServices,
} from 'langium';
import { SfbtopoGeneratedModule, SfbtopoGeneratedSharedModule } from './generated/module.js';
import { LocaleSetting } from './l10n/locale.js';
import { TopologyParserErrorMessageProvider } from './parser/parser-messages.js';
import { TopologyTokenBuilder } from './parser/token-builder.js';
import { createTopologyParser, deferredCompletionParser, deferredLexer } from './parser/topology-parser.js';
import { TopologyLinker } from './references/topology-linker.js';
import { TopologyNodeDescriptionProvider } from './references/topology-node-descriptions.js';
import { TopologyReferenceDescriptionProvider } from './references/topology-reference-descriptions.js';
import { TopologyScopeComputation } from './references/topology-scope-computation.js';
import { TopologyScopeProvider } from './references/topology-scope-provider.js';
import { TopologyDocumentValidator } from './validation/diagnostic-codes.js';
import { SynchronousCheckRegistry } from './validation/synchronous-checks.js';
import { registerValidationChecks } from './validation/validator-registry.js';
import { TopologyDocumentBuilder } from './workspace/document-builder.js';
import { TopologyDocumentFactory } from './workspace/document-factory.js';
import { TopologyServiceRegistry } from './workspace/service-registry.js';
import { TopologyWorkspaceManager } from './workspace/workspace-manager.js';

/** Services this language adds to Langium's defaults. */
export type SfbtopoAddedServices = {
    l10n: {
        /** The language of messages: the client's locale, or `--locale` on the command line. */
        Locale: LocaleSetting;
    };
};

/** What parsing, linking and validating a topology takes: the language without its editor features. */
export type SfbtopoCoreServices = LangiumCoreServices & SfbtopoAddedServices;

export const SfbtopoCoreModule: Module<SfbtopoCoreServices, PartialLangiumCoreServices & SfbtopoAddedServices> = {
    l10n: {
        Locale: () => new LocaleSetting(),
    },
    parser: {
        LangiumParser: (services) => createTopologyParser(services),
        // Built on first use (see deferredCompletionParser); the language server builds it after the first diagnostics.
        CompletionParser: (services) => deferredCompletionParser(services),
        ParserErrorMessageProvider: (services) => new TopologyParserErrorMessageProvider(services.l10n.Locale),
        // Built on first use (see deferredLexer), not for the language server's answer to `initialize`.
        Lexer: (services) => deferredLexer(services),
        TokenBuilder: () => new TopologyTokenBuilder(),
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

/** Shared services this language replaces: which documents are topologies, and how they are made and built. */
export const SfbtopoSharedCoreModule: Module<LangiumSharedCoreServices, PartialLangiumSharedCoreServices> = {
    ServiceRegistry: (shared) => new TopologyServiceRegistry(shared),
    workspace: {
        DocumentBuilder: (shared) => new TopologyDocumentBuilder(shared),
        WorkspaceManager: (shared) => new TopologyWorkspaceManager(shared),
        // An edit inside one site reparses that site only; an oversize document is parsed as empty.
        LangiumDocumentFactory: (shared) => new TopologyDocumentFactory(shared),
    },
};

/**
 * Builds the services the command line checks, exports and draws topologies with. It
 * loads none of the language server (LSP handlers, hovers, completion, code actions):
 * evaluating those modules was a good part of `sfbtopo validate`'s start.
 */
export function createSfbtopoCoreServices(context: DefaultSharedCoreModuleContext): { shared: LangiumSharedCoreServices; sfbtopo: SfbtopoCoreServices } {
    const shared = inject(createDefaultSharedCoreModule(context), SfbtopoGeneratedSharedModule, SfbtopoSharedCoreModule);
    const sfbtopo = inject(createDefaultCoreModule({ shared }), SfbtopoGeneratedModule, SfbtopoCoreModule);
    registerLanguage(shared, sfbtopo, false);
    return { shared, sfbtopo };
}

/** Makes `sfbtopo` the language of `shared`, with its checks; `hasClient` when a language client will send the configuration. */
export function registerLanguage(shared: LangiumSharedCoreServices, sfbtopo: SfbtopoCoreServices, hasClient: boolean): void {
    shared.ServiceRegistry.register(sfbtopo);
    registerValidationChecks(sfbtopo);
    // Without a language client nobody sends configuration; mark it as received
    // so that the document builder does not wait for it.
    if (!hasClient) shared.workspace.ConfigurationProvider.initialized({});
}
