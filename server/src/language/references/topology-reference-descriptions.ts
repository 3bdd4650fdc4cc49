import { Cancellation, DefaultReferenceDescriptionProvider, type LangiumDocument, type ReferenceDescription } from 'langium';
import type { Topology } from '../generated/ast.js';
import { allReferences, forEachOf } from '../validation/topology-contents.js';

/** The reference index entries Langium makes (for find references and rename), from the references found once per site (see `allReferences`). */
export class TopologyReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await forEachOf(allReferences(document.parseResult.value as Topology), cancelToken, (info) => {
            if (!info.reference.error) descriptions.push(...this.createInfoDescriptions(info));
        });
        return descriptions;
    }
}
