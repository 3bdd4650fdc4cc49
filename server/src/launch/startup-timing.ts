import { appendFileSync } from 'node:fs';

/**
 * For `npm run bench` (bench/editor-startup.mjs): with SFBTOPO_STARTUP_LOG naming a file,
 * the extension and the language server it starts (which inherits the variable) append
 * the moments of their start-up to it, one JSON line each, in milliseconds since the epoch
 * so that both processes' moments compare. Without the variable nothing is written.
 */
export function logStartupEvent(event: string, at: number = performance.timeOrigin + performance.now(), details: Record<string, string> = {}): void {
    const log = process.env.SFBTOPO_STARTUP_LOG;
    if (log) appendFileSync(log, `${JSON.stringify({ event, at, ...details })}\n`);
}

/** Whether the start-up is being timed. */
export const timingStartup = (): boolean => Boolean(process.env.SFBTOPO_STARTUP_LOG);
