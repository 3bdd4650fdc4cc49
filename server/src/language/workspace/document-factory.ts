import type { AstNode, Cancellation, LangiumDocument, ParseResult, URI } from 'langium';
import type { Topology } from '../generated/ast.js';
import { reparseEditedSite } from '../parser/site-reparse.js';
import { oversizeBytes, SizeLimitedDocumentFactory } from './size-limit.js';

/**
 * Documents as Langium makes them, except that an edit inside one site reparses only
 * that site (see parser/site-reparse.ts) and an oversize text is parsed as empty.
 */
export class TopologyDocumentFactory extends SizeLimitedDocumentFactory {
    /** The parse result each document had when its update began, by URI: only an update may reuse it. */
    private readonly replaced = new Map<string, ParseResult>();

    override async update<T extends AstNode = AstNode>(document: LangiumDocument<T>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        const key = document.uri.toString();
        this.replaced.set(key, document.parseResult);
        try {
            return await super.update(document, cancellationToken);
        } finally {
            this.replaced.delete(key);
        }
    }

    protected override parseAsync<T extends AstNode>(uri: URI, text: string, cancellationToken: Cancellation.CancellationToken): Promise<ParseResult<T>> {
        const previous = this.replaced.get(uri.toString());
        if (previous && typeof text === 'string' && oversizeBytes(text) === undefined) {
            const parser = this.serviceRegistry.getServices(uri).parser.LangiumParser;
            const reparsed = reparseEditedSite(parser, previous as ParseResult<Topology>, text);
            if (reparsed) return Promise.resolve(reparsed as unknown as ParseResult<T>);
        }
        return super.parseAsync(uri, text, cancellationToken);
    }
}
