import type { URI } from 'langium';
import { outputFolder } from '../export/export-command-handler.js';

/**
 * The folder each topology was last exported to in this server's lifetime. The server does
 * not read the client's settings: a topology exported elsewhere than `rules` beside it is
 * found here by the code lens and by "Show Rule Changes" when the client names no folder.
 */
export class ExportFolders {
    private readonly folders = new Map<string, string>();

    remember(uri: URI, folder: string): void {
        this.folders.set(uri.toString(), folder);
    }

    /** The folder of the last export, else the default one; undefined for a document without a file and no export. */
    folderOf(uri: URI): string | undefined {
        return this.folders.get(uri.toString()) ?? outputFolder(uri, undefined);
    }
}
