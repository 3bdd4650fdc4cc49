import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigurationProvider, URI } from 'langium';
import { outputFolder } from '../export/export-command-handler.js';
import { EXPORTED_RULES } from './rule-changes.js';

/**
 * Where each topology's export is looked for, by the code lens and by "Show Rule Changes"
 * when the client names no folder: the folder this server last exported the topology to,
 * else the `sfbtopo.export.outputFolder` setting as the client reports it (exports from an
 * earlier session went there), else `rules` beside the topology.
 */
export class ExportFolders {
    private readonly folders = new Map<string, string>();
    /** The setting's value; a workspace the editor does not trust reports only the user's. */
    private configured: string | undefined;

    constructor(configuration: ConfigurationProvider) {
        /** Takes the `sfbtopo.export` settings. */
        const take = (exportSettings: unknown) => {
            const folder = (exportSettings as { outputFolder?: unknown } | undefined)?.outputFolder;
            this.configured = typeof folder === 'string' && folder.trim() !== '' ? folder : undefined;
        };
        void configuration.ready.then(() => configuration.getConfiguration('sfbtopo', 'export')).then(take, () => undefined);
        configuration.onConfigurationSectionUpdate(({ section, configuration: value }) => {
            if (section === 'sfbtopo') take((value as { export?: unknown } | undefined)?.export);
        });
    }

    remember(uri: URI, folder: string): void {
        this.folders.set(uri.toString(), folder);
    }

    /**
     * The folder of the last export while it still holds its rules.json (a one-off export
     * to a folder since deleted must not hide the usual one), else the configured or default
     * folder; undefined for a document without a file and no export.
     */
    folderOf(uri: URI): string | undefined {
        const remembered = this.folders.get(uri.toString());
        if (remembered && existsSync(join(remembered, EXPORTED_RULES))) return remembered;
        return outputFolder(uri, this.configured);
    }
}
