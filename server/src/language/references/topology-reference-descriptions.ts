import { DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { Topology } from '../generated/ast.js';
import { forEachNode } from '../validation/topology-contents.js';
import { referencesOf } from './node-references.js';

/** The reference index entries Langium makes (for find references and rename), walking the tree as the build's other passes do. */
export class TopologyReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await forEachNode(document.parseResult.value as Topology, cancelToken, (node) => {
            for (const info of referencesOf(node)) {
                if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
            }
        });
        return descriptions;
    }
}
