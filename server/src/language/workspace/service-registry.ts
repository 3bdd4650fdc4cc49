import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';

/**
 * sfbtopo is the only language of its server, so a document is ours whatever its name:
 * an untitled editor (`untitled:Untitled-1`) has no `.sfbtopo` extension, and once it
 * is closed its language id is gone too. Langium's registry would throw for it and
 * take the server down.
 */
export class TopologyServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        if (super.hasServices(uri)) return super.getServices(uri);
        const [only] = this.languageIdMap.values();
        return only ?? super.getServices(uri);
    }

    override hasServices(): boolean {
        return this.languageIdMap.size > 0;
    }
}
