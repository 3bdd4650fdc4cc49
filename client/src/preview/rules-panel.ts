import { l10n, type Uri, type WebviewPanel } from 'vscode';
import type { RulesTable, RulesTableResult } from '../../../server/src/language/lsp/export/export-command-ids.js';
import { TopologyPanel } from '../topology-panel.js';
import { panelPage } from '../webview-page.js';
import type { FromRulesViewMessage, RulesViewStrings, ToRulesViewMessage } from './rules-messages.js';

/** The webview panel type of the rules preview (also named by the `onWebviewPanel:` activation event). */
export const RULES_VIEW_TYPE = 'sfbtopo.rules';

/** What the webview reported after its last update: the rows it has and the rows it shows. */
export interface RulesViewReport {
    rows: number;
    shown: number;
    stale: boolean;
}

/**
 * One webview listing the rules of one topology, sortable and filterable. The rules
 * come from the server's `sfbtopo.rulesTable` (kept, marked stale, while the document
 * has errors).
 */
export class RulesPanel extends TopologyPanel<RulesTable, FromRulesViewMessage> {
    report: RulesViewReport | undefined;

    constructor(
        document: Uri,
        panel: WebviewPanel,
        private readonly requestTable: (document: Uri) => Promise<RulesTableResult>,
        extensionUri: Uri,
        onDispose: () => void,
    ) {
        super(document, panel, onDispose);
        // Created with scripts enabled and `out/` as its only local resource root (VS Code
        // keeps both for a panel it restores after a reload).
        panel.webview.html = panelPage(
            panel.webview,
            extensionUri,
            'rules-view.js',
            RULES_VIEW_CSS,
            `<header class="toolbar" id="toolbar"><h1 id="title"></h1><p id="note" class="hint"></p><div id="filters" class="filters"></div></header>
<div id="status" class="status" role="status" hidden></div>
<main id="rules"></main>`,
        );
        void this.refresh();
    }

    protected request(): Promise<RulesTableResult> {
        return this.requestTable(this.document);
    }

    protected failure(reason: string): string {
        return l10n.t('The rules could not be listed: {0}', reason);
    }

    protected post(): void {
        const message: ToRulesViewMessage = {
            type: 'update',
            topology: this.document.toString(),
            table: this.data,
            stale: this.stale,
            message: this.message,
            strings: viewStrings(),
        };
        void this.panel.webview.postMessage(message);
    }

    protected onMessage(message: FromRulesViewMessage): void {
        if (message.type === 'ready') this.post();
        else if (message.type === 'rendered') this.report = { rows: message.rows, shown: message.shown, stale: message.stale };
    }
}

function viewStrings(): RulesViewStrings {
    return {
        filterBy: l10n.t('Filter by {0}'),
        all: l10n.t('All'),
        search: l10n.t('Search'),
        clear: l10n.t('Clear filters'),
        shown: l10n.t('{0} of {1} rules'),
        truncated: l10n.t('Only the first {0} matching rules are listed: filter to see the others.'),
        sortBy: l10n.t('Sort by this column; click again to reverse'),
        loading: l10n.t('Listing the rules…'),
        noMatch: l10n.t('No rule matches the filters.'),
    };
}

/** VS Code's theme variables, so the table follows light, dark and high-contrast themes. */
const RULES_VIEW_CSS = `
body { margin: 0; padding: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.toolbar { padding: 8px 12px 6px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
h1 { font-size: 1.2em; margin: 0 0 2px; }
.hint { color: var(--vscode-descriptionForeground); margin: 0 0 6px; }
.filters { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: end; }
.filters label { display: flex; flex-direction: column; gap: 2px; font-size: .9em; color: var(--vscode-descriptionForeground); }
select, input { font: inherit; color: var(--vscode-input-foreground, var(--vscode-foreground)); background: var(--vscode-input-background, var(--vscode-editor-background)); border: 1px solid var(--vscode-input-border, var(--vscode-widget-border, #8886)); padding: 2px 4px; max-width: 14em; }
input[type=search] { width: 12em; }
button { font: inherit; color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 2px 10px; cursor: pointer; border-radius: 2px; }
button:hover { background: var(--vscode-button-secondaryHoverBackground); }
select:focus, input:focus, button:focus-visible, th:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.count { margin-left: auto; color: var(--vscode-descriptionForeground); white-space: nowrap; }
.status { margin: 6px 12px; padding: 4px 8px; border: 1px solid var(--vscode-inputValidation-warningBorder, var(--vscode-editorWarning-foreground)); background: var(--vscode-inputValidation-warningBackground, transparent); }
body.stale main { opacity: .55; }
main { padding: 0 12px 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); }
td { overflow-wrap: break-word; }
td.key-rule { overflow-wrap: anywhere; }
thead th { position: sticky; top: 0; z-index: 1; background: var(--vscode-editor-background); box-shadow: 0 1px 0 var(--vscode-panel-border, #8886); cursor: pointer; user-select: none; white-space: nowrap; }
thead th:hover { color: var(--vscode-textLink-activeForeground, var(--vscode-foreground)); }
th[aria-sort=ascending]::after { content: ' ▲'; font-size: .8em; }
th[aria-sort=descending]::after { content: ' ▼'; font-size: .8em; }
tbody tr:hover { background: var(--vscode-list-hoverBackground); }
td.key-rule, td.key-source, td.key-destination, td.key-ports { font-family: var(--vscode-editor-font-family); font-size: .92em; }
td.key-rule { color: var(--vscode-descriptionForeground); }
/* At half an editor's width a row of ten columns cannot be read: each rule becomes a
   block instead, its service first, then each cell after its column's title. The headings
   stay on top as a bar of sort buttons. */
@media (max-width: 720px) {
  thead tr { display: flex; flex-wrap: wrap; gap: 2px 4px; padding: 4px 0; background: var(--vscode-editor-background); }
  thead th { padding: 1px 6px; border: 1px solid var(--vscode-panel-border, #8886); border-radius: 2px; box-shadow: none; font-weight: normal; }
  thead { position: sticky; top: 0; z-index: 1; }
  tbody tr { display: flex; flex-wrap: wrap; gap: 0 14px; padding: 5px 0; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); }
  tbody td { display: block; padding: 0; border: 0; }
  tbody td::before { content: attr(data-title) ': '; color: var(--vscode-descriptionForeground); font-family: var(--vscode-font-family); }
  tbody td.key-service { order: -1; flex-basis: 100%; font-weight: 600; }
  tbody td.key-service::before, tbody td.key-rule { display: none; }
  tbody td:empty { display: none; }
}
body.vscode-high-contrast th, body.vscode-high-contrast td, body.vscode-high-contrast-light th, body.vscode-high-contrast-light td { border-color: var(--vscode-contrastBorder); }
`;
