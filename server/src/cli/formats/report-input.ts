import type { Diagnostic } from 'vscode-languageserver-types';

/** One diagnostic of one checked file; `file` is the path as the user gave it. */
export interface FileDiagnostic {
    file: string;
    diagnostic: Diagnostic;
}

/** A file `validate` could not read; `message` is the sentence also printed on stderr. */
export interface UnreadableFile {
    file: string;
    message: string;
}

/** The code of an unreadable file in the machine-readable formats. */
export const UNREADABLE_FILE_CODE = 'unreadable-file';
