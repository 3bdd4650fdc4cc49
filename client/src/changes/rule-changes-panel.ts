import { env, l10n, window, type Uri, type WebviewPanel } from 'vscode';
import { RuleChangesServerCommands, type RuleChanges, type RuleChangesBase, type RuleChangesResult } from '../../../server/src/language/lsp/diff/rule-changes-ids.js';
import { exportSettings } from '../config.js';
import { TopologyPanel, type AskServer } from '../topology-panel.js';
import { panelPage } from '../webview-page.js';
import type { ChangesViewStrings, FromChangesViewMessage, ToChangesViewMessage } from './changes-messages.js';

/** The webview panel type of the rule changes view. */
export const CHANGES_VIEW_TYPE = 'sfbtopo.ruleChanges';

/** What the webview reported after its last update. */
export interface ChangesViewReport {
    groups: number;
    rows: number;
    stale: boolean;
    /** The text the view shows, for tests to look for a rule in. */
    text: string;
}

/**
 * One webview showing what a topology's edits do to its rules since its last export or its
 * last commit: the change request from the server's `sfbtopo.ruleChanges`, drawn as tables,
 * with a button that copies it as markdown. It follows the document as it is edited.
 */
export class RuleChangesPanel extends TopologyPanel<RuleChanges, FromChangesViewMessage> {
    report: ChangesViewReport | undefined;

    constructor(
        document: Uri,
        panel: WebviewPanel,
        private readonly against: RuleChangesBase,
        private readonly ask: AskServer,
        extensionUri: Uri,
        onDispose: () => void,
    ) {
        super(document, panel, onDispose);
        panel.webview.html = panelPage(
            panel.webview,
            extensionUri,
            'changes-view.js',
            CHANGES_VIEW_CSS,
            `<header class="toolbar"><div><h1 id="title"></h1><p id="intro" class="hint"></p></div><button id="copy" type="button"></button></header>
<div id="status" class="status" role="status" hidden></div>
<main id="changes"></main>`,
        );
        void this.refresh();
    }

    protected request(): Promise<RuleChangesResult> {
        // The folder the export settings name, as the export itself would use.
        return this.ask<RuleChangesResult>(RuleChangesServerCommands.ruleChanges, this.document, { against: this.against, outDir: exportSettings(this.document).outputFolder });
    }

    protected failure(reason: string): string {
        return l10n.t('The rule changes could not be worked out: {0}', reason);
    }

    protected post(): void {
        const message: ToChangesViewMessage = {
            type: 'update',
            topology: this.document.toString(),
            against: this.against,
            request: this.data?.request,
            stale: this.stale,
            message: this.message,
            strings: viewStrings(this.against),
        };
        void this.panel.webview.postMessage(message);
    }

    protected async onMessage(message: FromChangesViewMessage): Promise<void> {
        if (message.type === 'ready') this.post();
        else if (message.type === 'rendered') this.report = { groups: message.groups, rows: message.rows, stale: message.stale, text: message.text };
        else if (message.type === 'copy' && this.data) {
            await env.clipboard.writeText(this.data.markdown);
            void window.showInformationMessage(l10n.t('The change request was copied as markdown: paste it into the ticket.'));
        }
    }
}

function viewStrings(against: RuleChangesBase): ChangesViewStrings {
    return {
        copy: l10n.t('Copy change request (markdown)'),
        loading: l10n.t('Comparing the rules…'),
        follows: against === 'export' ? l10n.t('Updated as you edit; export again to start from the new rules.') : l10n.t('Updated as you edit.'),
    };
}

/** VS Code's theme variables; inserted text in the theme's "added" colour, removed text struck through in its "deleted" colour. */
const CHANGES_VIEW_CSS = `
body { margin: 0; padding: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
.toolbar { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: start; justify-content: space-between; padding: 8px 12px 6px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
h1 { font-size: 1.2em; margin: 0 0 2px; }
h2 { font-size: 1.05em; margin: 16px 0 4px; }
.hint { color: var(--vscode-descriptionForeground); margin: 0; }
button { font: inherit; color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 12px; cursor: pointer; border-radius: 2px; white-space: nowrap; }
button:hover { background: var(--vscode-button-hoverBackground); }
button:disabled { opacity: .5; cursor: default; }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.status { margin: 6px 12px; padding: 4px 8px; border: 1px solid var(--vscode-inputValidation-warningBorder, var(--vscode-editorWarning-foreground)); background: var(--vscode-inputValidation-warningBackground, transparent); }
body.stale main { opacity: .55; }
main { padding: 4px 12px 12px; }
table { border-collapse: collapse; width: 100%; margin-top: 6px; }
table.summary { width: auto; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); overflow-wrap: break-word; }
td:last-child { overflow-wrap: anywhere; }
table.summary td + td { text-align: right; }
th { font-weight: 600; }
td:nth-child(2), td:nth-child(3), td:nth-child(5), td:last-child { font-family: var(--vscode-editor-font-family); font-size: .92em; }
td:last-child { color: var(--vscode-descriptionForeground); }
tr.change-added td:first-child { color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-charts-green)); font-weight: 600; }
tr.change-removed td:first-child { color: var(--vscode-gitDecoration-deletedResourceForeground, var(--vscode-charts-red)); font-weight: 600; }
tr.change-changed td:first-child { color: var(--vscode-gitDecoration-modifiedResourceForeground, var(--vscode-charts-yellow)); font-weight: 600; }
tr.change-renamed td:first-child { color: var(--vscode-descriptionForeground); font-weight: 600; }
ins { text-decoration: none; font-weight: 600; color: var(--vscode-gitDecoration-addedResourceForeground, var(--vscode-charts-green)); background: var(--vscode-diffEditor-insertedTextBackground, transparent); }
del { color: var(--vscode-gitDecoration-deletedResourceForeground, var(--vscode-charts-red)); background: var(--vscode-diffEditor-removedTextBackground, transparent); }
table.summary tr td:first-child { color: inherit; font-weight: normal; }
/* At half an editor's width eight columns cannot be read: each change becomes a block, its
   action and service first, then each cell after its column's title. */
@media (max-width: 720px) {
  section table thead { display: none; }
  section table tbody tr { display: flex; flex-wrap: wrap; gap: 0 14px; padding: 5px 0; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); }
  section table tbody td { display: block; padding: 0; border: 0; }
  section table tbody td::before { content: attr(data-title) ': '; color: var(--vscode-descriptionForeground); font-family: var(--vscode-font-family); font-weight: normal; }
  section table tbody td:first-child::before { content: none; }
  section table tbody td:last-child { flex-basis: 100%; }
}
`;
