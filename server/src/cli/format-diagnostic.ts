import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';

const SEVERITY_WORDS: Record<DiagnosticSeverity, string> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

/** The diagnostic's stable code: our validators set `code`; Langium's parser and linker only `data.code`. */
export function diagnosticCode(diagnostic: Diagnostic): string | undefined {
    const data = diagnostic.data as { code?: unknown } | undefined;
    const code = diagnostic.code ?? data?.code;
    return code === undefined ? undefined : String(code);
}

export function severityWord(diagnostic: Diagnostic): string {
    return SEVERITY_WORDS[diagnostic.severity ?? DiagnosticSeverity.Error];
}

/** `file:line:col: severity: message [code]`, with 1-based line and column (spec §4). */
export function formatDiagnostic(file: string, diagnostic: Diagnostic): string {
    const { line, character } = diagnostic.range.start;
    const code = diagnosticCode(diagnostic);
    const message = diagnostic.message.replace(/\s*\r?\n\s*/g, ' ');
    return `${file}:${line + 1}:${character + 1}: ${severityWord(diagnostic)}: ${message}${code ? ` [${code}]` : ''}`;
}

/** Diagnostics in reading order: by line, then column. */
export function inReadingOrder(diagnostics: readonly Diagnostic[]): Diagnostic[] {
    return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** "1 error", "2 errors". */
export function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}
