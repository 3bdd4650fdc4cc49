import {
    DefaultDocumentValidator,
    DefaultLangiumDocumentFactory,
    type AstNode,
    type Cancellation,
    type LangiumDocument,
    type ParseResult,
    type ParserOptions,
    type URI,
    type ValidationOptions,
} from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { LocaleSetting } from '../l10n/locale.js';
import type { SfbtopoCoreServices } from '../sfbtopo-core-module.js';

/**
 * Above this many bytes of UTF-8 a document is neither parsed nor validated. A real
 * deployment of a thousand pools is about 0.2 MB; 4 MB is some twenty thousand pools,
 * which would take the parser and validators long enough to make the editor wait.
 */
export const MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;

/** The code of the one diagnostic an oversize document gets (not one of the validators' codes). */
export const DOCUMENT_TOO_LARGE = 'document-too-large';

/** The UTF-8 size of `text` if it is over the limit, else `undefined`; cheap for ordinary documents. */
export function oversizeBytes(text: string, limit = MAX_DOCUMENT_BYTES): number | undefined {
    if (typeof text !== 'string') return undefined;
    // A UTF-16 unit takes one to three bytes of UTF-8 (a surrogate pair four, for two units).
    if (text.length * 3 <= limit) return undefined;
    const bytes = utf8Length(text);
    return bytes > limit ? bytes : undefined;
}

function utf8Length(text: string): number {
    let bytes = 0;
    for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        if (unit < 0x80) bytes += 1;
        else if (unit < 0x800) bytes += 2;
        else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
            bytes += 4;
            i++;
        } else bytes += 3; // lone surrogates are written as U+FFFD, three bytes
    }
    return bytes;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** The diagnostic an oversize document gets instead of parsing and validation: one, at 0:0. */
export function documentTooLarge(bytes: number, locale: LocaleSetting): Diagnostic {
    const size = megabytes(bytes);
    const limit = `${MAX_DOCUMENT_BYTES / (1024 * 1024)} MB`;
    const message = locale.pick({
        en: `This file is ${size}, over the ${limit} limit for a topology: it is not parsed or validated, so there are no other diagnostics, hovers or completions for it, and no rules can be exported from it. Split the topology or remove what does not belong in it.`,
        ja: `このファイルは ${size} で、トポロジの上限 ${limit} を超えています。構文解析も検証も行わないため、ほかの診断、ホバー、補完はなく、ルールもエクスポートできません。トポロジを分割するか、不要な内容を削除してください。`,
    });
    return {
        severity: DiagnosticSeverity.Error,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message,
        code: DOCUMENT_TOO_LARGE,
        source: 'sfbtopo',
        data: { code: DOCUMENT_TOO_LARGE, bytes, limit: MAX_DOCUMENT_BYTES },
    };
}

/**
 * Parses an oversize text as if it were empty: an AST and CST with nothing in them, so that
 * indexing, linking and every editor feature work on nothing instead of 50 MB. The document
 * keeps its real text; the validator below then reports the size instead of any finding.
 *
 * A "text" that is not a string (a client's `didOpen` without `text`) is parsed as empty
 * too: the lexer would throw, and a throw in a build ends the language server.
 */
export class SizeLimitedDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override parse<T extends AstNode>(uri: URI, text: string, options?: ParserOptions): ParseResult<T> {
        return super.parse(uri, parsable(text), options);
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        return super.parseAsync(uri, parsable(text), cancellationToken);
    }
}

function parsable(text: unknown): string {
    return typeof text === 'string' && oversizeBytes(text) === undefined ? text : '';
}

/** One `document-too-large` diagnostic for an oversize document; the usual validation otherwise. */
export class SizeLimitedDocumentValidator extends DefaultDocumentValidator {
    private readonly locale: LocaleSetting;

    constructor(services: SfbtopoCoreServices) {
        super(services);
        this.locale = services.l10n.Locale;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const bytes = oversizeBytes(document.textDocument.getText());
        if (bytes === undefined) return super.validateDocument(document, options, cancelToken);
        // Reported with the built-in checks, so once per build even when categories run apart.
        return !options.categories || options.categories.includes('built-in') ? [documentTooLarge(bytes, this.locale)] : [];
    }
}
