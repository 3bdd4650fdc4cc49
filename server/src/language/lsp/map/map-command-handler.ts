import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { ExecuteCommandAcceptor, LangiumSharedServices } from 'langium/lsp';
import { CancellationToken } from 'vscode-languageserver';
import { renderDocumentMap } from '../../../map/render-map.js';
import type { Topology } from '../../generated/ast.js';
import type { LocaleSetting } from '../../l10n/locale.js';
import type { SfbtopoServices } from '../../sfbtopo-module.js';
import { MapServerCommands, type MapData, type MapDataArgs, type MapDataResult } from './map-command-ids.js';

/** How many documents' last valid maps are kept for the "stale" view. */
const REMEMBERED = 16;

/**
 * Registers the map's `workspace/executeCommand` commands with the execute-command
 * handler. `shared` is read when a command runs (the handler registers its commands
 * from its base constructor, before its own fields are set).
 */
export function registerMapCommands(acceptor: ExecuteCommandAcceptor, shared: () => LangiumSharedServices): void {
    const commands = new TopologyMapCommands(shared);
    acceptor(MapServerCommands.mapData, (args, token) => commands.mapData(args[0], token));
}

/**
 * `sfbtopo.mapData`: the map of an open topology document, computed here so that every
 * client (and the command line) draws the same picture. A document with errors gets the
 * last map drawn from it without errors, marked stale, or a refusal if there is none.
 */
export class TopologyMapCommands {
    /** Last map without errors, by document URI; the text it was drawn from, to reuse it while nothing changed. */
    private readonly lastValid = new Map<string, { text: string; locale: string; data: MapData }>();

    constructor(private readonly shared: () => LangiumSharedServices) {}

    async mapData(args: MapDataArgs | undefined, token: CancellationToken = CancellationToken.None): Promise<MapDataResult> {
        const locale = this.locale();
        const found = await this.findDocument(args, token, locale);
        if (!found.ok) return found;
        const { document } = found;
        const key = document.uri.toString();
        const text = document.textDocument.getText();
        const remembered = this.lastValid.get(key);
        if (remembered && remembered.text === text && remembered.locale === locale.current) return remembered.data;

        const outcome = await renderDocumentMap(document, { locale: locale.current });
        if (!outcome.ok) {
            const n = Math.max(outcome.errors.length, 1);
            const errors = locale.pick({ en: `The topology has ${n} ${n === 1 ? 'error' : 'errors'}`, ja: `トポロジに ${n} 件のエラーがあります` });
            if (!remembered) {
                return { ok: false, message: locale.pick({ en: `${errors}; fix ${n === 1 ? 'it' : 'them'} to draw its map.`, ja: `${errors}。マップを描くには修正してください。` }) };
            }
            return {
                ...remembered.data,
                stale: true,
                errors: n,
                message: locale.pick({ en: `${errors}: this is the last map drawn without errors.`, ja: `${errors}。エラーがなかった最後のマップを表示しています。` }),
            };
        }
        const data: MapData = {
            ok: true,
            svg: outcome.svg,
            model: outcome.model,
            layout: outcome.layout,
            rules: outcome.ruleInfo,
            matrix: outcome.matrix,
            stale: false,
            errors: 0,
        };
        this.lastValid.delete(key);
        this.lastValid.set(key, { text, locale: locale.current, data });
        while (this.lastValid.size > REMEMBERED) this.lastValid.delete(this.lastValid.keys().next().value!);
        return data;
    }

    /** The validated document the arguments name, once pending edits have been built. */
    private async findDocument(
        args: MapDataArgs | undefined,
        token: CancellationToken,
        locale: LocaleSetting,
    ): Promise<{ ok: true; document: LangiumDocument<Topology> } | { ok: false; message: string }> {
        if (typeof args?.uri !== 'string') {
            return {
                ok: false,
                message: locale.pick({
                    en: 'The command needs the URI of a topology document: [{ "uri": "file:///…/site.sfbtopo" }].',
                    ja: 'このコマンドにはトポロジ ドキュメントの URI が必要です: [{ "uri": "file:///…/site.sfbtopo" }]。',
                }),
            };
        }
        const notOpen = { ok: false as const, message: locale.pick({ en: `${args.uri} is not an open topology document.`, ja: `${args.uri} は開かれているトポロジ ドキュメントではありません。` }) };
        let uri: URI;
        try {
            uri = URI.parse(args.uri);
        } catch {
            return { ok: false, message: locale.pick({ en: `${args.uri} is not a URI.`, ja: `${args.uri} は URI ではありません。` }) };
        }
        const shared = this.shared();
        const workspace = shared.workspace;
        if (shared.lsp.Connection) {
            // Let the start-up scan and the documents and edits the client sent before this
            // command reach the document builder: a map restored with the window asks at once.
            await workspace.WorkspaceManager.ready;
            await workspace.WorkspaceLock.read(() => undefined);
        }
        if (!workspace.LangiumDocuments.hasDocument(uri)) return notOpen;
        await workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
        const document = workspace.LangiumDocuments.getDocument(uri);
        if (!document || document.state < DocumentState.Validated) return notOpen;
        return { ok: true, document: document as LangiumDocument<Topology> };
    }

    private locale(): LocaleSetting {
        const services = this.shared().ServiceRegistry.all.find((language) => language.LanguageMetaData.languageId === 'sfbtopo') as SfbtopoServices | undefined;
        return services?.l10n.Locale ?? { current: 'en', pick: (message) => message.en };
    }
}
