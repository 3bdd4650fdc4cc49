import type { LangiumDocument } from 'langium';
import { CodeActionTriggerKind, type CodeAction, type CodeActionParams } from 'vscode-languageserver';
import type { Topology } from '../../generated/ast.js';
import type { LocaleSetting } from '../../l10n/locale.js';
import { ClientCommands, EXPORT_SOURCE_ACTION_KIND, type DocumentCommandArgs } from './export-command-ids.js';
import { topologyLine } from './export-code-lens.js';

/**
 * The source action "Export firewall and IPsec rules" for the whole document. Its command
 * is the client command `sfbtopo.exportAll` (see `export-command-ids.ts`); other LSP
 * clients call the server's `sfbtopo.exportRules` directly.
 *
 * Offered when the client asks for source actions (`only` covers its kind), or, with no
 * `only`, when the user invoked the code action menu: never for automatic requests.
 */
export function exportSourceActions(document: LangiumDocument, params: CodeActionParams, locale: LocaleSetting): CodeAction[] {
    if (!requested(params) || !topologyLine(document as LangiumDocument<Topology>)) return [];
    const args: DocumentCommandArgs = { uri: document.uri.toString() };
    const title = locale.pick({ en: 'Export firewall and IPsec rules', ja: 'ファイアウォールと IPsec のルールをエクスポート' });
    return [{ title, kind: EXPORT_SOURCE_ACTION_KIND, command: { title, command: ClientCommands.exportAll, arguments: [args] } }];
}

function requested({ context }: CodeActionParams): boolean {
    if (context.only) return context.only.some((kind) => EXPORT_SOURCE_ACTION_KIND === kind || EXPORT_SOURCE_ACTION_KIND.startsWith(`${kind}.`));
    return context.triggerKind === CodeActionTriggerKind.Invoked;
}
