import {
    AstUtils,
    Cancellation,
    DefaultScopeComputation,
    interruptAndCheck,
    MultiMap,
    GrammarAST,
    type AstNode,
    type AstNodeDescription,
    type AstReflection,
    type LangiumCoreServices,
    type LangiumDocument,
    type LocalSymbols,
} from 'langium';
import type { Topology } from '../generated/ast.js';
import { nodesOfSite, SiteLists } from '../validation/topology-contents.js';

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
    /** Each site's symbols, described once per site node. */
    private readonly siteSymbols = new SiteLists<AstNodeDescription>((site) =>
        nodesOfSite(site).flatMap((node) => {
            const name = this.isReferenceable(node.$type) ? this.nameProvider.getName(node) : undefined;
            return name === undefined ? [] : [this.descriptions.createDescription(node, name)];
        }),
    );

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

    /** The same symbols as Langium's, in the same order; each site's are described once (see `SiteLists`). */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        await interruptAndCheck(cancelToken);
        const topology = document.parseResult.value as Topology;
        return new MultiMap<AstNode, AstNodeDescription>().addAll(topology, this.siteSymbols.joined(topology));
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
