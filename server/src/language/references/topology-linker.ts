import { Cancellation, DefaultLinker, type AstNodeDescription, type LangiumDocument, type LinkingError, type ReferenceInfo } from 'langium';
import type { Topology } from '../generated/ast.js';
import { allReferences, forEachOf } from '../validation/topology-contents.js';
import type { Bilingual, LocaleSetting } from '../l10n/locale.js';
import type { SfbtopoCoreServices } from '../sfbtopo-core-module.js';

/** What each kind of reference must name, in the administrator's words. */
const EXPECTED: Record<string, (name: string) => Bilingual> = {
    Pool: (name) => ({
        en: `No pool named '${name}' in this topology: \`for\` names a pool declared in one of the topology's sites.`,
        ja: `このトポロジに '${name}' という名前のプールはありません。\`for\` には、いずれかのサイトで宣言したプールの名前を書きます。`,
    }),
    Gateway: (name) => ({
        en: `No gateway named '${name}' in this topology: a pool's \`gateway\` names a site-level \`gateway NAME ADDRESS\`.`,
        ja: `このトポロジに '${name}' という名前のゲートウェイはありません。プールの \`gateway\` には、サイトで \`gateway NAME ADDRESS\` と宣言した名前を書きます。`,
    }),
    Subnet: (name) => ({
        en: `No subnet named '${name}' in this topology: \`clients { subnet NAME }\` names a site-level \`subnet NAME CIDR\`.`,
        ja: `このトポロジに '${name}' という名前のサブネットはありません。\`clients { subnet NAME }\` には、サイトで \`subnet NAME CIDR\` と宣言した名前を書きます。`,
    }),
};

export class TopologyLinker extends DefaultLinker {
    private readonly locale: LocaleSetting;

    constructor(services: SfbtopoCoreServices) {
        super(services);
        this.locale = services.l10n.Locale;
    }

    /** Links what Langium's linker links, in the same order, from the references found once per site (see `allReferences`). */
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        await forEachOf(allReferences(document.parseResult.value as Topology), cancelToken, (reference) => this.doLink(reference, document));
    }

    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const expected = EXPECTED[this.reflection.getReferenceType(refInfo)];
        if (expected) {
            error.message = this.locale.pick(expected(refInfo.reference.$refText));
        }
        return error;
    }
}
