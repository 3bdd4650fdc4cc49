import { GrammarUtils, isAstNode, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { EDGE_SERVICE_TITLES } from '../../catalogue/roles.js';
import {
    isEdgeServiceAddress,
    isFileShare,
    isGateway,
    isLoadBalancer,
    isPool,
    isReverseProxy,
    isServer,
    isSubnet,
    isVip,
    type Server,
} from '../generated/ast.js';
import type { LocaleSetting } from '../l10n/locale.js';
import type { SfbtopoServices } from '../sfbtopo-module.js';

/**
 * Symbol and completion kinds of every named node, chosen to match the semantic
 * token type of its name (see semantic-tokens.ts), so the outline icon and the
 * colour in the editor tell the same story.
 */
const KINDS: Record<string, { symbol: SymbolKind; completion: CompletionItemKind }> = {
    Topology: { symbol: SymbolKind.Package, completion: CompletionItemKind.Module },
    Site: { symbol: SymbolKind.Namespace, completion: CompletionItemKind.Module },
    Pool: { symbol: SymbolKind.Class, completion: CompletionItemKind.Class },
    FileShare: { symbol: SymbolKind.Struct, completion: CompletionItemKind.Struct },
    Server: { symbol: SymbolKind.Variable, completion: CompletionItemKind.Variable },
    Subnet: { symbol: SymbolKind.Enum, completion: CompletionItemKind.Enum },
    Gateway: { symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface },
    ReverseProxy: { symbol: SymbolKind.Interface, completion: CompletionItemKind.Interface },
    LoadBalancer: { symbol: SymbolKind.Function, completion: CompletionItemKind.Function },
    // An Edge service's address, like the service key after `port`, is a property of its server.
    EdgeServiceAddress: { symbol: SymbolKind.Property, completion: CompletionItemKind.Property },
};

export class TopologyNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return KINDS[typeOf(node)]?.symbol ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return KINDS[typeOf(node)]?.completion ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNode(node) ? node.$type : node.type;
}

/**
 * The outline: topology › site › pools, file shares, load balancers, gateways,
 * reverse proxies and subnets › servers › an Edge server's services. The hierarchy
 * comes from the default provider (every named node, nested as in the file); this
 * adds the Edge services, which have no name of their own, and a `detail` that says
 * what the name stands for: a pool's role and server count, a server's address(es),
 * a subnet's CIDR, a reverse proxy's listener, and so on.
 */
export class TopologyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    private readonly locale: LocaleSetting;

    constructor(services: SfbtopoServices) {
        super(services);
        this.locale = services.l10n.Locale;
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const detail = this.detail(astNode);
        if (detail) {
            symbol.detail = detail;
        }
        return symbol;
    }

    /** An Edge service written with its own address: named after the service, under its server. */
    override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        if (isEdgeServiceAddress(node) && node.$cstNode) {
            const title = this.locale.pick(EDGE_SERVICE_TITLES[node.service]);
            return [{ ...this.createSymbol(document, node, node.$cstNode, node.$cstNode, title), detail: node.address }];
        }
        return super.getSymbol(document, node);
    }

    /**
     * Under an Edge server, its services: one per `access`, `webconf` or `av` address, or
     * all three at the one `external` address; then the public address the A/V Edge is
     * translated to.
     */
    override getChildSymbols(document: LangiumDocument, node: AstNode): DocumentSymbol[] | undefined {
        const children = super.getChildSymbols(document, node) ?? [];
        if (isServer(node) && node.$cstNode) {
            const at = (property: 'external' | 'nat') => GrammarUtils.findNodeForProperty(node.$cstNode, property);
            const leaf = (name: string, place: CstNode, detail: string): DocumentSymbol => ({
                name,
                detail,
                kind: SymbolKind.Property,
                range: place.range,
                selectionRange: place.range,
            });
            const external = at('external');
            if (external && node.external !== undefined && node.services.length === 0) {
                for (const title of Object.values(EDGE_SERVICE_TITLES)) children.push(leaf(this.locale.pick(title), external, node.external));
            }
            const nat = at('nat');
            if (nat && node.nat !== undefined) {
                const translated = node.services.find((service) => service.service === 'av')?.address ?? node.external;
                children.push(leaf('NAT', nat, translated !== undefined ? `${node.nat} → ${translated}` : node.nat));
            }
        }
        return children.length > 0 ? children : undefined;
    }

    protected detail(node: AstNode): string | undefined {
        if (isPool(node)) {
            const servers = node.statements.filter(isServer).length;
            return `${node.role} · ${this.serverCount(servers)}`;
        }
        if (isFileShare(node)) {
            return this.serverCount(node.statements.filter(isServer).length);
        }
        if (isServer(node)) {
            return serverAddresses(node);
        }
        if (isSubnet(node)) {
            return node.cidr;
        }
        if (isReverseProxy(node) && node.external !== undefined) {
            return `${node.address} · external ${node.external}`;
        }
        if (isGateway(node) || isReverseProxy(node)) {
            return node.address;
        }
        if (isLoadBalancer(node)) {
            // While the administrator is still typing `for `, the reference is not there yet.
            const target = node.pool?.$refText;
            const vips = node.statements.filter(isVip).map((vip) => (vip.side ? `VIP ${vip.side} ${vip.address}` : `VIP ${vip.address}`));
            const pool = target ? [this.locale.pick({ en: `for ${target}`, ja: `${target} 用` })] : [];
            return [...pool, ...vips].join(' · ') || undefined;
        }
        return undefined;
    }

    private serverCount(count: number): string {
        return this.locale.pick({ en: `${count} server${count === 1 ? '' : 's'}`, ja: `サーバー ${count} 台` });
    }
}

/** `10.0.1.11`, or for an Edge server `internal 10.0.9.10 · external 203.0.113.10`. */
function serverAddresses(server: Server): string | undefined {
    const parts: string[] = [];
    if (server.address !== undefined) parts.push(server.address);
    if (server.internal !== undefined) parts.push(`internal ${server.internal}`);
    if (server.external !== undefined) parts.push(`external ${server.external}`);
    return parts.length > 0 ? parts.join(' · ') : undefined;
}
