import type { Target } from './ui-driver.js';

// Where the workbench shows what the UI-driven tests click and read, in one place. They
// use the workbench's own ids, class names and attributes (file names, row levels), not
// its display text, so that the same tests run with display language ja. Text appears only
// where it comes from the extension at run time (a lens or quick fix title, in the
// workbench's language).

/** A CSS attribute value, quoted. */
const quoted = (value: string) => JSON.stringify(value);

/** A file or folder of the Explorer tree, by name. */
export const explorerItem = (name: string): Target => ({ selector: `.explorer-folders-view .monaco-list-row[aria-label=${quoted(name)}]` });

/** The same row when the Explorer decorates it with a problem colour (as a folder holding errors turns red). */
export const explorerItemMarkedWithProblems = (name: string): Target => ({
    selector: `${explorerItem(name).selector} .monaco-icon-label[class*="monaco-decoration-itemColor"]`,
});

/** The tab of an open editor, by file name. */
export const editorTab = (fileName: string): Target => ({ selector: `.tabs-container .tab[data-resource-name=${quoted(fileName)}]` });

/** The text area of the active editor (clicking it gives the editor the keyboard). */
export const activeEditorText = (): Target => ({ selector: '.editor-group-container.active .monaco-editor .view-lines' });

/** A code lens of the visible editor, by its title. */
export const codeLens = (title: string): Target => ({ selector: '.editor-group-container.active .codelens-decoration a', hasText: title });

/** The row of the quick fix menu (Ctrl+.) that applies the fix titled `title`. */
export const quickFixMenuRow = (title: string): Target => ({ selector: `.action-widget .monaco-list-row.action[aria-label=${quoted(title)}]` });

/** The Problems item of the status bar: error, warning (and info, if any) counts after their icons. */
export const problemsStatus = (): Target => ({ selector: '[id="status.problems"] .statusbar-item-label' });

/** The count on the panel's active tab: the Problems tab, once the Problems view is shown. */
export const problemsTabBadge = (): Target => ({ selector: '.part.panel .composite-bar .action-item.checked .badge-content' });

/** The file rows of the Problems view (the level above each file's problems). */
export const problemsViewFiles = (): Target => ({ selector: '[id="workbench.panel.markers"] .monaco-list-row[aria-level="1"] .label-name' });

/** The tab of an open webview (the rules preview, the map), by the title the extension gave it. */
export const webviewTab = (title: string): Target => ({ selector: `.tabs-container .tab[aria-label^=${quoted(title)}]` });

/**
 * An element of the webview shown in the editor area, which code-server puts in an iframe
 * in an iframe. Only a shown webview has its iframes: a webview behind another tab has none.
 */
export const inWebview = (selector: string): Target => ({ selector, frames: ['iframe.webview.ready', 'iframe#active-frame'] });

/** A box (pool, server role, clients) of the topology map. */
export const mapBox = (nodeId: string): Target => inWebview(`[data-node=${quoted(nodeId)}]`);

/** The (first) button of a notification toast, such as "Open Folder" after an export. */
export const notificationButton = (): Target => ({ selector: '.notification-toast .notification-list-item-buttons-container .monaco-button' });
