import type { LangiumDocument, ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { SizeLimitedDocumentValidator } from '../workspace/size-limit.js';

/**
 * Langium's own lexing, parsing and linking diagnostics carry their code only in
 * `data.code`; editors show `code`. Copying it makes every finding show its code,
 * in VS Code's Problems view as on the command line.
 */
export class TopologyDocumentValidator extends SizeLimitedDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as { code?: unknown } | undefined)?.code;
            if (diagnostic.code === undefined && typeof code === 'string') diagnostic.code = code;
        }
        return diagnostics;
    }
}
