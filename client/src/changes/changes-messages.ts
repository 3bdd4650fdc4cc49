// Messages between the rule changes panel (extension host) and its webview script.
// Types only: both bundles import this file, and neither may pull the other's runtime in.
import type { ChangeRequest } from '../../../server/src/diff/change-request.js';
import type { RuleChangesBase } from '../../../server/src/language/lsp/diff/rule-changes-ids.js';

/** The webview's own texts, translated by the extension (the webview has no `l10n`). */
export interface ChangesViewStrings {
    copy: string;
    loading: string;
    /** Shown beside the counts: how the view follows the document. */
    follows: string;
}

/** What the webview keeps in its state, so that the view can come back after a window reload. */
export interface ChangesViewState {
    /** The topology's URI. */
    topology: string;
    against: RuleChangesBase;
}

export type ToChangesViewMessage = ChangesViewState & {
    type: 'update';
    /** The change request to show; absent while none could be made yet (see `message`). */
    request?: ChangeRequest;
    /** True when `request` is older than the document (the document has errors now). */
    stale: boolean;
    message?: string;
    strings: ChangesViewStrings;
};

export type FromChangesViewMessage =
    | { type: 'ready' }
    | { type: 'copy' }
    /** What the webview's DOM shows after an update: for tests. */
    | { type: 'rendered'; groups: number; rows: number; stale: boolean; text: string };
