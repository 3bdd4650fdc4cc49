import { Cancellation, type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationOptions } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Topology } from '../generated/ast.js';
import { SizeLimitedDocumentValidator } from '../workspace/size-limit.js';
import { forEachNode } from './topology-contents.js';

/**
 * Langium's document validator, with two changes:
 * - Langium's own lexing, parsing and linking diagnostics carry their code only in
 *   `data.code`; editors show `code`. Copying it makes every finding show its code,
 *   in VS Code's Problems view as on the command line.
 * - The node checks run in the same order, over the node list kept per site (see
 *   `forEachNode`), with the checks of each node type looked up once per run.
 */
export class TopologyDocumentValidator extends SizeLimitedDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: Cancellation.CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const code = (diagnostic.data as { code?: unknown } | undefined)?.code;
            if (diagnostic.code === undefined && typeof code === 'string') diagnostic.code = code;
        }
        return diagnostics;
    }

    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const checksByType = new Map<string, ValidationCheck[]>();
        // The checks run to their end when called (see SynchronousCheckRegistry); the few that
        // return a promise are awaited once, not per node, which keeps the findings in order.
        const running: Array<PromiseLike<void>> = [];
        await forEachNode(rootNode as Topology, cancelToken, (node) => {
            let checks = checksByType.get(node.$type);
            if (!checks) checksByType.set(node.$type, (checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray()));
            for (const check of checks) {
                const pending = check(node, acceptor, cancelToken);
                if (pending) running.push(pending);
            }
        });
        await Promise.all(running);
    }
}
