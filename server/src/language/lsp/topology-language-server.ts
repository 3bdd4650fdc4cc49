import { DocumentState } from 'langium';
import { DefaultLanguageServer } from 'langium/lsp';

/**
 * Langium's language server, except that what the first diagnostics of an opened topology
 * do not need is built after them instead of before answering `initialize`: the services
 * the first build does not use, and the completion parser (see deferredCompletionParser),
 * which parsing nothing builds. The first completion then need not wait for it either.
 */
export class TopologyLanguageServer extends DefaultLanguageServer {
    protected override eagerLoadServices(): void {
        const subscription = this.services.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
            subscription.dispose();
            setImmediate(() => {
                super.eagerLoadServices();
                for (const language of this.services.ServiceRegistry.all) language.parser.CompletionParser.parse('');
            });
        });
    }
}
