import { resolve } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EmptyFileSystem } from 'langium';
import type { Locale } from '../../language/l10n/locale.js';
import { createSfbtopoCoreServices } from '../../language/sfbtopo-core-module.js';
import { checkTopologies, type TopologySource } from '../../workspace/topology-documents.js';
import { ExitCode } from '../exit-codes.js';
import { formatDiagnostic, inReadingOrder, plural } from '../format-diagnostic.js';
import { jsonReport } from '../formats/json-report.js';
import type { FileDiagnostic, UnreadableFile } from '../formats/report-input.js';
import { sarifReport } from '../formats/sarif-report.js';
import { readTopologyFile } from '../read-topology-file.js';
import type { Output } from '../output.js';

export const VALIDATE_FORMATS = ['text', 'json', 'sarif'] as const;
export type ValidateFormat = (typeof VALIDATE_FORMATS)[number];

export interface ValidateOptions {
    locale: Locale;
    /** Defaults to `text`. */
    format?: ValidateFormat;
    /** The CLI's version, named in the SARIF log. */
    toolVersion: string;
}

/**
 * `sfbtopo validate FILE...`: diagnostics on stdout (compiler-style lines, a JSON
 * array or a SARIF log), unreadable files and a one-line summary on stderr.
 */
export async function validateCommand(files: string[], options: ValidateOptions, out: Output): Promise<number> {
    const sources: Array<TopologySource & { shown: string }> = [];
    const unreadable: UnreadableFile[] = [];
    for (const file of files) {
        const read = readTopologyFile(file);
        if (read.ok) {
            sources.push({ path: resolve(file), text: read.text, shown: file });
        } else {
            out.error(`sfbtopo: ${read.message}`);
            unreadable.push({ file, message: read.message });
        }
    }
    const found: FileDiagnostic[] = [];
    const { sfbtopo } = createSfbtopoCoreServices(EmptyFileSystem);
    sfbtopo.l10n.Locale.current = options.locale;
    for (const checked of await checkTopologies(sources, sfbtopo)) {
        const shown = sources.find((source) => source === checked.source)?.shown ?? checked.source.path;
        const sorted = inReadingOrder(checked.diagnostics);
        for (const diagnostic of sorted) found.push({ file: shown, diagnostic });
    }

    switch (options.format ?? 'text') {
        case 'text':
            for (const { file, diagnostic } of found) out.print(formatDiagnostic(file, diagnostic));
            break;
        case 'json':
            out.print(jsonReport(found, unreadable));
            break;
        case 'sarif':
            out.print(sarifReport(found, unreadable, { toolVersion: options.toolVersion, cwd: process.cwd() }));
            break;
    }

    const errors = found.filter(({ diagnostic }) => diagnostic.severity === DiagnosticSeverity.Error).length;
    const warnings = found.filter(({ diagnostic }) => diagnostic.severity === DiagnosticSeverity.Warning).length;
    out.error(
        `sfbtopo: checked ${sources.length} of ${files.length} file(s): ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` +
            (unreadable.length ? `, ${unreadable.length} unreadable` : ''),
    );
    if (unreadable.length > 0) return ExitCode.UsageOrInput;
    return errors > 0 ? ExitCode.TopologyErrors : ExitCode.Ok;
}
