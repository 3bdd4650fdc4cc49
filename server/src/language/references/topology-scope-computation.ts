import {
    AstUtils,
    DefaultScopeComputation,
    MultiMap,
    GrammarAST,
    type AstNode,
    type AstNodeDescription,
    type AstReflection,
    type LangiumCoreServices,
    type LangiumDocument,
    type LocalSymbols,
} from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Topology } from '../generated/ast.js';
import { forEachNode } from '../validation/topology-contents.js';

/**
 * References (`for POOL`, `gateway NAME`, `subnet NAME`) resolve anywhere in the
 * topology, across sites, and never into another file: each file is one topology.
 *
 * Only what a reference can name becomes a symbol: servers, sites and the rest are
 * never looked up through scopes (rename and find references go through the reference
 * index), and describing each of them cost a large topology time and memory on every
 * keystroke.
 */
export class TopologyScopeComputation extends DefaultScopeComputation {
    /** The types that cross-references of the grammar point to. */
    private readonly targetTypes: string[];
    private readonly astReflection: AstReflection;
    private readonly referenceable = new Map<string, boolean>();

    constructor(services: LangiumCoreServices) {
        super(services);
        this.astReflection = services.shared.AstReflection;
        this.targetTypes = [
            ...new Set(
                AstUtils.streamAllContents(services.Grammar)
                    .filter(GrammarAST.isCrossReference)
                    .flatMap((reference) => (reference.type.ref?.name ? [reference.type.ref.name] : [])),
            ),
        ];
    }

    override async collectExportedSymbols(): Promise<AstNodeDescription[]> {
        return [];
    }

    /** The same symbols as Langium's, walking the tree as the build's other passes do. */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        await forEachNode(document.parseResult.value as Topology, cancelToken, (node) => this.addLocalSymbol(node, document, symbols), false);
        return symbols;
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        if (!this.isReferenceable(node.$type)) return;
        const name = this.nameProvider.getName(node);
        if (name !== undefined && node.$container) {
            symbols.add(document.parseResult.value, this.descriptions.createDescription(node, name, document));
        }
    }

    private isReferenceable(type: string): boolean {
        let answer = this.referenceable.get(type);
        if (answer === undefined) {
            answer = this.targetTypes.some((target) => this.astReflection.isSubtype(type, target));
            this.referenceable.set(type, answer);
        }
        return answer;
    }
}
