import { isAbsolute, dirname, resolve } from 'node:path';
import { DocumentState, URI, UriUtils, type LangiumDocument } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, CodeLensRefreshRequest } from 'vscode-languageserver';
import { exportDocument } from '../../../export/export-topology.js';
import { EXPORT_FORMATS } from '../../../export/formats.js';
import { ExportOverwriteError, writeExportFiles } from '../../../export/write-files.js';
import { withUsualHeapGrowth } from '../../../workspace/heap-growth.js';
import type { RuleSet } from '../../../rules/rule.js';
import type { Topology } from '../../generated/ast.js';
import type { LocaleSetting } from '../../l10n/locale.js';
import type { SfbtopoServices } from '../../sfbtopo-module.js';
import { registerImportCommands } from '../import/import-command-handler.js';
import { registerMapCommands } from '../map/map-command-handler.js';
import {
    ServerCommands,
    type DocumentCommandArgs,
    type ExportRulesArgs,
    type ExportRulesResult,
    type OverwriteRefusal,
    type PreviewRulesResult,
    type Refusal,
    type RulesTableResult,
} from './export-command-ids.js';
import { resolveFormats } from './export-format-groups.js';
import { rulesMarkdown } from './rules-markdown.js';
import { rulesTable } from './rules-table.js';
import { ruleChanges } from '../diff/rule-changes.js';
import { RuleChangesServerCommands, type RuleChangesArgs, type RuleChangesResult } from '../diff/rule-changes-ids.js';

/** The output folder beside the topology file when the request names none. */
export const DEFAULT_OUTPUT_FOLDER = 'rules';

type Found = { ok: true; document: LangiumDocument<Topology>; locale: LocaleSetting } | Refusal;

/**
 * The rule export as `workspace/executeCommand` commands (ids in {@link ServerCommands}).
 * Lenses and the source action carry client commands that end up here, so other LSP
 * clients can call `sfbtopo.exportRules` and `sfbtopo.previewRules` directly.
 *
 * A refusal (unknown document, errors in the topology, unknown format, unwritable folder)
 * is a result `{ ok: false, message }` in the client's language, not a protocol error.
 * An export that would overwrite files changed by hand (or not written by sfbtopo) is
 * refused with their names in `handEdited`, unless the arguments say `force: true`.
 */
export class TopologyExportCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super();
    }

    // Called from the base constructor, before `shared` is set: only register closures here.
    override registerCommands(acceptor: ExecuteCommandAcceptor): void {
        acceptor(ServerCommands.exportRules, (args, token) => this.exportRules(args[0], token));
        acceptor(ServerCommands.previewRules, (args, token) => this.previewRules(args[0], token));
        acceptor(ServerCommands.rulesTable, (args, token) => this.rulesTable(args[0], token));
        acceptor(RuleChangesServerCommands.ruleChanges, (args, token) => this.ruleChanges(args[0], token));
        registerMapCommands(acceptor, () => this.shared);
        registerImportCommands(acceptor, () => this.locale());
    }

    async exportRules(args: ExportRulesArgs | undefined, token: CancellationToken = CancellationToken.None): Promise<ExportRulesResult> {
        const found = await this.findDocument(args, token);
        if (!found.ok) return found;
        const { document, locale } = found;
        if (args?.workspaceTrusted === false) {
            // An untrusted workspace's settings may name any folder: write nowhere.
            return refuse(
                locale.pick({
                    en: 'The workspace is not trusted, so no rules were written: trust the workspace to export them.',
                    ja: 'ワークスペースが信頼されていないため、ルールを書き込んでいません。エクスポートするにはワークスペースを信頼してください。',
                }),
            );
        }
        const formats = resolveFormats(args?.formats);
        if (!formats.ok) {
            const unknown = formats.unknown.join(', ');
            const known = ['all', 'firewall', 'ipsec', ...EXPORT_FORMATS].join(', ');
            return refuse(locale.pick({ en: `Unknown export format: ${unknown}. Known formats: ${known}.`, ja: `不明なエクスポート形式です: ${unknown}。使用できる形式: ${known}。` }));
        }
        if (formats.formats.length === 0) {
            return refuse(locale.pick({ en: 'None of the requested export formats is available.', ja: '要求されたエクスポート形式はどれも使用できません。' }));
        }
        const outDir = outputFolder(document.uri, args?.outDir);
        if (outDir === undefined) {
            return refuse(
                locale.pick({
                    en: 'Save the topology to a file first, or give an absolute output folder: a relative one is resolved beside the topology file.',
                    ja: '先にトポロジをファイルに保存するか、出力フォルダーを絶対パスで指定してください。相対パスはトポロジ ファイルのフォルダーを基準にします。',
                }),
            );
        }
        // Rendered synchronously from the validated document, so no edit can slip in between.
        const outcome = withUsualHeapGrowth(() => exportDocument(document, formats.formats, { sourceFile: UriUtils.basename(document.uri) }));
        if (!outcome.ok) return refuse(errorsMessage(outcome.errors.length, 'export', locale));
        try {
            const files = await writeExportFiles(outDir, outcome.files, { force: args?.force === true });
            if (formats.formats.includes('json')) this.exportWritten(document, outDir);
            return { ok: true, outDir, files };
        } catch (error) {
            if (error instanceof ExportOverwriteError) return overwriteRefusal(error, outDir, locale);
            const reason = error instanceof Error ? error.message : String(error);
            return refuse(locale.pick({ en: `The rules were not exported: ${reason}.`, ja: `ルールをエクスポートできませんでした: ${reason}。` }));
        }
    }

    async previewRules(args: DocumentCommandArgs | undefined, token: CancellationToken = CancellationToken.None): Promise<PreviewRulesResult> {
        return this.withRules(args, token, rulesMarkdown);
    }

    async rulesTable(args: DocumentCommandArgs | undefined, token: CancellationToken = CancellationToken.None): Promise<RulesTableResult> {
        return this.withRules(args, token, rulesTable);
    }

    /** The rules of a topology without errors, rendered for a preview; a refusal otherwise. */
    private async withRules<T>(
        args: DocumentCommandArgs | undefined,
        token: CancellationToken,
        render: (rules: RuleSet, sourceFile: string, locale: LocaleSetting) => T,
    ): Promise<T | Refusal> {
        const found = await this.findDocument(args, token);
        if (!found.ok) return found;
        const { document, locale } = found;
        const sourceFile = UriUtils.basename(document.uri);
        const outcome = withUsualHeapGrowth(() => exportDocument(document, [], { sourceFile }));
        if (!outcome.ok) return refuse(errorsMessage(outcome.errors.length, 'preview', locale));
        return render(outcome.rules, sourceFile, locale);
    }

    /**
     * `sfbtopo.ruleChanges`: the document's rules compared with its last export or with git
     * HEAD. Without a folder in the arguments, the export is looked for where this server
     * last wrote one for the document, else in `rules` beside it.
     */
    async ruleChanges(args: RuleChangesArgs | undefined, token: CancellationToken = CancellationToken.None): Promise<RuleChangesResult> {
        const found = await this.findDocument(args, token);
        if (!found.ok) return found;
        const { document, locale } = found;
        if (args?.against !== 'export' && args?.against !== 'git') {
            return refuse(locale.pick({ en: 'Say what to compare with: "against": "export" or "git".', ja: '比較の対象を指定してください: "against": "export" または "git"。' }));
        }
        const outDir = args.outDir ? outputFolder(document.uri, args.outDir) : this.language()?.exports.Folders.folderOf(document.uri);
        return ruleChanges(document, args.against, outDir, locale);
    }

    /** Remembers where the rules.json went, and has the client ask for code lenses again: their counts are since the last export. */
    private exportWritten(document: LangiumDocument, outDir: string): void {
        this.language()?.exports.Folders.remember(document.uri, outDir);
        // A client without the refresh request answers with an error: its lenses follow the next edit.
        this.shared.lsp.Connection?.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }

    /** The validated document the arguments name, once pending edits have been built. */
    private async findDocument(args: DocumentCommandArgs | undefined, token: CancellationToken): Promise<Found> {
        const locale = this.locale();
        if (typeof args?.uri !== 'string') {
            return refuse(locale.pick({ en: 'The command needs the URI of a topology document: [{ "uri": "file:///…/site.sfbtopo" }].', ja: 'このコマンドにはトポロジ ドキュメントの URI が必要です: [{ "uri": "file:///…/site.sfbtopo" }]。' }));
        }
        let uri: URI;
        try {
            uri = URI.parse(args.uri);
        } catch {
            return refuse(locale.pick({ en: `${args.uri} is not a URI.`, ja: `${args.uri} は URI ではありません。` }));
        }
        const workspace = this.shared.workspace;
        if (this.shared.lsp.Connection) {
            // Let the start-up scan and the documents and edits the client sent before this
            // command reach the document builder: a preview restored with the window asks at once.
            await workspace.WorkspaceManager.ready;
            await workspace.WorkspaceLock.read(() => undefined);
        }
        const notOpen = refuse(locale.pick({ en: `${args.uri} is not an open topology document.`, ja: `${args.uri} は開かれているトポロジ ドキュメントではありません。` }));
        if (!workspace.LangiumDocuments.hasDocument(uri)) return notOpen;
        await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        const document = workspace.LangiumDocuments.getDocument(uri);
        if (!document || document.state < DocumentState.Validated) return notOpen;
        return { ok: true, document: document as LangiumDocument<Topology>, locale };
    }

    private locale(): LocaleSetting {
        return this.language()?.l10n.Locale ?? { current: 'en', pick: (message) => message.en };
    }

    private language(): SfbtopoServices | undefined {
        return this.shared.ServiceRegistry.all.find((language) => language.LanguageMetaData.languageId === 'sfbtopo') as SfbtopoServices | undefined;
    }
}

/**
 * Where the files go: an absolute folder as given; a relative one (default `rules`)
 * beside the topology file, or nowhere when the document has no file (untitled).
 */
export function outputFolder(uri: URI, outDir: string | undefined): string | undefined {
    const folder = outDir?.trim() || DEFAULT_OUTPUT_FOLDER;
    if (isAbsolute(folder)) return resolve(folder);
    if (uri.scheme !== 'file') return undefined;
    return resolve(dirname(uri.fsPath), folder);
}

function errorsMessage(count: number, action: 'export' | 'preview', locale: LocaleSetting): string {
    const n = Math.max(count, 1);
    const errors = { en: `The topology has ${n} ${n === 1 ? 'error' : 'errors'}`, ja: `トポロジに ${n} 件のエラーがあります` };
    return action === 'export'
        ? locale.pick({
              en: `${errors.en}; fix ${n === 1 ? 'it' : 'them'} before exporting: rules from a topology with errors would open the wrong ports. Nothing was written.`,
              ja: `${errors.ja}。エラーのあるトポロジから作ったルールは誤ったポートを開くため、エクスポートする前に修正してください。何も書き込んでいません。`,
          })
        : locale.pick({
              en: `${errors.en}; fix ${n === 1 ? 'it' : 'them'} to preview its rules.`,
              ja: `${errors.ja}。ルールをプレビューするには修正してください。`,
          });
}

function overwriteRefusal(error: ExportOverwriteError, outDir: string, locale: LocaleSetting): OverwriteRefusal {
    const edited = error.handEdited.join(', ');
    const foreign = error.notGenerated.join(', ');
    const message = locale.pick({
        en:
            `The rules were not exported: ${[
                ...(edited ? [`${edited} ${error.handEdited.length === 1 ? 'was' : 'were'} changed since sfbtopo wrote ${error.handEdited.length === 1 ? 'it' : 'them'}`] : []),
                ...(foreign ? [`${foreign} ${error.notGenerated.length === 1 ? 'was' : 'were'} not written by sfbtopo`] : []),
            ].join('; ')} (in ${outDir}). Nothing was written.`,
        ja:
            `ルールをエクスポートしませんでした: ${[
                ...(edited ? [`${edited} は sfbtopo が書き込んだ後に変更されています`] : []),
                ...(foreign ? [`${foreign} は sfbtopo が書き込んだファイルではありません`] : []),
            ].join('。')} (${outDir})。何も書き込んでいません。`,
    });
    const n = error.files.length;
    const question =
        n === 1
            ? locale.pick({
                  en: `${error.files[0]} was changed by hand since the last export, or was not written by sfbtopo: overwrite it?`,
                  ja: `${error.files[0]} は前回のエクスポートの後に手で変更されたか、sfbtopo が書き込んだファイルではありません。上書きしますか?`,
              })
            : locale.pick({
                  en: `${n} files were changed by hand since the last export, or were not written by sfbtopo: overwrite them?`,
                  ja: `${n} 個のファイルが前回のエクスポートの後に手で変更されたか、sfbtopo が書き込んだファイルではありません。上書きしますか?`,
              });
    return { ok: false, message, outDir, handEdited: error.files, question };
}

function refuse(message: string): Refusal {
    return { ok: false, message };
}
