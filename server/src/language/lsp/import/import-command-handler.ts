import { URI } from 'langium';
import type { ExecuteCommandAcceptor } from 'langium/lsp';
import { formatImportReport } from '../../../import/import-report.js';
import { importTopology } from '../../../import/import-topology.js';
import { readImportFile } from '../../../import/read-import-file.js';
import { FileWriteError, writeOneFile } from '../../../workspace/write-one-file.js';
import type { LocaleSetting } from '../../l10n/locale.js';
import { ImportServerCommands, type ImportTopologyArgs, type ImportTopologyResult } from './import-command-ids.js';

/**
 * Registers `sfbtopo.importTopologyXml`: reads the XML file, imports it as `sfbtopo import`
 * does, and writes the `.sfbtopo` file atomically. `locale` is read when the command runs.
 */
export function registerImportCommands(acceptor: ExecuteCommandAcceptor, locale: () => LocaleSetting): void {
    acceptor(ImportServerCommands.importTopologyXml, (args) => importTopologyXml(args[0] as ImportTopologyArgs | undefined, locale()));
}

export async function importTopologyXml(args: ImportTopologyArgs | undefined, locale: LocaleSetting): Promise<ImportTopologyResult> {
    const source = fileOf(args?.uri);
    const out = fileOf(args?.out);
    if (!source || !out) {
        return {
            ok: false,
            message: locale.pick({
                en: 'The command needs the file URIs of the topology XML and of the .sfbtopo file to write: [{ "uri": "file:///…/topology.tbxml", "out": "file:///…/topology.sfbtopo" }].',
                ja: 'このコマンドには、トポロジ XML と書き込む .sfbtopo ファイルのファイル URI が必要です: [{ "uri": "file:///…/topology.tbxml", "out": "file:///…/topology.sfbtopo" }]。',
            }),
        };
    }
    if (args?.workspaceTrusted === false) {
        return {
            ok: false,
            message: locale.pick({
                en: 'The workspace is not trusted, so nothing was imported: trust the workspace to write the topology.',
                ja: 'ワークスペースが信頼されていないため、インポートしていません。トポロジを書き込むにはワークスペースを信頼してください。',
            }),
        };
    }
    const read = readImportFile(source);
    if (!read.ok) return { ok: false, message: locale.pick(read.message) };
    const name = source.split(/[\\/]/).pop()!;
    const outcome = await importTopology(read.bytes, { sourceName: name });
    if (!outcome.ok) return { ok: false, ...outcome.problem, message: locale.pick(outcome.problem.message) };
    try {
        await writeOneFile(out, outcome.text);
    } catch (error) {
        // The reason itself is in English, as the export's is.
        if (error instanceof FileWriteError) return { ok: false, message: locale.pick({ en: `The topology was not written: ${error.message}.`, ja: `トポロジを書き込めませんでした: ${error.message}。` }) };
        throw error;
    }
    return { ok: true, out: args!.out, report: formatImportReport(source, outcome, locale.current) };
}

function fileOf(uri: string | undefined): string | undefined {
    if (typeof uri !== 'string') return undefined;
    try {
        const parsed = URI.parse(uri);
        return parsed.scheme === 'file' ? parsed.fsPath : undefined;
    } catch {
        return undefined;
    }
}
