import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EmptyFileSystem } from 'langium';
import type { Locale } from '../../language/l10n/locale.js';
import { createSfbtopoCoreServices } from '../../language/sfbtopo-core-module.js';
import { checkTopologies } from '../../workspace/topology-documents.js';
import { exportDocument } from '../../export/export-topology.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../export/formats.js';
import { ExportOverwriteError, ExportWriteError, writeExportFiles } from '../../export/write-files.js';
import { ExitCode } from '../exit-codes.js';
import { formatDiagnostic, inReadingOrder, plural } from '../format-diagnostic.js';
import { readTopologyFile } from '../read-topology-file.js';
import type { Output } from '../output.js';

/** What `--format` accepts: one format, or `all` of them. */
export type ExportFormatChoice = ExportFormat | 'all';

export interface ExportOptions {
    /** Defaults to `all`. */
    format?: ExportFormatChoice;
    /** Defaults to the `rules` folder beside the topology file. */
    out?: string;
    /** Overwrite files changed by hand since the last export, and files sfbtopo did not write. */
    force?: boolean;
    locale: Locale;
}

/**
 * `sfbtopo export FILE --format F [--out DIR]` (spec §4): the written paths on stdout,
 * a summary on stderr. A topology with errors is refused with its errors printed
 * compiler-style on stderr, and nothing is written (exit 1). An unreadable file, or
 * an output folder that cannot or may not be written, exits 2; so does an export that
 * would overwrite a file changed by hand since sfbtopo wrote it, or a file sfbtopo did
 * not write, unless `--force` (nothing is written then either).
 */
export async function exportCommand(file: string, options: ExportOptions, out: Output): Promise<number> {
    const read = readTopologyFile(file);
    if (!read.ok) {
        out.error(`sfbtopo: ${read.message}`);
        return ExitCode.UsageOrInput;
    }

    const { sfbtopo } = createSfbtopoCoreServices(EmptyFileSystem);
    sfbtopo.l10n.Locale.current = options.locale;
    const [checked] = await checkTopologies([{ path: resolve(file), text: read.text }], sfbtopo);

    const format = options.format ?? 'all';
    const formats = format === 'all' ? EXPORT_FORMATS : [format];
    const outcome = exportDocument(checked.document, formats, { sourceFile: basename(file) });
    if (!outcome.ok) {
        const sorted = inReadingOrder(outcome.errors);
        for (const diagnostic of sorted) out.error(formatDiagnostic(file, diagnostic));
        out.error(`sfbtopo: not exported: ${file} has ${plural(Math.max(sorted.length, 1), 'error')}; fix them and export again (nothing was written)`);
        return ExitCode.TopologyErrors;
    }

    const outDir = options.out ?? join(dirname(file), 'rules');
    try {
        await writeExportFiles(outDir, outcome.files, { force: options.force });
    } catch (error) {
        if (error instanceof ExportOverwriteError) {
            out.error(`sfbtopo: ${error.message}`);
            out.error(
                `sfbtopo: make such changes in ${basename(file)} instead (the files are generated from it), ` +
                    `or run the export again with --force to overwrite ${error.files.length === 1 ? 'that file' : 'those files'}`,
            );
            return ExitCode.UsageOrInput;
        }
        if (error instanceof ExportWriteError) {
            out.error(`sfbtopo: ${error.message}`);
            return ExitCode.UsageOrInput;
        }
        throw error;
    }
    for (const { name } of outcome.files) out.print(shown(resolve(outDir, name)));

    const warnings = checked.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length;
    out.error(
        `sfbtopo: wrote ${plural(outcome.files.length, 'file')} (${formats.join(', ')}) to ${shown(resolve(outDir))}: ` +
            `${plural(outcome.rules.firewall.length, 'firewall rule')}, ${plural(outcome.rules.ipsec.length, 'IPsec exception')}` +
            (warnings > 0 ? `; the topology has ${plural(warnings, 'warning')} (see sfbtopo validate)` : ''),
    );
    return ExitCode.Ok;
}

/** A path as the user would type it: relative to the current folder when inside it, else absolute. */
function shown(path: string): string {
    const fromCwd = relative(process.cwd(), path);
    if (fromCwd === '') return '.';
    return fromCwd === '..' || fromCwd.startsWith(`..${sep}`) || isAbsolute(fromCwd) ? path : fromCwd;
}
