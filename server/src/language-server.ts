import { startLanguageServer, type LangiumSharedServices } from 'langium/lsp';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node.js';
import { logStartupEvent, timingStartup } from './launch/startup-timing.js';
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
    if (timingStartup()) timeStartup(shared);
    startLanguageServer(shared);
}

/**
 * For `npm run bench`: the server's moments between the extension's activation and its
 * first diagnostics (see logStartupEvent): the process started, its code was loaded, the
 * client's `initialize` came, the folder's topologies were read and parsed.
 */
function timeStartup(shared: LangiumSharedServices): void {
    logStartupEvent('server process', performance.timeOrigin);
    logStartupEvent('server loaded');
    shared.lsp.LanguageServer.onInitialize(() => logStartupEvent('initialize'));
    void shared.workspace.WorkspaceManager.ready.then(() => logStartupEvent('workspace read'));
}
