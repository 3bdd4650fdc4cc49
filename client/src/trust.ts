import { commands, l10n, window, workspace } from 'vscode';

/**
 * Whether a command may write files now. In Restricted Mode (an untrusted workspace) it
 * may not: a cloned repository's settings must not choose where files land, so the
 * user is told why and offered the workspace trust editor, and nothing is written.
 * Resolves at once; the offer stays in the notification.
 */
export function mayWrite(): boolean {
    if (workspace.isTrusted) return true;
    const manage = l10n.t('Manage Workspace Trust');
    void window
        .showWarningMessage(l10n.t('Exporting writes files, which Restricted Mode does not allow: trust this workspace to export. Nothing was written.'), manage)
        .then((choice) => (choice === manage ? commands.executeCommand('workbench.trust.manage') : undefined));
    return false;
}
