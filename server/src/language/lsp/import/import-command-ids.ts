/**
 * Command ids and shapes of the topology import (issue 17), shared by the server and the
 * VS Code client. The server executes `sfbtopo.importTopologyXml` through
 * `workspace/executeCommand`, so any LSP client can import; `sfbtopo.importTopology` is the
 * VS Code command (palette, Explorer context menu) that picks the file, asks before
 * overwriting, opens the result and shows the report.
 *
 * Kept free of imports so that the client bundle can share it without the language engine.
 */
export const ImportServerCommands = {
    /** Arguments `[ImportTopologyArgs]`; result {@link ImportTopologyResult}. */
    importTopologyXml: 'sfbtopo.importTopologyXml',
} as const;

export const ImportClientCommands = {
    importTopology: 'sfbtopo.importTopology',
} as const;

export interface ImportTopologyArgs {
    /** The topology XML file (`.tbxml`, or the output of `Get-CsTopology -AsXml`), as a file URI. */
    uri: string;
    /** The `.sfbtopo` file to write, as a file URI; an existing file is replaced (ask first). */
    out: string;
    /** `false` in an untrusted workspace: nothing is written then. */
    workspaceTrusted?: boolean;
}

export type ImportTopologyResult =
    /** `report`: the import report, one line each (what was mapped, left for the administrator, not mapped). */
    | { ok: true; out: string; report: string[] }
    /** `line` and `column` (1-based) when the problem is at a place in the XML. */
    | { ok: false; message: string; line?: number; column?: number };

/** The `.sfbtopo` file an import writes beside its source: the same name, its extension replaced. */
export function importedFileName(source: string): string {
    return `${source.replace(/\.(tbxml|xml)$/i, '')}.sfbtopo`;
}
