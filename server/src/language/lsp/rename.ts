import { AstUtils, CstUtils, type AstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider } from 'langium/lsp';
import {
    ErrorCodes,
    ResponseError,
    type CancellationToken,
    type Position,
    type Range,
    type RenameParams,
    type TextDocumentPositionParams,
    type WorkspaceEdit,
} from 'vscode-languageserver';
import { isTopology } from '../generated/ast.js';
import type { Bilingual, LocaleSetting } from '../l10n/locale.js';
import type { SfbtopoServices } from '../sfbtopo-module.js';
import { lineOf, namedDeclarations } from '../validation/topology-contents.js';

/** What the `ID` terminal accepts; every keyword is also a valid name, and matches this too. */
export const VALID_NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Renames a declared name together with every reference to it (`for POOL`,
 * `gateway NAME`, `subnet NAME`), from the declaration or from a reference.
 *
 * A rename that would leave the topology broken is refused with a `ResponseError`,
 * whose message the editor shows: a new name the grammar does not accept, or one
 * that some other declaration already has, compared without letter case, because
 * names are unique across all kinds (see validation/names.ts).
 */
export class TopologyRenameProvider extends DefaultRenameProvider {
    private readonly locale: LocaleSetting;

    constructor(services: SfbtopoServices) {
        super(services);
        this.locale = services.l10n.Locale;
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        if (!target) {
            return undefined;
        }
        this.checkNewName(target, params.newName);
        return super.rename(document, params, cancelToken);
    }

    /** The range of the name under the cursor, at a declaration or a reference; `undefined` (null to the client) elsewhere. */
    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        return this.renameNodeRange(document, params.position);
    }

    protected override renameNodeRange(document: LangiumDocument, position: Position): Range | undefined {
        const leaf = this.leafAt(document, position);
        // `findDeclarations` answers for a reference and for (a part of) a declaration's name node,
        // which for a `Name` data type rule is a composite node around the leaf.
        return leaf && this.references.findDeclarations(leaf).length > 0 ? leaf.range : undefined;
    }

    /** The declaration whose name, or a reference to which, is at `position`. */
    protected targetAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const leaf = this.leafAt(document, position);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
    }

    private leafAt(document: LangiumDocument, position: Position) {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(position);
        return root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
    }

    private checkNewName(target: AstNode, newName: string): void {
        const oldName = this.nameProvider.getName(target) ?? '';
        if (!VALID_NAME.test(newName)) {
            throw this.refusal({
                en: `Cannot rename '${oldName}' to '${newName}': a name starts with a letter and continues with letters, digits, '-' or '_'.`,
                ja: `'${oldName}' を '${newName}' に名前変更できません。名前は英字で始め、英字、数字、'-'、'_' だけで書きます。`,
            });
        }
        const topology = AstUtils.getContainerOfType(target, isTopology);
        if (!topology || topology === target) {
            // The topology's own name is not among the unique names (see validation/names.ts).
            return;
        }
        const clash = namedDeclarations(topology).find((d) => d.node !== target && d.node.name.toLowerCase() === newName.toLowerCase());
        if (clash) {
            const line = lineOf(clash.node);
            const caseOnly = clash.node.name !== newName;
            throw this.refusal({
                en:
                    `Cannot rename '${oldName}' to '${newName}': the ${clash.kind.en} '${clash.node.name}' at line ${line} already has that name` +
                    (caseOnly ? ' (differing only in letter case)' : '') +
                    '. Every site, pool, server, subnet, gateway, reverse proxy, load balancer and file share needs its own name, whatever the letter case.',
                ja:
                    `'${oldName}' を '${newName}' に名前変更できません。${line} 行目の${clash.kind.ja} '${clash.node.name}' が既にその名前を使っています` +
                    (caseOnly ? ' (大文字と小文字の違いだけです)' : '') +
                    '。サイト、プール、サーバー、サブネット、ゲートウェイ、リバース プロキシ、ロード バランサー、ファイル共有には、大文字と小文字の違いに関係なく、それぞれ別の名前が必要です。',
            });
        }
    }

    private refusal(message: Bilingual): ResponseError {
        return new ResponseError(ErrorCodes.InvalidParams, this.locale.pick(message));
    }
}
