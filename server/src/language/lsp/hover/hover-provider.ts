import { CstUtils, GrammarAST, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import {
    isClients,
    isCmsHosting,
    isColocation,
    isEdition,
    isFederation,
    isGatewayLink,
    isLoadBalancer,
    isLoadBalancerPorts,
    isLoadBalancing,
    isMediaRange,
    isNextHop,
    isPool,
    isPortOverride,
    isPortRange,
    isServer,
    isVip,
    isXmpp,
} from '../../generated/ast.js';
import type { PoolRole } from '../../../catalogue/types.js';
import type { LocaleSetting } from '../../l10n/locale.js';
import type { SfbtopoServices } from '../../sfbtopo-module.js';
import { clientsHover } from './clients-hover.js';
import { edgeOptionHover } from './edge-pool-hover.js';
import { gatewayHover } from './gateway-hover.js';
import { loadBalancerHover } from './load-balancer-hover.js';
import { Markdown } from './markdown.js';
import { mediaHover } from './media-hover.js';
import { optionHover } from './option-hover.js';
import { perimeterHover } from './perimeter-hover.js';
import { portHover } from './port-hover.js';
import { roleHover } from './role-hover.js';
import { serverHover } from './server-hover.js';
import { serviceHover } from './service-hover.js';

/**
 * Hover documentation from the port catalogue: on port numbers, role keywords,
 * load balancing, options, servers, media ranges, a pool's gateways and the
 * `clients` block; from the rule model on the perimeter's addresses and an Edge
 * pool's `nexthop`, `federation` and `xmpp`. Comments get none.
 */
export class TopologyHoverProvider implements HoverProvider {
    private readonly locale: LocaleSetting;

    constructor(services: SfbtopoServices) {
        this.locale = services.l10n.Locale;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        if (!leaf || leaf.hidden) return undefined;
        const content = this.contentFor(document, leaf, leaf.astNode, new Markdown(this.locale));
        return content ? { contents: { kind: 'markdown', value: content.toString() }, range: leaf.range } : undefined;
    }

    private contentFor(document: LangiumDocument, leaf: CstNode, node: AstNode, md: Markdown): Markdown | undefined {
        const isNumber = /^[0-9]+$/.test(leaf.text);
        if (isNumber && (isPortRange(node) || isLoadBalancerPorts(node) || (isPortOverride(node) && leaf.text === String(node.port)))) {
            return portHover(md, Number(leaf.text), node);
        }
        if (isPortOverride(node)) return serviceHover(md, node);
        if (isPool(node)) return roleHover(md, node.role as PoolRole, { uri: document.uri.toString() });
        if (isLoadBalancing(node)) return loadBalancerHover(md, node.$container);
        if (isNextHop(node) || isFederation(node) || isXmpp(node)) return edgeOptionHover(md, node);
        const perimeter = perimeterHover(md, node, partOf(leaf));
        if (perimeter) return perimeter;
        const balancer = isLoadBalancer(node) ? node : isVip(node) || isLoadBalancerPorts(node) ? node.$container : undefined;
        if (balancer?.pool?.ref) return loadBalancerHover(md, balancer.pool.ref);
        if (isColocation(node) || isCmsHosting(node) || isEdition(node)) return optionHover(md, node);
        if (isServer(node)) return serverHover(md, node);
        if (isMediaRange(node)) return mediaHover(md, node);
        if (isGatewayLink(node)) return gatewayHover(md, node);
        if (isClients(node) && leaf.text === 'clients') return clientsHover(md, node);
        return undefined;
    }
}

/** The keyword under the cursor, or the property its text is assigned to. */
function partOf(leaf: CstNode): string | undefined {
    return GrammarAST.isKeyword(leaf.grammarSource) ? leaf.text : GrammarUtils.findAssignment(leaf)?.feature;
}
