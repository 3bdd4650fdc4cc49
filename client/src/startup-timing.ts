import { appendFileSync } from 'node:fs';
import type { Middleware } from 'vscode-languageclient/node.js';

/**
 * For `npm run bench`: with SFBTOPO_STARTUP_LOG naming a file in the extension host's
 * environment, the moment of activation and of the first diagnostics are appended to it
 * as JSON lines, so that activation → first diagnostics can be timed in a real VS Code.
 * Without the variable nothing is written.
 */
export function startupTiming(): { activated(): void; middleware: Pick<Middleware, 'handleDiagnostics'> } {
    const log = process.env.SFBTOPO_STARTUP_LOG;
    if (!log) return { activated: () => undefined, middleware: {} };
    const write = (event: string) => appendFileSync(log, `${JSON.stringify({ event, at: performance.timeOrigin + performance.now() })}\n`);
    let first = true;
    return {
        activated: () => write('activate'),
        middleware: {
            handleDiagnostics: (uri, diagnostics, next) => {
                if (first) {
                    first = false;
                    write('diagnostics');
                }
                next(uri, diagnostics);
            },
        },
    };
}
