import { commands, l10n, Uri, ViewColumn, window, type Disposable, type WebviewPanel } from 'vscode';
import { ServerCommands, type RulesTableResult } from '../../../server/src/language/lsp/export/export-command-ids.js';
import { restorePanels, type AskServer } from '../topology-panel.js';
import { RULES_VIEW_TYPE, RulesPanel, type RulesViewReport } from './rules-panel.js';

/**
 * Not contributed (no palette entry): what the rules preview of a topology last reported
 * about its DOM, `{ rows, shown, stale }`, or undefined. For the end-to-end tests.
 */
export const RULES_VIEW_STATE_COMMAND = 'sfbtopo.rulesViewState';

export interface RulesPreview extends Disposable {
    /** Opens the rules preview of a topology beside its editor, or reveals the open one. */
    show(topology: Uri): void;
}

/**
 * The rules previews, one per topology, and their return after a window reload (with the
 * sort, filters and search their webview keeps in its state).
 */
export function registerRulesPreview(ask: AskServer, extensionUri: Uri): RulesPreview {
    const panels = new Map<string, RulesPanel>();
    const requestTable = (topology: Uri) => ask<RulesTableResult>(ServerCommands.rulesTable, topology);
    const adopt = (topology: Uri, panel: WebviewPanel) => {
        const key = topology.toString();
        // Only this panel leaves the map when it closes: a second one opened meanwhile stays.
        const created: RulesPanel = new RulesPanel(topology, panel, requestTable, extensionUri, () => panels.get(key) === created && panels.delete(key));
        panels.set(key, created);
    };
    const title = (topology: Uri) => l10n.t('Rules: {0}', topology.path.slice(topology.path.lastIndexOf('/') + 1));

    const subscriptions = [
        restorePanels(RULES_VIEW_TYPE, (topology, panel) => {
            // Opened again before its tab was shown: one preview per topology.
            if (panels.has(topology.toString())) {
                panel.dispose();
                return;
            }
            panel.title = title(topology);
            adopt(topology, panel);
        }),
        commands.registerCommand(RULES_VIEW_STATE_COMMAND, (target?: unknown): RulesViewReport | undefined => {
            const uri = target instanceof Uri ? target : typeof target === 'string' ? Uri.parse(target) : undefined;
            return uri ? panels.get(uri.toString())?.report : undefined;
        }),
    ];
    return {
        show(topology) {
            const open = panels.get(topology.toString());
            if (open) {
                open.reveal();
                return;
            }
            const panel = window.createWebviewPanel(RULES_VIEW_TYPE, title(topology), { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
                enableScripts: true,
                localResourceRoots: [Uri.joinPath(extensionUri, 'out')],
            });
            adopt(topology, panel);
        },
        dispose() {
            subscriptions.forEach((subscription) => subscription.dispose());
            [...panels.values()].forEach((panel) => panel.dispose());
            panels.clear();
        },
    };
}
