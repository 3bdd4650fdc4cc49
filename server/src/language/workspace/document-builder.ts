import { DefaultDocumentBuilder, type URI } from 'langium';

/**
 * Langium's builder, except that an update never takes in a document that is not a
 * topology. Langium's own lookup returns any document the client keeps in sync (a client
 * may sync every open file, README included) before asking whether the file is one of
 * the language's; both content changes and file-watcher events pass through here.
 */
export class TopologyDocumentBuilder extends DefaultDocumentBuilder {
    protected override async findChangedUris(changed: URI): Promise<URI[]> {
        const uris = await super.findChangedUris(changed);
        return uris.filter((uri) => this.serviceRegistry.hasServices(uri));
    }
}
