import { DocumentState, GrammarUtils, type LangiumDocument, type LangiumDocuments, type MaybePromise, type URI } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import { CodeLensRefreshRequest, type CodeLens, type CodeLensParams, type Connection, type Range } from 'vscode-languageserver';
import type { Topology } from '../../generated/ast.js';
import type { Bilingual, LocaleSetting } from '../../l10n/locale.js';
import type { SfbtopoServices } from '../../sfbtopo-module.js';
import { ClientCommands, type DocumentCommandArgs } from './export-command-ids.js';
import type { ExportFolders } from '../diff/export-folders.js';
import type { RuleSet } from '../../../rules/rule.js';
import { changesSince, exportedRuleSet, exportStamp } from '../diff/rule-changes.js';
import { RuleChangesClientCommands, type RuleChangesArgs, type RuleChangesCounts } from '../diff/rule-changes-ids.js';

/** How many documents' counts are kept. */
const REMEMBERED = 16;

/**
 * Topologies up to this size are compared with their export when the lens is asked for (a
 * few milliseconds); a larger one once typing pauses: at 1,000 pools a comparison takes
 * some 300 ms, which every keystroke would otherwise wait for.
 */
const INLINE_CHARACTERS = 40_000;
/** How long a large topology must rest before it is compared again. */
const COUNT_AFTER_MS = 500;

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
    private readonly documents: LangiumDocuments;
    private readonly connection: Connection | undefined;
    /** The last counts per document, while neither the document nor the export's rules.json changed. */
    private readonly counted = new Map<string, { text: string; folder: string; stamp: string; counts: RuleChangesCounts | undefined }>();
    /** The last export read, while its rules.json is unchanged: a large one takes a while to parse. */
    private exported: { folder: string; stamp: string; rules: RuleSet | undefined } | undefined;
    /** Large documents waiting for typing to pause before they are compared. */
    private readonly waiting = new Map<string, { text: string; timer: ReturnType<typeof setTimeout> }>();

    constructor(services: SfbtopoServices) {
        this.locale = services.l10n.Locale;
        this.folders = services.exports.Folders;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.connection = services.shared.lsp.Connection;
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
        const sameExport = last !== undefined && last.folder === folder && last.stamp === stamp;
        if (sameExport && last.text === text) return last.counts;
        if (text.length <= INLINE_CHARACTERS) return this.count(document, folder, stamp);
        // Meanwhile the last counts against the same export, which the refresh replaces. Asked
        // again for the same text, the wait goes on; an edit starts it anew.
        const waiting = this.waiting.get(key);
        if (waiting?.text !== text) {
            clearTimeout(waiting?.timer);
            this.waiting.set(key, { text, timer: setTimeout(() => this.countWhenResting(document.uri, text, folder, stamp), COUNT_AFTER_MS) });
        }
        return sameExport ? last.counts : undefined;
    }

    /** Compares a large document that has not changed since, then has the client ask for lenses again. */
    private countWhenResting(uri: URI, text: string, folder: string, stamp: string): void {
        if (this.waiting.get(uri.toString())?.text === text) this.waiting.delete(uri.toString());
        const document = this.documents.getDocument(uri) as LangiumDocument<Topology> | undefined;
        // Edited meanwhile (or not yet checked): the lens asked for after that edit's build counts it.
        if (!document || document.textDocument.getText() !== text || document.state < DocumentState.Validated) return;
        this.count(document, folder, stamp);
        // A client without the refresh request answers with an error: its lenses follow the next edit.
        this.connection?.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }

    private count(document: LangiumDocument<Topology>, folder: string, stamp: string): RuleChangesCounts | undefined {
        if (this.exported?.folder !== folder || this.exported.stamp !== stamp) this.exported = { folder, stamp, rules: exportedRuleSet(folder) };
        const counts = this.exported.rules && changesSince(document, this.exported.rules);
        const key = document.uri.toString();
        this.counted.delete(key);
        this.counted.set(key, { text: document.textDocument.getText(), folder, stamp, counts });
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
