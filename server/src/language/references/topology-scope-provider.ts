import { AstUtils, DefaultScopeProvider, stream, type AstNode, type AstNodeDescription, type LocalSymbols, type ReferenceInfo, type Scope, type Stream } from 'langium';

/**
 * Langium's scope provider, with the local symbols indexed by name once per build.
 * The default filters every symbol of the topology by type and scans the result by
 * name for each reference, which is quadratic in the size of the file. This keeps,
 * per container and reference type, the same descriptions in the same order plus a
 * map from name to them, and reuses both until the document's symbols are computed
 * again. Lookups answer exactly as the default's stream scopes do: the first
 * declaration of a name wins, inner containers shadow outer ones, and the outer
 * (global) scope follows.
 */
export class TopologyScopeProvider extends DefaultScopeProvider {
    /** Keyed by the document's `localSymbols`, which every build replaces. */
    private readonly indexed = new WeakMap<LocalSymbols, Map<AstNode, Map<string, IndexedSymbols>>>();

    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        let result = this.getGlobalScope(referenceType, context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        if (!localSymbols) return result;
        let byContainer = this.indexed.get(localSymbols);
        if (!byContainer) {
            byContainer = new Map();
            this.indexed.set(localSymbols, byContainer);
        }
        const containers: AstNode[] = [];
        for (let node: AstNode | undefined = context.container; node; node = node.$container) {
            if (localSymbols.has(node)) containers.push(node);
        }
        // Outermost first, so that each inner container's symbols come before its outer ones.
        for (let i = containers.length - 1; i >= 0; i--) {
            const container = containers[i];
            let byType = byContainer.get(container);
            if (!byType) {
                byType = new Map();
                byContainer.set(container, byType);
            }
            let symbols = byType.get(referenceType);
            if (!symbols) {
                symbols = new IndexedSymbols(localSymbols.getStream(container).filter((d) => this.reflection.isSubtype(d.type, referenceType)).toArray());
                byType.set(referenceType, symbols);
            }
            result = new IndexedScope(symbols, result);
        }
        return result;
    }
}

/** One container's symbols of one type: in declaration order, and by name. */
class IndexedSymbols {
    readonly byName = new Map<string, AstNodeDescription[]>();

    constructor(readonly all: AstNodeDescription[]) {
        for (const description of all) {
            const same = this.byName.get(description.name);
            if (same) same.push(description);
            else this.byName.set(description.name, [description]);
        }
    }
}

/** Behaves as Langium's `StreamScope` over the same descriptions (case-sensitive, outer scope concatenated). */
class IndexedScope implements Scope {
    constructor(
        private readonly symbols: IndexedSymbols,
        private readonly outer: Scope,
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.symbols.byName.get(name)?.[0] ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.symbols.byName.get(name) ?? []).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.symbols.all).concat(this.outer.getAllElements());
    }
}
