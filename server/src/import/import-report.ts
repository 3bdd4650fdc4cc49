import { DIALECT_NAMES, type Dialect } from './imported-topology.js';
import type { Locale } from '../language/l10n/locale.js';
import type { ImportReport, ReportItem } from './map-topology.js';

/**
 * The import report as lines for a terminal or an output channel, in the administrator's
 * language: what was mapped, what is left for the administrator, and every element of the
 * XML that has no counterpart, each with `file:line` of the XML so that an editor can jump there.
 */
export function formatImportReport(file: string, outcome: { report: ImportReport; dialect: Dialect; encoding: string }, locale: Locale = 'en'): string[] {
    const { report } = outcome;
    const item = ({ line, text }: ReportItem) => `  ${line === undefined ? file : `${file}:${line}`}: ${printable(text[locale])}`;
    const encoding = outcome.encoding.toUpperCase();
    const [imported, mapped, left, unmapped] =
        locale === 'ja'
            ? [
                  `sfbtopo: ${file} をインポートしました (${DIALECT_NAMES_JA[outcome.dialect]}、${encoding})`,
                  `対応付けたもの (${report.mapped.length}):`,
                  `管理者が記入するもの (${report.left.length}。書き込んだファイルで \`sfbtopo validate\` がそれぞれを報告します):`,
                  `対応付けなかったもの (${report.unmapped.length}):`,
              ]
            : [
                  `sfbtopo: imported ${file}, a ${DIALECT_NAMES[outcome.dialect]} in ${encoding}`,
                  `mapped (${report.mapped.length}):`,
                  `left for the administrator (${report.left.length}; \`sfbtopo validate\` reports each in the written file):`,
                  `not mapped (${report.unmapped.length}):`,
              ];
    return [imported, mapped, ...report.mapped.map(item), left, ...report.left.map(item), unmapped, ...report.unmapped.map(item)];
}

/** The dialects' names in Japanese (the English ones are the written file's opening comment's). */
const DIALECT_NAMES_JA: Record<Dialect, string> = {
    'topology-builder': 'Topology Builder のドキュメント (.tbxml)',
    published: '公開済みトポロジ (Get-CsTopology -AsXml)',
};

/** Control characters from the XML (a terminal would act on an escape sequence) shown as `\uXXXX`. */
function printable(text: string): string {
    return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
