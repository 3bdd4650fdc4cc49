import { DefaultServiceRegistry, type LangiumCoreServices, type URI } from 'langium';

/**
 * sfbtopo is the only language of its server, so a document is ours whatever its name:
 * an untitled editor (`untitled:Untitled-1`) has no `.sfbtopo` extension, and once it
 * is closed its language id is gone too. Langium's registry would throw for it and
 * take the server down.
 */
export class TopologyServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        // Langium asks this for every node it visits; with one language the answer is that
        // language; looking the URI up (parsing and normalising it) each time is costly on large topologies.
        const [only, ...others] = this.languageIdMap.values();
        return only && others.length === 0 ? only : super.getServices(uri);
    }

    override hasServices(): boolean {
        return this.languageIdMap.size > 0;
    }
}
