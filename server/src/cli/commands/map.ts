import { resolve } from 'node:path';
import { EmptyFileSystem } from 'langium';
import type { Locale } from '../../language/l10n/locale.js';
import { createSfbtopoCoreServices } from '../../language/sfbtopo-core-module.js';
import { renderDocumentMap } from '../../map/render-map.js';
import { FileWriteError, writeOneFile } from '../../workspace/write-one-file.js';
import { checkTopologies } from '../../workspace/topology-documents.js';
import { ExitCode } from '../exit-codes.js';
import { formatDiagnostic, inReadingOrder, plural } from '../format-diagnostic.js';
import type { Output } from '../output.js';
import { readTopologyFile } from '../read-topology-file.js';

export interface MapOptions {
    /** The SVG file to write; without it the SVG goes to stdout. */
    out?: string;
    locale: Locale;
}

/**
 * `sfbtopo map FILE [--out map.svg]`: the topology map as an SVG picture, from the same
 * renderer as the VS Code webview. A topology with errors is refused with its errors on
 * stderr and nothing written (exit 1); an unreadable file or an unwritable output exits 2.
 * The file is written atomically (a temporary file in the same folder, then renamed).
 * `--out -` also prints it on stdout.
 */
export async function mapCommand(file: string, options: MapOptions, out: Output): Promise<number> {
    const read = readTopologyFile(file);
    if (!read.ok) {
        out.error(`sfbtopo: ${read.message}`);
        return ExitCode.UsageOrInput;
    }

    const { sfbtopo } = createSfbtopoCoreServices(EmptyFileSystem);
    sfbtopo.l10n.Locale.current = options.locale;
    const [checked] = await checkTopologies([{ path: resolve(file), text: read.text }], sfbtopo);
    const outcome = await renderDocumentMap(checked.document, { locale: options.locale });
    if (!outcome.ok) {
        const sorted = inReadingOrder(outcome.errors);
        for (const diagnostic of sorted) out.error(formatDiagnostic(file, diagnostic));
        out.error(`sfbtopo: no map drawn: ${file} has ${plural(Math.max(sorted.length, 1), 'error')}; fix them and try again (nothing was written)`);
        return ExitCode.TopologyErrors;
    }

    if (options.out === undefined || options.out === '-') {
        out.print(outcome.svg.replace(/\n$/, ''));
        return ExitCode.Ok;
    }
    try {
        await writeOneFile(options.out, outcome.svg);
    } catch (error) {
        if (error instanceof FileWriteError) {
            out.error(`sfbtopo: ${error.message}`);
            return ExitCode.UsageOrInput;
        }
        throw error;
    }
    const { nodes, edges } = outcome.model;
    const hidden = outcome.model.anySourceRules;
    out.error(
        `sfbtopo: wrote ${options.out}: ${plural(nodes.length, 'node')}, ${plural(edges.length, 'edge')}` +
            (hidden > 0 ? ` (${plural(hidden, 'rule')} open to any source not drawn)` : ''),
    );
    return ExitCode.Ok;
}
