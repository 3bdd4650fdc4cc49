import type { Middleware } from 'vscode-languageclient/node.js';
import { logStartupEvent, timingStartup } from '../../server/src/launch/startup-timing.js';

/**
 * For `npm run bench`: the moment of activation and of the first diagnostics, so that
 * activation → first diagnostics can be timed in a real VS Code (see logStartupEvent).
 */
export function startupTiming(): { activated(): void; middleware: Pick<Middleware, 'handleDiagnostics'> } {
    if (!timingStartup()) return { activated: () => undefined, middleware: {} };
    let first = true;
    return {
        activated: () => logStartupEvent('activate'),
        middleware: {
            handleDiagnostics: (uri, diagnostics, next) => {
                if (first) {
                    first = false;
                    logStartupEvent('diagnostics');
                }
                next(uri, diagnostics);
            },
        },
    };
}
