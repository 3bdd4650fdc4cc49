import { commands, l10n, Uri, ViewColumn, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node.js';
import { ServerCommands, type DocumentCommandArgs, type RulesTableResult } from '../../../server/src/language/lsp/export/export-command-ids.js';
import type { RulesViewState } from './rules-messages.js';
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
 * The rules previews, one per topology, and their return after a window reload: the
 * serializer gets the topology's URI from the webview's saved state and lists its
 * rules again (the extension is activated for it by `onWebviewPanel:sfbtopo.rules`).
 */
export function registerRulesPreview(client: LanguageClient, extensionUri: Uri): RulesPreview {
    const panels = new Map<string, RulesPanel>();
    const requestTable = async (topology: Uri): Promise<RulesTableResult> => {
        // Opening the document makes the language client send it to the server, which
        // only lists the rules of documents it has (a restored panel may come first).
        await workspace.openTextDocument(topology);
        const args: DocumentCommandArgs = { uri: client.code2ProtocolConverter.asUri(topology) };
        return client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.rulesTable, arguments: [args] });
    };
    const adopt = (topology: Uri, panel: WebviewPanel) => {
        const key = topology.toString();
        panels.set(key, new RulesPanel(topology, panel, requestTable, extensionUri, () => panels.delete(key)));
    };
    const title = (topology: Uri) => l10n.t('Rules: {0}', topology.path.slice(topology.path.lastIndexOf('/') + 1));

    const subscriptions = [
        window.registerWebviewPanelSerializer(RULES_VIEW_TYPE, {
            async deserializeWebviewPanel(panel, state: RulesViewState | undefined) {
                if (typeof state?.topology !== 'string') {
                    panel.dispose();
                    return;
                }
                const topology = Uri.parse(state.topology);
                panel.title = title(topology);
                adopt(topology, panel);
            },
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
