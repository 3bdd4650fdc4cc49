import { diagnosticCode, severityWord } from '../format-diagnostic.js';
import { UNREADABLE_FILE_CODE, type FileDiagnostic, type UnreadableFile } from './report-input.js';

/** One element of `sfbtopo validate --format json`; lines and columns are 1-based, the end exclusive. */
export interface JsonDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string | null;
    message: string;
}

/**
 * `validate --format json`: one pretty-printed array, unreadable files first (as their
 * stderr lines come first), then the diagnostics in the order of the text output.
 */
export function jsonReport(diagnostics: readonly FileDiagnostic[], unreadable: readonly UnreadableFile[] = []): string {
    const entries: JsonDiagnostic[] = [
        ...unreadable.map(({ file, message }) => ({
            file,
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 1,
            severity: 'error',
            code: UNREADABLE_FILE_CODE,
            message,
        })),
        ...diagnostics.map(({ file, diagnostic }) => ({
            file,
            line: diagnostic.range.start.line + 1,
            column: diagnostic.range.start.character + 1,
            endLine: diagnostic.range.end.line + 1,
            endColumn: diagnostic.range.end.character + 1,
            severity: severityWord(diagnostic),
            code: diagnosticCode(diagnostic) ?? null,
            message: diagnostic.message,
        })),
    ];
    return JSON.stringify(entries, null, 2);
}
