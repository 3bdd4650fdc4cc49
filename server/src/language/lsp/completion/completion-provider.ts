import { AstUtils, CstUtils, GrammarAST, TextDocument, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import {
    DefaultCompletionProvider,
    findFirstFeatures,
    type CompletionAcceptor,
    type CompletionBacktrackingInformation,
    type CompletionContext,
    type NextFeature,
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type CancellationToken, type CompletionList, type CompletionParams, type Position } from 'vscode-languageserver';
import { loadBalancerEntries, serverEntriesFor } from '../../../catalogue/queries.js';
import type { PoolRole, PortEntry } from '../../../catalogue/types.js';
import { isStandardEdition, loadBalancingMode, poolFacts, roleContext } from '../../../model/pool-facts.js';
import { isLoadBalancer, isNextHop, isPool, type Topology } from '../../generated/ast.js';
import type { LocaleSetting } from '../../l10n/locale.js';
import type { SfbtopoServices } from '../../sfbtopo-module.js';
import { Markdown } from '../hover/markdown.js';
import { isNextHopCandidate, nextHopChoices, nextHopRank, perimeterKeywordFits } from './perimeter-completion.js';
import { edgePoolSnippet, POOL_SNIPPETS } from './pool-snippets.js';
import { siteWindow, type SiteWindow } from './site-window.js';
import { withoutStackTraces } from '../../parser/topology-parser.js';
import { oversizeBytes } from '../../workspace/size-limit.js';

const ROLES = Object.keys(POOL_SNIPPETS) as PoolRole[];

/**
 * Keyword and reference completion from Langium, plus what the catalogue knows:
 * service keys after `port`, load balancer ports after `ports`, and a snippet per
 * pool role. The perimeter's words are offered only where they make a valid form
 * (perimeter-completion.ts), and `nexthop` only Director and Front End pools.
 * Where a new name is expected, nothing is proposed: names are the administrator's
 * to choose, and every keyword could otherwise stand there.
 */
export class TopologyCompletionProvider extends DefaultCompletionProvider {
    private readonly locale: LocaleSetting;

    constructor(services: SfbtopoServices) {
        super(services);
        this.locale = services.l10n.Locale;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        const previous = this.previousToken(context);
        if (previous && continuesEndedStatement(this.grammar, context, previous, next)) return;
        if (previous && GrammarAST.isKeyword(next.feature) && perimeterKeywordFits(previous, next.feature.value) === false) return;
        if (isNamePosition(context)) {
            if (previous?.text === 'port' && next.feature === context.features[0].feature) this.completeServices(context, acceptor);
            return;
        }
        if (GrammarAST.isRuleCall(next.feature) && next.feature.rule.ref?.name === 'INT' && next.feature === firstInt(context)) {
            if (previous && (previous.text === 'ports' || previous.text === ',')) this.completeLoadBalancerPorts(context, acceptor);
            return;
        }
        if (GrammarAST.isKeyword(next.feature) && ROLES.includes(next.feature.value as PoolRole) && previous?.text !== 'colocate') {
            const role = next.feature.value as PoolRole;
            acceptor(context, {
                label: `${role} pool`,
                kind: CompletionItemKind.Snippet,
                insertText: role === 'edge' ? edgePoolSnippet(nextHopChoices(context.document.parseResult.value as Topology, context.node)) : POOL_SNIPPETS[role],
                insertTextFormat: InsertTextFormat.Snippet,
                detail: this.locale.pick({ en: `New ${role} pool`, ja: `新しい ${role} プール` }),
                sortText: `1_${role}`,
            });
        }
        return super.completionFor(context, next, acceptor);
    }

    /** `nexthop` names a Director or Front End pool: the site's own first, as the default next hop is chosen. */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const candidates = super.getReferenceCandidates(refInfo, context);
        return isNextHop(refInfo.container) ? candidates.filter((description) => isNextHopCandidate(description.node)) : candidates;
    }

    protected override createReferenceCompletionItem(description: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext) {
        const item = super.createReferenceCompletionItem(description, refInfo, context);
        const pool = description.node;
        if (!isNextHop(refInfo.container) || !isNextHopCandidate(pool)) return item;
        const site = pool.$container.name;
        return {
            ...item,
            detail: this.locale.pick({ en: `${pool.role} pool · site ${site}`, ja: `${pool.role} プール · サイト ${site}` }),
            sortText: nextHopRank(refInfo.container, pool),
        };
    }

    /** Documents whose completion contexts are being built, with how many requests use each. */
    private readonly building = new Map<LangiumDocument, number>();

    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        this.building.set(document, (this.building.get(document) ?? 0) + 1);
        try {
            yield* super.buildContexts(document, position);
        } finally {
            const left = this.building.get(document)! - 1;
            if (left > 0) this.building.set(document, left);
            else this.building.delete(document);
        }
    }

    /** The site around `offset` in the document being completed whose text is `text` (see site-window.ts). */
    private windowFor(text: string, offset: number): SiteWindow | undefined {
        for (const document of this.building.keys()) {
            if (document.textDocument.getText() === text) return siteWindow(document, offset);
        }
        return undefined;
    }

    /** Lexes only the site around the cursor: same tokens, without lexing the whole file per request. */
    protected override backtrackToAnyToken(text: string, offset: number): CompletionBacktrackingInformation {
        const window = this.windowFor(text, offset);
        if (!window) return super.backtrackToAnyToken(text, offset);
        const local = super.backtrackToAnyToken(text.slice(window.start, window.end), offset - window.start);
        const shift = (value: number | undefined) => (value === undefined ? undefined : value + window.start);
        return {
            nextTokenStart: local.nextTokenStart + window.start,
            nextTokenEnd: local.nextTokenEnd + window.start,
            previousTokenStart: shift(local.previousTokenStart),
            previousTokenEnd: shift(local.previousTokenEnd),
        };
    }

    /** Parses `topology NAME` and the site around the cursor instead of everything before it, when that is the same. */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const text = document.getText();
        const window = this.windowFor(text, offset);
        // Langium's completion parser recovers from syntax errors as the main parser does.
        if (!window?.cleanBefore) return withoutStackTraces(() => super.findFeaturesAt(document, offset));
        const shortened = `${text.slice(0, window.headerEnd)}\n${text.slice(window.start, offset)}`;
        return withoutStackTraces(() => super.findFeaturesAt(TextDocument.create(document.uri, document.languageId, document.version, shortened), shortened.length));
    }

    /** The last token before the one being completed, comments skipped. */
    private previousToken(context: CompletionContext): CstNode | undefined {
        const root = context.document.parseResult.value.$cstNode;
        let leaf = root ? CstUtils.findLeafNodeBeforeOffset(root, context.tokenOffset) : undefined;
        while (root && leaf?.hidden) leaf = leaf.offset > 0 ? CstUtils.findLeafNodeBeforeOffset(root, leaf.offset - 1) : undefined;
        return leaf;
    }

    /** Service keys of the pool's role, documented from the catalogue. */
    private completeServices(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const pool = context.node && AstUtils.getContainerOfType(context.node, isPool);
        if (!pool) return;
        const byKey = new Map<string, PortEntry[]>();
        for (const entry of serverEntriesFor(roleContext(poolFacts(pool)))) {
            if (entry.key) byKey.set(entry.key, [...(byKey.get(entry.key) ?? []), entry]);
        }
        for (const [key, entries] of byKey) {
            acceptor(context, {
                label: key,
                kind: CompletionItemKind.Property,
                detail: `${entries[0].service} · ${entries[0].from} ${entries[0].transport}`,
                documentation: { kind: 'markdown', value: new Markdown(this.locale).entries(entries).toString() },
            });
        }
    }

    /** The catalogue's ports for the load balancer's pool that the list does not have yet. */
    private completeLoadBalancerPorts(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const balancer = context.node && AstUtils.getContainerOfType(context.node, isLoadBalancer);
        const pool = balancer?.pool?.ref;
        if (!balancer || !pool) return;
        const facts = poolFacts(pool);
        const mode = loadBalancingMode(facts);
        if (!mode || isStandardEdition(facts)) return;
        const listed = new Set(balancer.statements.flatMap((s) => (s.$type === 'LoadBalancerPorts' ? s.ports : [])));
        const rows = loadBalancerEntries(facts.role, mode, roleContext(facts).colocatedMediation).filter((entry) => !listed.has(entry.from));
        rows.forEach((entry, index) =>
            acceptor(context, {
                label: String(entry.from),
                kind: CompletionItemKind.Value,
                detail: `${entry.service} · ${entry.transport}${entry.protocol ? ` ${entry.protocol}` : ''}`,
                documentation: { kind: 'markdown', value: new Markdown(this.locale).entries([entry]).toString() },
                sortText: String(index).padStart(3, '0'),
            }),
        );
    }
}

/**
 * True when `next` would continue, on a later line, the statement that `previous` ends,
 * although that statement may already end there. The grammar ignores line breaks, so
 * after `server fe01a 10.0.1.11⏎` it still accepts `internal`; but the canonical layout
 * (formatter.ts) puts each statement on a line of its own, so a new line starts a new
 * statement. Parts a statement still needs (`loadbalancing⏎` → `dns`) stay offered.
 * A statement's parts include the rules it calls for its own line (an Edge server's
 * `access ADDRESS`), but not the statements of a block it opens.
 */
function continuesEndedStatement(grammar: GrammarAST.Grammar, context: CompletionContext, previous: CstNode, next: NextFeature): boolean {
    const lines = context.textDocument;
    if (lines.positionAt(previous.end).line >= lines.positionAt(context.tokenOffset).line) return false;
    const statement = statementOf(previous.astNode);
    const rule = grammar.rules.find((r): r is GrammarAST.ParserRule => GrammarAST.isParserRule(r) && r.name === statement.$type);
    if (!rule) return false;
    const own = rulesOfLine(rule);
    const starts = new Set(findFirstFeatures(rule.definition).map((path) => path[path.length - 1].feature));
    const continues = (feature: NextFeature) => {
        const called = AstUtils.getContainerOfType(feature.feature, GrammarAST.isParserRule);
        return called !== undefined && own.has(called) && !starts.has(feature.feature);
    };
    return continues(next) && context.features.some((feature) => !continues(feature));
}

/** Properties that hold a block's statements (or a topology's sites): each is a statement of its own. */
const BLOCK_LISTS: ReadonlySet<string> = new Set(['sites', 'members', 'statements']);

/** The statement a node is part of: itself, or the node whose line it is written on (`access ADDRESS` → its server). */
function statementOf(node: AstNode): AstNode {
    let statement = node;
    while (statement.$container && !BLOCK_LISTS.has(statement.$containerProperty ?? '')) statement = statement.$container;
    return statement;
}

const lineRules = new WeakMap<GrammarAST.ParserRule, ReadonlySet<GrammarAST.AbstractRule>>();

/** A statement's rule and the rules it calls for its own line, transitively. */
function rulesOfLine(rule: GrammarAST.ParserRule): ReadonlySet<GrammarAST.AbstractRule> {
    let rules = lineRules.get(rule);
    if (rules) return rules;
    const found = new Set<GrammarAST.AbstractRule>([rule]);
    const pending = [rule];
    for (let current = pending.pop(); current; current = pending.pop()) {
        for (const call of AstUtils.streamAllContents(current.definition).filter(GrammarAST.isRuleCall)) {
            const target = call.rule.ref;
            // A name may be spelled like any keyword (see the grammar): its keywords are not parts of the line.
            if (!GrammarAST.isParserRule(target) || found.has(target) || target.name === 'Name') continue;
            if (BLOCK_LISTS.has(AstUtils.getContainerOfType(call, GrammarAST.isAssignment)?.feature ?? '')) continue;
            found.add(target);
            pending.push(target);
        }
    }
    rules = found;
    lineRules.set(rule, rules);
    return rules;
}

/** A position where the grammar expects a new name: the ID terminal is among the next features. */
function isNamePosition(context: CompletionContext): boolean {
    return context.features.some((f) => GrammarAST.isRuleCall(f.feature) && f.feature.rule.ref?.name === 'ID');
}

function firstInt(context: CompletionContext) {
    return context.features.find((f) => GrammarAST.isRuleCall(f.feature) && f.feature.rule.ref?.name === 'INT')?.feature;
}

/** No completion in an oversize document: Langium's would lex the whole text for each request. */
export class SizeLimitedCompletionProvider extends TopologyCompletionProvider {
    override async getCompletion(document: LangiumDocument, params: CompletionParams, cancelToken?: CancellationToken): Promise<CompletionList | undefined> {
        if (oversizeBytes(document.textDocument.getText()) !== undefined) return undefined;
        return super.getCompletion(document, params, cancelToken);
    }
}
