/**
 * Command ids of the rule export (spec §4), shared by the server and the VS Code client.
 *
 * The server executes `sfbtopo.exportRules` and `sfbtopo.previewRules` through
 * `workspace/executeCommand`, so any LSP client can call them directly. Code lenses and
 * the source action carry *client* commands (`sfbtopo.exportAll`, `sfbtopo.exportFirewall`,
 * `sfbtopo.exportIpsec`, and `sfbtopo.previewRules`): the VS Code extension handles them
 * (saving the document, reading the settings, showing progress and the result) and then
 * calls the server's command. `sfbtopo.previewRules` is both: a client without the
 * extension that sends it back gets the markdown table; the VS Code extension intercepts
 * it and opens a preview document.
 *
 * Kept free of imports so that the client bundle can share it without the language engine.
 */
export const ServerCommands = {
    /** Arguments `[ExportRulesArgs]`; result {@link ExportRulesResult}. */
    exportRules: 'sfbtopo.exportRules',
    /** Arguments `[PreviewRulesArgs]`; result a markdown string, or a refusal `{ ok: false, message }`. */
    previewRules: 'sfbtopo.previewRules',
    /** Arguments `[PreviewRulesArgs]`; result {@link RulesTableResult}: the same rules as data, for a sortable table. */
    rulesTable: 'sfbtopo.rulesTable',
} as const;

export const ClientCommands = {
    exportAll: 'sfbtopo.exportAll',
    exportFirewall: 'sfbtopo.exportFirewall',
    exportIpsec: 'sfbtopo.exportIpsec',
    previewRules: 'sfbtopo.previewRules',
} as const;

/** The argument that code lenses and the source action pass to the client commands. */
export interface DocumentCommandArgs {
    /** The topology document's URI, as the language client sends it. */
    uri: string;
}

/**
 * Which formats to write: format names (`json`, `nftables`, …), or the groups `all`,
 * `firewall` and `ipsec`, alone or among the names.
 */
export type FormatRequest = string | readonly string[];

export interface ExportRulesArgs extends DocumentCommandArgs {
    /** Default `all`. */
    formats?: FormatRequest;
    /**
     * The output folder. Relative paths are resolved against the topology file's folder;
     * default `rules` beside the topology file.
     */
    outDir?: string;
    /**
     * Overwrite files changed by hand since the last export, and files sfbtopo did not
     * write. Without it such files make the export a refusal with `handEdited`.
     */
    force?: boolean;
    /**
     * `false` when the client's workspace is not trusted (VS Code's Restricted Mode): the
     * server then writes nothing, whatever folder the workspace's settings name. Absent
     * means trusted, for clients that have no such notion.
     */
    workspaceTrusted?: boolean;
}

export type PreviewRulesArgs = DocumentCommandArgs;

export type Refusal = { ok: false; message: string };

/**
 * The export would overwrite files that are not what sfbtopo last wrote (changed by hand,
 * or not written by sfbtopo at all): nothing was written. `handEdited` names them (file
 * names in `outDir`); the client may ask the user and run the export again with `force`.
 */
export type OverwriteRefusal = {
    ok: false;
    message: string;
    outDir: string;
    handEdited: string[];
    /** What forcing would do, as a question for the user ("2 files changed by hand …: overwrite them?"). */
    question: string;
};

export type ExportRulesResult = { ok: true; outDir: string; files: string[] } | OverwriteRefusal | Refusal;

export type PreviewRulesResult = string | Refusal;

/** The rules of a topology as a table: firewall rules, then IPsec exceptions, one row each. */
export interface RulesTable {
    ok: true;
    topology: string;
    /** A heading and a sentence about where the rules come from, in the client's language. */
    title: string;
    note: string;
    /** `filter`: the column has few distinct values, worth a filter. */
    columns: Array<{ key: string; title: string; filter: boolean }>;
    /** One string per column, in column order. */
    rows: string[][];
}

export type RulesTableResult = RulesTable | Refusal;

/** The code action kind of the whole-document export. */
export const EXPORT_SOURCE_ACTION_KIND = 'source.sfbtopo.exportRules';
