import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './helpers.js';

// The tests' half of the UI driver (e2e/ui-driver.mjs is the launcher's half): the tests
// run in the extension host, the workbench's page is in the launcher's browser, so each
// step a user takes is a request file the launcher answers with Playwright.

/**
 * An element of the workbench, as e2e/ui-driver.mjs finds it: a Playwright selector, in
 * nested iframes (`frames`, outermost first), narrowed to elements containing `hasText`,
 * and the `nth` (0-based) match. workbench-locators.ts names the ones the tests use.
 */
export interface Target {
    selector: string;
    frames?: string[];
    hasText?: string;
    nth?: number;
}

type Request =
    | { action: 'click'; target: Target }
    | { action: 'press'; keys: string }
    | { action: 'type'; text: string }
    | { action: 'select'; target: Target; value: string }
    | { action: 'waitFor'; target: Target; state?: 'visible' | 'hidden' | 'attached' | 'detached'; timeoutMs?: number }
    | { action: 'text'; target: Target }
    | { action: 'texts'; target: Target }
    | { action: 'count'; target: Target }
    | { action: 'screenshot'; name: string; waitFor?: Target; required?: boolean };

/** The folder the launcher watches; undefined when the tests run without it (a desktop VS Code). */
export const uiChannel = (): string | undefined => process.env.SFBTOPO_E2E_UI;

let sequence = 0;

async function ask<T>(request: Request, timeoutMs = 30_000): Promise<T> {
    const channel = uiChannel();
    if (!channel) throw new Error('no UI driver: SFBTOPO_E2E_UI is not set (run the suite through test/e2e/run-tests.ts)');
    const id = `${process.pid}-${++sequence}`;
    const answerFile = join(channel, `${id}.answer.json`);
    // Written under another name first, so the launcher never reads half a request.
    writeFileSync(join(channel, `${id}.tmp`), JSON.stringify(request));
    renameSync(join(channel, `${id}.tmp`), join(channel, `${id}.request.json`));
    const answer = await waitFor(`the launcher to ${request.action}${'target' in request ? ` ${request.target.selector}` : ''}`, () =>
        existsSync(answerFile) ? (JSON.parse(readFileSync(answerFile, 'utf8')) as { ok: boolean; value?: T; error?: string }) : undefined,
    timeoutMs);
    rmSync(answerFile, { force: true });
    if (!answer.ok) throw new Error(`UI ${request.action} failed: ${answer.error}`);
    return answer.value as T;
}

/** What a user does and sees in the workbench. */
export const ui = {
    click: (target: Target) => ask<void>({ action: 'click', target }),
    /** Keys as Playwright names them, e.g. `Control+.` or `Enter`, to the focused element. */
    press: (keys: string) => ask<void>({ action: 'press', keys }),
    type: (text: string) => ask<void>({ action: 'type', text }),
    /** Picks the option of a drop-down list (`<select>`) whose value is `value`. */
    select: (target: Target, value: string) => ask<void>({ action: 'select', target, value }),
    waitFor: (target: Target, state: 'visible' | 'hidden' = 'visible', timeoutMs = 15_000) =>
        ask<void>({ action: 'waitFor', target, state, timeoutMs }, timeoutMs + 15_000),
    /** The rendered text of the target (the first match unless `nth` says otherwise). */
    text: (target: Target) => ask<string>({ action: 'text', target }),
    /** The rendered text of every match. */
    texts: (target: Target) => ask<string[]>({ action: 'texts', target }),
    count: (target: Target) => ask<number>({ action: 'count', target }),
    /**
     * Saves `<name>.png` in the screenshots folder once `waitFor` is visible (or after 15 s,
     * unless `required`: then the request fails); `<name>-ja.png` in the Japanese workbench,
     * so that both passes' pictures are kept.
     */
    screenshot: (name: string, waitFor?: Target, required = false) =>
        ask<string>({ action: 'screenshot', name: process.env.SFBTOPO_E2E_PASS === 'ja' ? `${name}-ja` : name, waitFor, required }, 60_000),
};
