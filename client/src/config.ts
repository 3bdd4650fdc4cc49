import { workspace, type Uri } from 'vscode';
import type { FormatRequest } from '../../server/src/language/lsp/export/export-command-ids.js';

/** The `sfbtopo.export.*` settings, as the server's `sfbtopo.exportRules` takes them. */
export interface ExportSettings {
    /** `sfbtopo.export.formats`: format names, or `all` (also when the list is empty). */
    formats: FormatRequest;
    /**
     * `sfbtopo.export.outputFolder`: relative to the topology file's folder, or absolute.
     * Passed to the server as it is; the server resolves it (and defaults to `rules`).
     */
    outputFolder: string;
}

export const DEFAULT_OUTPUT_FOLDER = 'rules';

/** The export settings that apply to one topology file (they may differ per workspace folder). */
export function exportSettings(resource: Uri): ExportSettings {
    const section = workspace.getConfiguration('sfbtopo.export', resource);
    const formats = section.get<unknown>('formats');
    const names = Array.isArray(formats) ? formats.filter((name): name is string => typeof name === 'string' && name.trim() !== '') : [];
    const outputFolder = section.get<unknown>('outputFolder');
    return {
        formats: names.length === 0 || names.includes('all') ? 'all' : names,
        outputFolder: typeof outputFolder === 'string' && outputFolder.trim() !== '' ? outputFolder.trim() : DEFAULT_OUTPUT_FOLDER,
    };
}
