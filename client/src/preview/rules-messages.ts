// Messages between the rules preview panel (extension host) and its webview script.
// Types only: both bundles import this file, and neither may pull the other's runtime in.
import type { RulesTable } from '../../../server/src/language/lsp/export/export-command-ids.js';

/** The webview's texts, translated by the extension (the webview has no `l10n`). */
export interface RulesViewStrings {
    /** `{0}`: a column title. */
    filterBy: string;
    all: string;
    search: string;
    clear: string;
    /** `{0}` rows shown, `{1}` rows in all. */
    shown: string;
    /** `{0}`: how many rows are drawn at most. */
    truncated: string;
    sortBy: string;
    loading: string;
    noMatch: string;
}

export type ToRulesViewMessage = {
    type: 'update';
    /** The topology's URI: the webview keeps it in its state, so the panel can come back after a reload. */
    topology: string;
    /** The rules to show; absent while none could be listed yet (see `message`). */
    table?: RulesTable;
    /** True when `table` is older than the document (the document has errors now). */
    stale: boolean;
    message?: string;
    strings: RulesViewStrings;
};

export type FromRulesViewMessage =
    | { type: 'ready' }
    /** What the webview's DOM shows after an update or a filter change (for tests and the panel's state). */
    | { type: 'rendered'; rows: number; shown: number; stale: boolean };

/** What the webview keeps across reloads (`getState`/`setState`), and the serializer reads. */
export interface RulesViewState {
    topology?: string;
    /** Column key and direction of the sort; the server's order when absent. */
    sort?: { key: string; descending: boolean };
    /** Column key → the value rows must have. */
    filters: Record<string, string>;
    search: string;
}
