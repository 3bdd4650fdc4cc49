import { l10n, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';

let client: LanguageClient | undefined;

/** Starts the bundled sfbtopo language server over IPC; all topology logic lives there. */
export async function activate(context: ExtensionContext): Promise<void> {
    const module = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'sfbtopo' },
            { scheme: 'untitled', language: 'sfbtopo' },
        ],
    };
    // The id must stay `sfbtopo`: vscode-languageclient reads the `sfbtopo.trace.server` setting by it.
    client = new LanguageClient('sfbtopo', l10n.t('sfbtopo language server'), serverOptions, clientOptions);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
