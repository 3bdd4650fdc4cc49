import { commands, l10n, ProgressLocation, Uri, ViewColumn, window, workspace, type Disposable, type OutputChannel } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node.js';
import {
    ImportClientCommands,
    ImportServerCommands,
    importedFileName,
    type ImportTopologyArgs,
    type ImportTopologyResult,
} from '../../../server/src/language/lsp/import/import-command-ids.js';
import { mayWrite } from '../trust.js';

/**
 * `sfbtopo.importTopology` (palette, and the Explorer context menu on `.tbxml` and `.xml`
 * files): the server reads the XML and writes the `.sfbtopo` beside it; here the file is
 * picked, overwriting is asked about, the result is opened beside the source (its findings
 * appear as for any topology) and the import report goes to the "sfbtopo import" output.
 */
export function registerImportCommand(client: LanguageClient, started: Promise<void>): Disposable {
    const output = window.createOutputChannel(l10n.t('sfbtopo import'));
    const command = commands.registerCommand(ImportClientCommands.importTopology, (target?: unknown) => importTopology(client, started, output, target));
    return { dispose: () => [command, output].forEach((disposable) => disposable.dispose()) };
}

async function importTopology(client: LanguageClient, started: Promise<void>, output: OutputChannel, target: unknown): Promise<Uri | undefined> {
    const source = target instanceof Uri ? target : await pickSource();
    if (!source) return undefined;
    if (source.scheme !== 'file') {
        void window.showErrorMessage(l10n.t('Only files on this computer can be imported: {0}', source.toString()));
        return undefined;
    }
    if (!mayWrite()) return undefined;
    const out = Uri.file(importedFileName(source.fsPath));
    if (await exists(out)) {
        const overwrite = l10n.t('Overwrite');
        const choice = await window.showWarningMessage(l10n.t('{0} already exists. Replace it with the import of {1}?', baseName(out), baseName(source)), { modal: true }, overwrite);
        if (choice !== overwrite) return undefined;
    }

    await started;
    const args: ImportTopologyArgs = { uri: source.toString(), out: out.toString(), workspaceTrusted: workspace.isTrusted };
    const result = await window.withProgress(
        { location: ProgressLocation.Notification, title: l10n.t('Importing {0}…', baseName(source)) },
        () => client.sendRequest(ExecuteCommandRequest.type, { command: ImportServerCommands.importTopologyXml, arguments: [args] }) as Promise<ImportTopologyResult | undefined>,
    );
    if (!result) {
        void window.showErrorMessage(l10n.t('{0} could not be imported: {1}', baseName(source), l10n.t('no answer from the language server')));
        return undefined;
    }
    if (!result.ok) {
        const place = result.line === undefined ? '' : `:${result.line}:${result.column ?? 1}`;
        output.appendLine(`${source.fsPath}${place}: error: ${result.message}`);
        void window.showErrorMessage(l10n.t('{0} could not be imported: {1}', `${baseName(source)}${place}`, result.message));
        return undefined;
    }
    output.appendLine(result.report.join('\n'));
    output.show(true);
    await window.showTextDocument(out, { viewColumn: ViewColumn.Beside, preview: false });
    void window.showInformationMessage(l10n.t('Imported {0} into {1}: the Problems view lists the facts the XML does not hold, to fill in.', baseName(source), baseName(out)));
    return out;
}

async function pickSource(): Promise<Uri | undefined> {
    const picked = await window.showOpenDialog({
        canSelectMany: false,
        openLabel: l10n.t('Import'),
        filters: { [l10n.t('Topology XML')]: ['tbxml', 'xml'] },
    });
    return picked?.[0];
}

async function exists(uri: Uri): Promise<boolean> {
    try {
        await workspace.fs.stat(uri);
        return true;
    } catch {
        return false;
    }
}

function baseName(uri: Uri): string {
    return uri.path.split('/').pop() ?? uri.path;
}
