import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { URI } from 'langium';
import { outputFolder } from '../export/export-command-handler.js';
import { EXPORTED_RULES } from './rule-changes.js';

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

    /**
     * The folder of the last export while it still holds its rules.json (a one-off export
     * to a folder since deleted must not hide the usual one), else the default folder;
     * undefined for a document without a file and no export.
     */
    folderOf(uri: URI): string | undefined {
        const remembered = this.folders.get(uri.toString());
        if (remembered && existsSync(join(remembered, EXPORTED_RULES))) return remembered;
        return outputFolder(uri, undefined);
    }
}
