// @ts-check
// The launcher's half of the end-to-end tests' UI driver. The tests run in the extension
// host and cannot reach the browser; they ask for what a user does (click, press keys,
// type) and sees (the text or number of matching elements, a screenshot) by writing one
// request file at a time into a channel folder, and this module answers each with
// Playwright on the workbench page. test/e2e/suite/ui-driver.ts is the other half and
// declares the requests' types.
//
// A request `<id>.request.json` is answered by `<id>.answer.json`:
// `{ "ok": true, "value": … }` or `{ "ok": false, "error": "…" }`.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** How long one click or wait may take unless the request says otherwise. */
const ACTION_TIMEOUT_MS = 15_000;

/**
 * An element the tests name: a Playwright selector, inside nested iframes (a webview is an
 * iframe in an iframe), optionally narrowed to the elements containing a text, and the
 * `nth` (0-based) of the matches (default: the first).
 * @typedef {{ selector: string, frames?: string[], hasText?: string, nth?: number }} Target
 */

/**
 * @param {import('playwright-core').Page} page @param {Target} target
 * @returns {import('playwright-core').Locator} every match
 */
function locateAll(page, target) {
    /** @type {import('playwright-core').Page | import('playwright-core').FrameLocator} */
    let scope = page;
    for (const frame of target.frames ?? []) scope = scope.frameLocator(frame);
    const all = scope.locator(target.selector);
    return target.hasText === undefined ? all : all.filter({ hasText: target.hasText });
}

/** @param {import('playwright-core').Page} page @param {Target} target */
const locate = (page, target) => locateAll(page, target).nth(target.nth ?? 0);

/**
 * Answers the tests' UI requests until the returned function is called.
 * @param {import('playwright-core').Page} page
 * @param {{ channel: string, screenshots: string, deadline: number, log: (line: string) => void }} options
 */
export function serveUiRequests(page, { channel, screenshots, deadline, log }) {
    mkdirSync(channel, { recursive: true });
    mkdirSync(screenshots, { recursive: true });
    const timeout = (/** @type {number | undefined} */ wanted) => Math.max(1, Math.min(wanted ?? ACTION_TIMEOUT_MS, deadline - Date.now()));

    /** @param {any} request */
    async function perform(request) {
        switch (request.action) {
            case 'click': {
                const target = locate(page, request.target);
                // A view that draws itself again (the map after its layout) replaces the element
                // between finding and clicking it; the locator finds the new one on the next try.
                for (let attempt = 1; ; attempt++) {
                    try {
                        // The pointer goes to the target first, as a hand on a mouse does: menus
                        // such as the quick fix list ignore clicks until the pointer has moved.
                        await target.scrollIntoViewIfNeeded({ timeout: timeout() });
                        const box = await target.boundingBox({ timeout: timeout() });
                        if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
                        await target.click({ timeout: timeout() });
                        return undefined;
                    } catch (error) {
                        const detached = error instanceof Error && /not attached to the DOM/.test(error.message);
                        if (!detached || attempt >= 5 || Date.now() >= deadline) throw error;
                        log(`click: ${request.target.selector} was replaced while clicking; trying again`);
                        await page.waitForTimeout(200);
                    }
                }
            }
            case 'press':
                await page.keyboard.press(request.keys);
                return undefined;
            case 'type':
                await page.keyboard.type(request.text);
                return undefined;
            case 'select':
                // As a user picks an entry of a drop-down list: by its value.
                await locate(page, request.target).selectOption(request.value, { timeout: timeout() });
                return undefined;
            case 'waitFor':
                await locate(page, request.target).waitFor({ state: request.state ?? 'visible', timeout: timeout(request.timeoutMs) });
                return undefined;
            case 'text':
                return await locate(page, request.target).innerText({ timeout: timeout() });
            case 'texts':
                return await locateAll(page, request.target).allInnerTexts();
            case 'count':
                return await locateAll(page, request.target).count();
            case 'screenshot': {
                if (request.waitFor) {
                    await locate(page, request.waitFor)
                        .waitFor({ state: 'visible', timeout: timeout() })
                        .catch((error) => {
                            if (request.required) throw error;
                            log(`screenshot ${request.name}: ${request.waitFor.selector} not visible; taking it anyway`);
                        });
                }
                const target = join(screenshots, `${request.name}.png`);
                // Finished animations: a hover caught while it fades in shows the text under it.
                await page.screenshot({ path: target, animations: 'disabled' });
                log(`screenshot ${target}`);
                return target;
            }
            default:
                throw new Error(`unknown UI request ${JSON.stringify(request.action)}`);
        }
    }

    const seen = new Set();
    // One request at a time, in the order they came: a test waits for each answer anyway.
    let queue = Promise.resolve();
    const take = (/** @type {string} */ file) => {
        if (!file.endsWith('.request.json') || seen.has(file)) return;
        seen.add(file);
        const id = file.slice(0, -'.request.json'.length);
        queue = queue.then(async () => {
            /** @type {{ ok: boolean, value?: unknown, error?: string }} */
            let answer;
            try {
                answer = { ok: true, value: await perform(JSON.parse(readFileSync(join(channel, file), 'utf8'))) };
            } catch (error) {
                answer = { ok: false, error: error instanceof Error ? error.message : String(error) };
            }
            rmSync(join(channel, file), { force: true });
            // Written under another name first, so the test never reads half an answer.
            writeFileSync(join(channel, `${id}.answer.tmp`), JSON.stringify(answer));
            renameSync(join(channel, `${id}.answer.tmp`), join(channel, `${id}.answer.json`));
        });
    };
    const watcher = watch(channel, (_event, file) => file && take(String(file)));
    for (const file of readdirSync(channel)) take(file);
    return () => watcher.close();
}
