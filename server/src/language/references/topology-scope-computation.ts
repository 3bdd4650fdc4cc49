import { DefaultScopeComputation, type AstNode, type AstNodeDescription, type LangiumDocument, type MultiMap } from 'langium';

/**
 * References (`for POOL`, `gateway NAME`, `subnet NAME`) resolve anywhere in the
 * topology, across sites, and never into another file: each file is one topology.
 */
export class TopologyScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(): Promise<AstNodeDescription[]> {
        return [];
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const name = this.nameProvider.getName(node);
        if (name !== undefined && node.$container) {
            symbols.add(document.parseResult.value, this.descriptions.createDescription(node, name, document));
        }
    }
}
