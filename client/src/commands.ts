import { commands, env, l10n, ProgressLocation, Uri, window, workspace, type TextDocument } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node.js';
import {
    ServerCommands,
    type DocumentCommandArgs,
    type ExportRulesArgs,
    type ExportRulesResult,
    type FormatRequest,
    type OverwriteRefusal,
} from '../../server/src/language/lsp/export/export-command-ids.js';
import { exportSettings } from './config.js';
import type { RulesPreview } from './preview/rules-preview.js';
import { mayWrite } from './trust.js';

// The client side of the rule export: find the topology, save it, read the settings,
// call the server's `sfbtopo.exportRules` and show the outcome, or open the rules
// preview. Which rules and files a topology gives is the server's business alone.

export interface CommandContext {
    client: LanguageClient;
    preview: RulesPreview;
}

/**
 * What a command is invoked with: nothing (command palette: the active editor), the
 * resource `Uri` (editor title button), or `{ uri }` (code lens, source action).
 */
export type CommandTarget = Uri | DocumentCommandArgs | undefined;

/** `sfbtopo.exportAll`: the formats of `sfbtopo.export.formats`. */
export function exportAllCommand(context: CommandContext): (target?: CommandTarget) => Promise<void> {
    return (target) => exportRules(context, target, (settings) => settings, (name) => l10n.t('Exporting firewall and IPsec rules of {0}…', name));
}

/** `sfbtopo.exportFirewall`: every firewall format. */
export function exportFirewallCommand(context: CommandContext): (target?: CommandTarget) => Promise<void> {
    return (target) => exportRules(context, target, () => 'firewall', (name) => l10n.t('Exporting firewall rules of {0}…', name));
}

/** `sfbtopo.exportIpsec`: every IPsec format. */
export function exportIpsecCommand(context: CommandContext): (target?: CommandTarget) => Promise<void> {
    return (target) => exportRules(context, target, () => 'ipsec', (name) => l10n.t('Exporting IPsec rules of {0}…', name));
}

/** `sfbtopo.previewRules`: the rules as a sortable, filterable table beside the topology. */
export function previewRulesCommand(context: CommandContext): (target?: CommandTarget) => Promise<void> {
    return async (target) => {
        const document = await topologyDocument(target);
        if (document) context.preview.show(document.uri);
    };
}

async function exportRules(
    context: CommandContext,
    target: CommandTarget,
    formats: (settings: FormatRequest) => FormatRequest,
    title: (name: string) => string,
): Promise<void> {
    const document = await topologyDocument(target);
    // Asked before saving: in Restricted Mode the export writes nothing at all.
    if (!document || !mayWrite() || !(await saved(document))) return;
    const name = baseName(document.uri);
    const settings = exportSettings(document.uri);
    const args: ExportRulesArgs = {
        uri: context.client.code2ProtocolConverter.asUri(document.uri),
        formats: formats(settings.formats),
        outDir: settings.outputFolder,
        workspaceTrusted: workspace.isTrusted,
    };
    // 'failed' once the failure has been shown; null when the server gave no answer.
    const run = async (request: ExportRulesArgs): Promise<ExportRulesResult | null | 'failed'> => {
        try {
            return await window.withProgress({ location: ProgressLocation.Notification, title: title(name) }, () =>
                context.client.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.exportRules, arguments: [request] }),
            );
        } catch (error) {
            void window.showErrorMessage(l10n.t('The rules of {0} could not be exported: {1}', name, reason(error)));
            return 'failed';
        }
    };
    let result = await run(args);
    if (result === 'failed') return;
    if (result && !result.ok && 'handEdited' in result && result.handEdited.length > 0) {
        // Files changed by hand (or not sfbtopo's) are never overwritten without asking.
        if (!(await confirmOverwrite(result, name))) return;
        result = await run({ ...args, force: true });
        if (result === 'failed') return;
    }
    if (!result?.ok) {
        void window.showErrorMessage(result?.message ?? l10n.t('The rules of {0} could not be exported: {1}', name, l10n.t('no answer from the language server')));
        return;
    }
    const message =
        result.files.length === 1
            ? l10n.t('Exported 1 file from {0} to {1}.', name, result.outDir)
            : l10n.t('Exported {0} files from {1} to {2}.', result.files.length, name, result.outDir);
    const openFolder = l10n.t('Open folder');
    if ((await window.showInformationMessage(message, openFolder)) === openFolder) {
        await revealFolder(result.outDir, result.files[0]);
    }
}

/** Asks, in a modal dialog, whether to overwrite the files the server would not overwrite on its own. */
async function confirmOverwrite(refusal: OverwriteRefusal, topology: string): Promise<boolean> {
    const overwrite = l10n.t('Overwrite');
    const detail = l10n.t('{0} in {1}. Overwrite replaces them with the rules of {2} and writes the other files; Cancel writes nothing.', refusal.handEdited.join(', '), refusal.outDir, topology);
    // A modal message comes with its own Cancel button.
    return (await window.showWarningMessage(refusal.question, { modal: true, detail }, overwrite)) === overwrite;
}

/** The topology the command is about, opened (not shown); `undefined` after telling the user why not. */
export async function topologyDocument(target: CommandTarget): Promise<TextDocument | undefined> {
    let uri: Uri | undefined;
    if (target instanceof Uri) {
        uri = target;
    } else if (target && typeof target.uri === 'string') {
        uri = Uri.parse(target.uri);
    } else {
        uri = window.activeTextEditor?.document.uri;
    }
    const document = uri && (await workspace.openTextDocument(uri));
    if (!document || document.languageId !== 'sfbtopo') {
        void window.showErrorMessage(l10n.t('Open a .sfbtopo topology file first.'));
        return undefined;
    }
    return document;
}

/** Saves unsaved edits first, so that the exported files match the file on disk. */
async function saved(document: TextDocument): Promise<boolean> {
    if (document.isUntitled) {
        void window.showErrorMessage(l10n.t('Save the topology to a file before exporting its rules.'));
        return false;
    }
    if (document.isDirty && !(await document.save())) {
        void window.showErrorMessage(l10n.t('{0} could not be saved, so nothing was exported.', baseName(document.uri)));
        return false;
    }
    return true;
}

/** Shows the output folder in the system's file manager, or in the Explorer view when the files are remote. */
async function revealFolder(outDir: string, firstFile: string | undefined): Promise<void> {
    // Revealing a file opens its folder with the file selected; a folder would open its parent.
    const target = Uri.file(firstFile ?? outDir);
    if (env.remoteName) {
        await commands.executeCommand('revealInExplorer', target);
    } else {
        await commands.executeCommand('revealFileInOS', target);
    }
}

function baseName(uri: Uri): string {
    return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

function reason(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}
