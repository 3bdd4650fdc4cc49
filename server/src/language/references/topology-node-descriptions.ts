import { AstUtils, CstUtils, type AstNode, type AstNodeDescription, type AstNodeDescriptionProvider, type AstNodeLocator, type DocumentSegment, type LangiumCoreServices, type LangiumDocument, type NameProvider, type URI } from 'langium';

/**
 * Describes named nodes for scopes and linking as Langium does, except that the parts
 * that depend on where the node is (its segments and path) are worked out when read.
 * Langium works them out up front, in an object with a getter of its own; a topology of
 * 5,000 pools made some 8 MB of them on every keystroke. These descriptions are small,
 * and stay true when an edit moves the node, so the scope computation keeps a site's
 * descriptions from one build to the next.
 */
export class TopologyNodeDescriptionProvider implements AstNodeDescriptionProvider {
    private readonly places: Places;

    constructor(services: LangiumCoreServices) {
        this.places = { names: services.references.NameProvider, locator: services.workspace.AstNodeLocator };
    }

    createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const named = name ?? this.places.names.getName(node);
        if (!named) throw new Error(`Node at path ${this.places.locator.getAstNodePath(node)} has no name.`);
        return new NodeDescription(node, named, (document ?? AstUtils.getDocument(node)).uri, this.places);
    }
}

interface Places {
    names: NameProvider;
    locator: AstNodeLocator;
}

class NodeDescription implements AstNodeDescription {
    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly documentUri: URI,
        private readonly places: Places,
    ) {}

    get type(): string {
        return this.node.$type;
    }

    get path(): string {
        return this.places.locator.getAstNodePath(this.node);
    }

    get nameSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.places.names.getNameNode(this.node) ?? this.node.$cstNode);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return CstUtils.toDocumentSegment(this.node.$cstNode);
    }
}
