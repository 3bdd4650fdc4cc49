import { commands, l10n, Uri, ViewColumn, window, type Disposable, type WebviewPanel } from 'vscode';
import { RuleChangesClientCommands, type RuleChangesBase } from '../../../server/src/language/lsp/diff/rule-changes-ids.js';
import { topologyDocument, type CommandTarget } from '../commands.js';
import { exportSettings } from '../config.js';
import { restorePanels, type AskServer } from '../topology-panel.js';
import { CHANGES_VIEW_TYPE, RuleChangesPanel, type ChangesViewReport } from './rule-changes-panel.js';

/**
 * Not contributed (no palette entry): what the rule changes view of a topology last reported
 * about its DOM, or undefined. Arguments: the topology's URI, and `export` (default) or `git`.
 * For the end-to-end tests.
 */
export const CHANGES_VIEW_STATE_COMMAND = 'sfbtopo.ruleChangesViewState';

/** What the command is called with: as any topology command, or `{ uri, against }` from the code lens. */
type ChangesTarget = CommandTarget | { uri: string; against?: unknown };

/**
 * `sfbtopo.showRuleChanges`: asks what to compare the topology with (unless the code lens
 * said: its last export) and opens the view beside the editor, one per topology and base.
 */
export function registerRuleChanges(ask: AskServer, extensionUri: Uri): Disposable {
    const panels = new Map<string, RuleChangesPanel>();
    const key = (topology: Uri, against: RuleChangesBase) => `${against} ${topology.toString()}`;
    const title = (topology: Uri, against: RuleChangesBase) => {
        const name = topology.path.slice(topology.path.lastIndexOf('/') + 1);
        return against === 'export' ? l10n.t('Rule changes since export: {0}', name) : l10n.t('Rule changes since HEAD: {0}', name);
    };
    const adopt = (topology: Uri, against: RuleChangesBase, panel: WebviewPanel) => {
        const panelKey = key(topology, against);
        // Only this panel leaves the map when it closes: a second one opened meanwhile stays.
        const created: RuleChangesPanel = new RuleChangesPanel(topology, panel, against, ask, extensionUri, () => panels.get(panelKey) === created && panels.delete(panelKey));
        panels.set(panelKey, created);
    };

    const show = async (target?: ChangesTarget) => {
        const document = await topologyDocument(target as CommandTarget);
        if (!document) return;
        const given = target && !(target instanceof Uri) && 'against' in target ? target.against : undefined;
        const against = given === 'export' || given === 'git' ? given : await pickBase(document.uri);
        if (!against) return;
        const open = panels.get(key(document.uri, against));
        if (open) {
            open.reveal();
            return;
        }
        // Scripts and `out/` as the only local resource root: VS Code keeps both for a panel it restores.
        const panel = window.createWebviewPanel(CHANGES_VIEW_TYPE, title(document.uri, against), { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            localResourceRoots: [Uri.joinPath(extensionUri, 'out')],
        });
        adopt(document.uri, against, panel);
    };

    const subscriptions = [
        restorePanels(CHANGES_VIEW_TYPE, (topology, panel, state) => {
            const against = state.against === 'git' ? 'git' : 'export';
            // Opened again before its tab was shown: one view per topology and base.
            if (panels.has(key(topology, against))) {
                panel.dispose();
                return;
            }
            panel.title = title(topology, against);
            adopt(topology, against, panel);
        }),
        commands.registerCommand(RuleChangesClientCommands.showRuleChanges, show),
        commands.registerCommand(CHANGES_VIEW_STATE_COMMAND, (target?: unknown, against: RuleChangesBase = 'export'): ChangesViewReport | undefined => {
            const uri = target instanceof Uri ? target : typeof target === 'string' ? Uri.parse(target) : undefined;
            return uri ? panels.get(key(uri, against))?.report : undefined;
        }),
    ];
    return {
        dispose() {
            subscriptions.forEach((subscription) => subscription.dispose());
            [...panels.values()].forEach((panel) => panel.dispose());
            panels.clear();
        },
    };
}

async function pickBase(topology: Uri): Promise<RuleChangesBase | undefined> {
    const folder = exportSettings(topology).outputFolder;
    const picked = await window.showQuickPick(
        [
            { label: l10n.t('Last export'), description: l10n.t('the rules.json in {0}', folder), against: 'export' as const },
            { label: l10n.t('Git HEAD'), description: l10n.t('the topology as last committed'), against: 'git' as const },
        ],
        { placeHolder: l10n.t('Compare the rules with…') },
    );
    return picked?.against;
}
