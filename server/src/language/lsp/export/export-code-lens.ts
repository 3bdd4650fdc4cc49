import { GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import type { Topology } from '../../generated/ast.js';
import type { Bilingual, LocaleSetting } from '../../l10n/locale.js';
import type { SfbtopoServices } from '../../sfbtopo-module.js';
import { ClientCommands, type DocumentCommandArgs } from './export-command-ids.js';

const LENSES: Array<{ title: Bilingual; command: string }> = [
    { title: { en: 'Export firewall rules', ja: 'ファイアウォール ルールをエクスポート' }, command: ClientCommands.exportFirewall },
    { title: { en: 'Export IPsec rules', ja: 'IPsec ルールをエクスポート' }, command: ClientCommands.exportIpsec },
    { title: { en: 'Preview rules', ja: 'ルールをプレビュー' }, command: ClientCommands.previewRules },
];

/**
 * Three lenses on the `topology NAME` line. They carry client commands (see
 * `export-command-ids.ts`): the VS Code extension runs them and calls the server's
 * `sfbtopo.exportRules` / `sfbtopo.previewRules`, which other LSP clients can call directly.
 */
export class TopologyCodeLensProvider implements CodeLensProvider {
    private readonly locale: LocaleSetting;

    constructor(services: SfbtopoServices) {
        this.locale = services.l10n.Locale;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        const range = topologyLine(document as LangiumDocument<Topology>);
        if (!range) return [];
        const args: DocumentCommandArgs = { uri: document.uri.toString() };
        return LENSES.map((lens) => ({ range, command: { title: this.locale.pick(lens.title), command: lens.command, arguments: [args] } }));
    }
}

/** The `topology NAME` header (the keyword alone while the name is missing), if the document has one. */
export function topologyLine(document: LangiumDocument<Topology>): Range | undefined {
    const topology = document.parseResult.value;
    const keyword = topology?.$cstNode && GrammarUtils.findNodeForKeyword(topology.$cstNode, 'topology');
    if (!keyword) return undefined;
    const name = GrammarUtils.findNodeForProperty(topology.$cstNode, 'name');
    const end = name && name.range.start.line === keyword.range.start.line ? name.range.end : keyword.range.end;
    return { start: keyword.range.start, end };
}
