import { resolve } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { EmptyFileSystem } from 'langium';
import type { Locale } from '../../language/l10n/locale.js';
import { createSfbtopoServices } from '../../language/sfbtopo-module.js';
import { checkTopologies, type TopologySource } from '../../workspace/topology-documents.js';
import { ExitCode } from '../exit-codes.js';
import { formatDiagnostic } from '../format-diagnostic.js';
import { readTopologyFile } from '../read-topology-file.js';
import type { Output } from '../output.js';

/** `sfbtopo validate FILE...`: diagnostics on stdout, a one-line summary on stderr. */
export async function validateCommand(files: string[], options: { locale: Locale }, out: Output): Promise<number> {
    const sources: Array<TopologySource & { shown: string }> = [];
    let unreadable = 0;
    for (const file of files) {
        const read = await readTopologyFile(file);
        if (read.ok) {
            sources.push({ path: resolve(file), text: read.text, shown: file });
        } else {
            out.error(`sfbtopo: ${read.message}`);
            unreadable++;
        }
    }
    let errors = 0;
    let warnings = 0;
    const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);
    sfbtopo.l10n.Locale.current = options.locale;
    for (const checked of await checkTopologies(sources, sfbtopo)) {
        const shown = sources.find((source) => source === checked.source)?.shown ?? checked.source.path;
        const sorted = [...checked.diagnostics].sort(
            (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
        );
        for (const diagnostic of sorted) {
            out.print(formatDiagnostic(shown, diagnostic));
            if (diagnostic.severity === DiagnosticSeverity.Error) errors++;
            if (diagnostic.severity === DiagnosticSeverity.Warning) warnings++;
        }
    }
    out.error(
        `sfbtopo: checked ${sources.length} of ${files.length} file(s): ${plural(errors, 'error')}, ${plural(warnings, 'warning')}` +
            (unreadable ? `, ${unreadable} unreadable` : ''),
    );
    if (unreadable > 0) return ExitCode.UsageOrInput;
    return errors > 0 ? ExitCode.TopologyErrors : ExitCode.Ok;
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}
