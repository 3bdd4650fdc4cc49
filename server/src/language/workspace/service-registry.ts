import { DefaultServiceRegistry, UriUtils, type LangiumCoreServices, type URI } from 'langium';

/**
 * Which documents are topologies: files named `*.sfbtopo`, and documents the client opened
 * with the language id `sfbtopo` (an untitled editor, or a file whose language mode the
 * user switched). Everything else in a workspace folder (a README, scripts, the exported
 * rule files) is none of the server's business: Langium's workspace scan, its file-watcher
 * handling and its request handlers all ask `hasServices` before touching a document.
 */
export class TopologyServiceRegistry extends DefaultServiceRegistry {
    override getServices(uri: URI): LangiumCoreServices {
        // Langium asks this for every node it visits; with one language the answer is that
        // language; looking the URI up (parsing and normalising it) each time is costly on large
        // topologies. It also keeps a closed untitled document, whose language id is gone, from
        // throwing while its last build finishes.
        const [only, ...others] = this.languageIdMap.values();
        return only && others.length === 0 ? only : super.getServices(uri);
    }

    override hasServices(uri: URI): boolean {
        const languageId = this.textDocuments?.get(uri)?.languageId;
        if (languageId !== undefined && this.languageIdMap.has(languageId)) return true;
        // VS Code associates extensions without regard to case (`BRANCH.SFBTOPO` is a topology too).
        return this.fileExtensionMap.has(UriUtils.extname(uri).toLowerCase());
    }
}
