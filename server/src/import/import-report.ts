import { DIALECT_NAMES, type Dialect } from './imported-topology.js';
import type { ImportReport, ReportItem } from './map-topology.js';

/**
 * The import report as lines for a terminal or an output channel: what was mapped, what
 * is left for the administrator, and every element of the XML that has no counterpart,
 * each with `file:line` of the XML so that an editor can jump there.
 */
export function formatImportReport(file: string, outcome: { report: ImportReport; dialect: Dialect; encoding: string }): string[] {
    const { report } = outcome;
    const item = ({ line, text }: ReportItem) => `  ${line === undefined ? file : `${file}:${line}`}: ${text}`;
    return [
        `sfbtopo: imported ${file}, a ${DIALECT_NAMES[outcome.dialect]} in ${outcome.encoding.toUpperCase()}`,
        `mapped (${report.mapped.length}):`,
        ...report.mapped.map(item),
        `left for the administrator (${report.left.length}; \`sfbtopo validate\` reports each in the written file):`,
        ...report.left.map(item),
        `not mapped (${report.unmapped.length}):`,
        ...report.unmapped.map(item),
    ];
}
