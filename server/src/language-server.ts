import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { createSfbtopoServices } from './language/sfbtopo-module.js';

/**
 * Starts the language server on a connection. Without an explicit connection the
 * transport comes from the command line (`--node-ipc` from VS Code, `--stdio` otherwise).
 */
export function runLanguageServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
    const { shared } = createSfbtopoServices({ connection, ...NodeFileSystem });
    startLanguageServer(shared);
}
