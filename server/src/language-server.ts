import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { localeFromTag } from './language/l10n/locale.js';
import { createSfbtopoServices } from './language/sfbtopo-module.js';
import { exitOnBrokenFraming } from './stdio-framing-guard.js';
import { limitHeapGrowth } from './workspace/heap-growth.js';
import { collectWhenIdle } from './workspace/idle-collection.js';
import { TopologyFileSystem } from './workspace/topology-file-system.js';

/**
 * Starts the language server on a connection. Without an explicit connection the
 * transport comes from the command line (`--node-ipc` from VS Code, `--stdio` otherwise).
 */
export function runLanguageServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
    // Over stdio a message without a usable Content-Length would leave the server deaf: exit instead.
    if (process.argv.includes('--stdio')) exitOnBrokenFraming(process.stdin);
    limitHeapGrowth();
    const { shared, sfbtopo } = createSfbtopoServices({ connection, ...TopologyFileSystem });
    // Messages follow the editor's display language (VS Code sends it as `locale`).
    shared.lsp.LanguageServer.onInitialize((params) => {
        sfbtopo.l10n.Locale.current = localeFromTag(params.locale);
    });
    collectWhenIdle(shared);
    startLanguageServer(shared);
}
