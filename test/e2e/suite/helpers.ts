import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { ui, uiChannel } from './ui-driver.js';

// Shared by the end-to-end tests, which run inside the extension host of a real VS Code
// (code-server, see e2e/launch-code-server.mjs). Nothing here sleeps for a fixed time:
// every wait is for a condition, with a timeout that names what was awaited.

/** The repository: this file is bundled into `out/e2e/suite.cjs`. */
export const repoRoot = resolve(__dirname, '../..');

export const EXTENSION_ID = 'sfbtopo.sfbtopo';

/** The copy of `test/e2e/fixtures/workspace` (plus the bundled examples) this run works in. */
export function workspaceRoot(): string {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('the end-to-end tests need a workspace folder (run-tests.ts opens one)');
    return folder.uri.fsPath;
}

export function workspaceFile(name: string): vscode.Uri {
    return vscode.Uri.file(join(workspaceRoot(), name));
}

/** Resolves with the condition's first truthy value; rejects after `timeoutMs` naming `what`. */
export async function waitFor<T>(what: string, condition: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
        try {
            const value = await condition();
            if (value) return value;
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
            throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
        }
        // A short poll interval, not a fixed wait: it returns as soon as the condition holds.
        await new Promise((r) => setTimeout(r, 50));
    }
}

/** Waits until the diagnostics of `uri` satisfy `accept` (they arrive from the server asynchronously). */
export function waitForDiagnostics(
    uri: vscode.Uri,
    what: string,
    accept: (diagnostics: vscode.Diagnostic[]) => boolean,
    timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
    return waitFor(`diagnostics of ${uri.path.slice(uri.path.lastIndexOf('/') + 1)}: ${what}`, () => {
        const diagnostics = vscode.languages.getDiagnostics(uri);
        return accept(diagnostics) ? diagnostics : undefined;
    }, timeoutMs);
}

/** Opens a file in an editor. */
export async function openEditor(uri: vscode.Uri, selection?: vscode.Range): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { preview: false, selection });
}

/** The range of the `occurrence`-th (0-based) match of `text` in the document. */
export function rangeOf(document: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = document.getText().indexOf(text, index + 1);
        if (index < 0) throw new Error(`'${text}' (occurrence ${occurrence}) is not in ${document.uri.path}`);
    }
    return new vscode.Range(document.positionAt(index), document.positionAt(index + text.length));
}

/** Hover, completion and code action contents as plain strings. */
/**
 * The hovers on the first `text` of an editor, `into` characters into it, once the
 * language server gives one; with their markdown joined and the position asked.
 */
export async function hoversOn(editor: vscode.TextEditor, text: string, into = 1): Promise<{ hovers: vscode.Hover[]; markdown: string; position: vscode.Position }> {
    const position = rangeOf(editor.document, text).start.translate(0, into);
    const hovers = await waitFor(`a hover on ${text}`, async () => {
        const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
        return found.length > 0 ? found : undefined;
    });
    return { hovers, markdown: hovers.flatMap((hover) => hover.contents.map(markdownText)).join('\n'), position };
}

function markdownText(content: vscode.MarkdownString | vscode.MarkedString | string): string {
    if (typeof content === 'string') return content;
    return 'value' in content ? content.value : String(content);
}

/**
 * Asks the launcher for a screenshot of the workbench once `waitForSelector` (a Playwright
 * selector) is visible, and waits until it is saved. With `required`, a selector that does
 * not show fails: the screenshot then checks what the workbench shows. Does nothing when
 * the tests run without the launcher, e.g. in a desktop VS Code.
 */
export async function screenshot(name: string, waitForSelector?: string, required = false): Promise<void> {
    if (!uiChannel()) return;
    await ui.screenshot(name, waitForSelector ? { selector: waitForSelector } : undefined, required);
}

/** Closes every editor, so each test starts from an empty editor area. */
export async function closeAllEditors(): Promise<void> {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
