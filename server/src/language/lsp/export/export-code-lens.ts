import { GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import type { Topology } from '../../generated/ast.js';
import type { Bilingual, LocaleSetting } from '../../l10n/locale.js';
import type { SfbtopoServices } from '../../sfbtopo-module.js';
import { ClientCommands, type DocumentCommandArgs } from './export-command-ids.js';
import type { ExportFolders } from '../diff/export-folders.js';
import { changesSinceExport, exportStamp } from '../diff/rule-changes.js';
import { RuleChangesClientCommands, type RuleChangesArgs, type RuleChangesCounts } from '../diff/rule-changes-ids.js';

/** How many documents' counts are kept. */
const REMEMBERED = 16;

const LENSES: Array<{ title: Bilingual; command: string }> = [
    { title: { en: 'Export firewall rules', ja: 'ファイアウォール ルールをエクスポート' }, command: ClientCommands.exportFirewall },
    { title: { en: 'Export IPsec rules', ja: 'IPsec ルールをエクスポート' }, command: ClientCommands.exportIpsec },
    { title: { en: 'Preview rules', ja: 'ルールをプレビュー' }, command: ClientCommands.previewRules },
];

/**
 * Three lenses on the `topology NAME` line, and a fourth once the topology has an export
 * (a rules.json) to compare with: how many rules it opens and closes since then. They carry client commands (see
 * `export-command-ids.ts`): the VS Code extension runs them and calls the server's
 * `sfbtopo.exportRules` / `sfbtopo.previewRules`, which other LSP clients can call directly.
 */
export class TopologyCodeLensProvider implements CodeLensProvider {
    private readonly locale: LocaleSetting;
    private readonly folders: ExportFolders;
    /** The last counts per document, while neither the document nor the export's rules.json changed. */
    private readonly counted = new Map<string, { text: string; folder: string; stamp: string; counts: RuleChangesCounts | undefined }>();

    constructor(services: SfbtopoServices) {
        this.locale = services.l10n.Locale;
        this.folders = services.exports.Folders;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[] | undefined> {
        const range = topologyLine(document as LangiumDocument<Topology>);
        if (!range) return [];
        const args: DocumentCommandArgs = { uri: document.uri.toString() };
        const lenses: CodeLens[] = LENSES.map((lens) => ({ range, command: { title: this.locale.pick(lens.title), command: lens.command, arguments: [args] } }));
        const counts = this.sinceExport(document as LangiumDocument<Topology>);
        if (counts) {
            const changesArgs: RuleChangesArgs = { uri: args.uri, against: 'export' };
            lenses.push({ range, command: { title: this.locale.pick(sinceExportTitle(counts)), command: RuleChangesClientCommands.showRuleChanges, arguments: [changesArgs] } });
        }
        return lenses;
    }

    private sinceExport(document: LangiumDocument<Topology>): RuleChangesCounts | undefined {
        const folder = this.folders.folderOf(document.uri);
        const stamp = folder && exportStamp(folder);
        if (!folder || !stamp) return undefined;
        const key = document.uri.toString();
        const text = document.textDocument.getText();
        const last = this.counted.get(key);
        if (last && last.text === text && last.folder === folder && last.stamp === stamp) return last.counts;
        const counts = changesSinceExport(document, folder);
        this.counted.delete(key);
        this.counted.set(key, { text, folder, stamp, counts });
        // A few documents' worth: each entry holds its document's text.
        while (this.counted.size > REMEMBERED) this.counted.delete(this.counted.keys().next().value!);
        return counts;
    }
}

/** `+3 −1 rules since export` (`~2` more when rules changed in place). */
function sinceExportTitle(counts: RuleChangesCounts): Bilingual {
    const { added, removed, changed, renamed } = counts;
    if (added + removed + changed + renamed === 0) return { en: 'No rule changes since export', ja: 'エクスポート以降のルールの変更なし' };
    const figures = `+${added} \u2212${removed}${changed > 0 ? ` ~${changed}` : ''}`;
    return { en: `${figures} rules since export`, ja: `エクスポート以降のルール ${figures}` };
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
