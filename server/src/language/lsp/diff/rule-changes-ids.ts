/**
 * Command ids and shapes of "Show Rule Changes", shared by the server and the VS Code client.
 *
 * The server executes `sfbtopo.ruleChanges` through `workspace/executeCommand`: the rules of
 * an open topology compared with the rules.json of its last export or with the file at git
 * `HEAD`. `sfbtopo.showRuleChanges` is the VS Code extension's command (the code lens and
 * the palette): it asks which to compare with and shows the change request in a webview.
 *
 * Kept free of value imports so that the client bundle can share it without the language engine.
 */
import type { ChangeRequest } from '../../../diff/change-request.js';

export const RuleChangesServerCommands = {
    /** Arguments `[RuleChangesArgs]`; result {@link RuleChangesResult}. */
    ruleChanges: 'sfbtopo.ruleChanges',
} as const;

export const RuleChangesClientCommands = {
    /** Arguments: nothing (the active editor), a `Uri`, or `RuleChangesArgs` (the code lens). */
    showRuleChanges: 'sfbtopo.showRuleChanges',
} as const;

/** What the topology is compared with: the rules.json its last export wrote, or the file at git HEAD. */
export type RuleChangesBase = 'export' | 'git';

export interface RuleChangesArgs {
    /** The topology document's URI, as the language client sends it. */
    uri: string;
    against: RuleChangesBase;
    /** The export's output folder (the `sfbtopo.export.outputFolder` setting); default `rules` beside the topology. */
    outDir?: string;
}

export interface RuleChangesCounts {
    added: number;
    removed: number;
    changed: number;
    renamed: number;
}

export interface RuleChanges {
    ok: true;
    /** The change request to show, in the client's language. */
    request: ChangeRequest;
    /** The same as markdown, to paste into a ticket. */
    markdown: string;
    counts: RuleChangesCounts;
}

export type RuleChangesResult = RuleChanges | { ok: false; message: string };
