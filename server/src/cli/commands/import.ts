import { basename } from 'node:path';
import { importTopology } from '../../import/import-topology.js';
import { readHostsFile, resolveHosts } from '../../import/host-addresses.js';
import { formatImportReport } from '../../import/import-report.js';
import { readImportFile } from '../../import/read-import-file.js';
import { decodeTopology } from '../../workspace/topology-text.js';
import { FileWriteError, writeOneFile } from '../../workspace/write-one-file.js';
import type { Locale } from '../../language/l10n/locale.js';
import { ExitCode } from '../exit-codes.js';
import type { Output } from '../output.js';

export interface ImportOptions {
    /** The `.sfbtopo` file to write; without it the topology goes to stdout. */
    out?: string;
    /** A hosts file (`ADDRESS NAME…`) giving the addresses the XML lacks. */
    hosts?: string;
    /** Look the servers' FQDNs up in DNS. */
    resolve?: boolean;
    /** The language of the import report and of the reasons an import is refused. */
    locale?: Locale;
}

/**
 * `sfbtopo import FILE [--out FILE.sfbtopo] [--hosts FILE] [--resolve]` (spec §4): the
 * topology in the language on stdout or in the `--out` file (written atomically), the
 * import report on stderr. Exit 0 when written; 2, with `file:line:col: error: message`
 * and nothing written, when the file is not a readable topology XML, or the hosts file
 * or the output cannot be used.
 */
export async function importCommand(file: string, options: ImportOptions, out: Output): Promise<number> {
    const locale = options.locale ?? 'en';
    const bytes = readInput(file, out, locale);
    if (!bytes) return ExitCode.UsageOrInput;

    let hosts: Map<string, string> | undefined;
    if (options.hosts !== undefined) {
        const text = readInput(options.hosts, out, locale);
        const decoded = text && decodeTopology(text);
        if (!decoded) return ExitCode.UsageOrInput;
        if (!decoded.ok) {
            const why = { en: 'not a text file; a hosts file is lines of ADDRESS NAME…', ja: 'テキスト ファイルではありません。hosts ファイルの各行は ADDRESS NAME… の形式です' };
            out.error(`${options.hosts}: error: ${why[locale]}`);
            return ExitCode.UsageOrInput;
        }
        const read = readHostsFile(decoded.text);
        if (!read.ok) {
            out.error(`${options.hosts}:${read.line}:1: error: ${read.message[locale]}`);
            return ExitCode.UsageOrInput;
        }
        hosts = read.addresses;
    }

    const outcome = await importTopology(bytes, { sourceName: basename(file), hosts, resolve: options.resolve ? resolveHosts : undefined });
    if (!outcome.ok) {
        const { line, column, message } = outcome.problem;
        out.error(`${file}${line === undefined ? '' : `:${line}:${column ?? 1}`}: error: ${message[locale]}`);
        out.error(locale === 'ja' ? 'sfbtopo: 何も書き込んでいません' : 'sfbtopo: nothing was written');
        return ExitCode.UsageOrInput;
    }

    if (options.out === undefined || options.out === '-') {
        out.print(outcome.text.replace(/\n$/, ''));
    } else {
        try {
            await writeOneFile(options.out, outcome.text);
        } catch (error) {
            if (error instanceof FileWriteError) {
                out.error(locale === 'ja' ? `sfbtopo: トポロジを書き込めませんでした: ${error.message}` : `sfbtopo: ${error.message}`);
                return ExitCode.UsageOrInput;
            }
            throw error;
        }
    }
    for (const line of formatImportReport(file, outcome, locale)) out.error(line);
    if (options.out !== undefined && options.out !== '-') {
        out.error(
            locale === 'ja'
                ? `sfbtopo: ${options.out} を書き込みました。まだ記入が必要な項目は \`sfbtopo validate ${options.out}\` で一覧できます`
                : `sfbtopo: wrote ${options.out}; run \`sfbtopo validate ${options.out}\` to list what is left to fill in`,
        );
    }
    return ExitCode.Ok;
}

/** The file's bytes, or undefined after saying why they cannot be had. */
function readInput(path: string, out: Output, locale: Locale): Buffer | undefined {
    const read = readImportFile(path);
    if (read.ok) return read.bytes;
    out.error(`sfbtopo: ${read.message[locale]}`);
    return undefined;
}
