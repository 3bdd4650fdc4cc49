import type { Middleware } from 'vscode-languageclient/node.js';
import { logStartupEvent, timingStartup } from '../../server/src/launch/startup-timing.js';

/**
 * For `npm run bench`: the moment of activation, and the first diagnostics of each
 * document (`diagnostics`, with its URI), so that activation → first diagnostics and
 * opening a topology → its diagnostics can be timed in a real VS Code (see logStartupEvent).
 */
export function startupTiming(): { activated(): void; middleware: Pick<Middleware, 'handleDiagnostics'> } {
    if (!timingStartup()) return { activated: () => undefined, middleware: {} };
    const seen = new Set<string>();
    return {
        activated: () => logStartupEvent('activate'),
        middleware: {
            handleDiagnostics: (uri, diagnostics, next) => {
                if (!seen.has(uri.toString())) {
                    seen.add(uri.toString());
                    logStartupEvent('diagnostics', undefined, { uri: uri.toString() });
                }
                next(uri, diagnostics);
            },
        },
    };
}
