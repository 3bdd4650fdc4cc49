import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isClientSubnet,
    isCmsHosting,
    isColocation,
    isEdgeService,
    isEdgeServiceAddress,
    isEdition,
    isFileShare,
    isFqdn,
    isGateway,
    isGatewayLink,
    isLoadBalancer,
    isLoadBalancerPorts,
    isLoadBalancing,
    isMediaRange,
    isNextHop,
    isPool,
    isPortOverride,
    isPortRange,
    isReverseProxy,
    isServer,
    isSite,
    isSubnet,
    isTopology,
    isVip,
} from '../generated/ast.js';

/**
 * Semantic token types: standard LSP types only, so that every VS Code theme
 * colours them (themes that know no semantic colours fall back to the TextMate
 * scope VS Code maps each standard type to, noted in brackets).
 *
 *   what                                          type         modifier
 *   role keyword (`frontend pool`, `colocate mediation`)  type  [entity.name.type]
 *   topology and site names                       namespace    declaration
 *   pool names, `for POOL` and `nexthop POOL`     class        declaration on the pool
 *   file share names                              struct       declaration
 *   server names                                  variable     declaration
 *   subnet names, and `clients { subnet NAME }`   enum         declaration on the subnet
 *   gateway names, and a pool's `gateway NAME`    interface    declaration on the gateway
 *   reverse proxy names                           interface    declaration
 *   load balancer names                           function     declaration
 *   host addresses and CIDRs, Edge service, NAT   regexp       [string.regexp] (a literal with
 *   and VIP addresses, a reverse proxy's                       structure, coloured apart from both
 *   listener                                                   numbers and strings)
 *   port numbers (`media … A-B`, `ports`, `port S N`)  number  [constant.numeric]
 *   the service key after `port`, and the Edge    property     [variable.other.property]
 *   service before its address (`access`,
 *   `webconf`, `av`, on servers and VIPs)
 *   option values (`enterprise`, `standard`, `dns`, `hardware`, `cms`, media kinds)
 *                                                 enumMember   [variable.other.enummember]
 *   FQDN strings                                  string
 *
 * References carry their target's type without the `declaration` modifier, and
 * are typed by what they must name even when they do not resolve. Names written
 * with a keyword (a subnet called `clients`) get the name's type, not the keyword's.
 * Other keywords are left to the TextMate grammar.
 */
export const TokenTypes = {
    role: SemanticTokenTypes.type,
    topology: SemanticTokenTypes.namespace,
    site: SemanticTokenTypes.namespace,
    pool: SemanticTokenTypes.class,
    fileShare: SemanticTokenTypes.struct,
    server: SemanticTokenTypes.variable,
    subnet: SemanticTokenTypes.enum,
    gateway: SemanticTokenTypes.interface,
    reverseProxy: SemanticTokenTypes.interface,
    loadBalancer: SemanticTokenTypes.function,
    address: SemanticTokenTypes.regexp,
    port: SemanticTokenTypes.number,
    service: SemanticTokenTypes.property,
    option: SemanticTokenTypes.enumMember,
    fqdn: SemanticTokenTypes.string,
} as const;

const declaration = SemanticTokenModifiers.declaration;

export class TopologySemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isTopology(node)) {
            acceptor({ node, property: 'name', type: TokenTypes.topology, modifier: declaration });
        } else if (isSite(node)) {
            acceptor({ node, property: 'name', type: TokenTypes.site, modifier: declaration });
        } else if (isPool(node)) {
            acceptor({ node, property: 'role', type: TokenTypes.role });
            acceptor({ node, property: 'name', type: TokenTypes.pool, modifier: declaration });
        } else if (isFileShare(node)) {
            acceptor({ node, property: 'name', type: TokenTypes.fileShare, modifier: declaration });
        } else if (isServer(node)) {
            acceptor({ node, property: 'name', type: TokenTypes.server, modifier: declaration });
            acceptor({ node, property: 'address', type: TokenTypes.address });
            acceptor({ node, property: 'internal', type: TokenTypes.address });
            acceptor({ node, property: 'external', type: TokenTypes.address });
            acceptor({ node, property: 'nat', type: TokenTypes.address });
        } else if (isEdgeServiceAddress(node)) {
            acceptor({ node, property: 'service', type: TokenTypes.service });
            acceptor({ node, property: 'address', type: TokenTypes.address });
        } else if (isNextHop(node)) {
            acceptor({ node, property: 'pool', type: TokenTypes.pool });
        } else if (isSubnet(node)) {
            acceptor({ node, property: 'name', type: TokenTypes.subnet, modifier: declaration });
            acceptor({ node, property: 'cidr', type: TokenTypes.address });
        } else if (isGateway(node)) {
            acceptor({ node, property: 'name', type: TokenTypes.gateway, modifier: declaration });
            acceptor({ node, property: 'address', type: TokenTypes.address });
        } else if (isReverseProxy(node)) {
            acceptor({ node, property: 'name', type: TokenTypes.reverseProxy, modifier: declaration });
            acceptor({ node, property: 'address', type: TokenTypes.address });
            acceptor({ node, property: 'external', type: TokenTypes.address });
        } else if (isLoadBalancer(node)) {
            acceptor({ node, property: 'name', type: TokenTypes.loadBalancer, modifier: declaration });
            acceptor({ node, property: 'pool', type: TokenTypes.pool });
        } else if (isVip(node)) {
            // `internal` and `external` stay keywords, as on servers; an Edge service is a service wherever it is written.
            if (isEdgeService(node.side)) acceptor({ node, property: 'side', type: TokenTypes.service });
            acceptor({ node, property: 'address', type: TokenTypes.address });
        } else if (isLoadBalancerPorts(node)) {
            acceptor({ node, property: 'ports', type: TokenTypes.port });
        } else if (isGatewayLink(node)) {
            acceptor({ node, property: 'gateway', type: TokenTypes.gateway });
        } else if (isClientSubnet(node)) {
            acceptor({ node, property: 'subnet', type: TokenTypes.subnet });
        } else if (isFqdn(node)) {
            acceptor({ node, property: 'value', type: TokenTypes.fqdn });
        } else if (isEdition(node)) {
            acceptor({ node, property: 'value', type: TokenTypes.option });
        } else if (isLoadBalancing(node)) {
            acceptor({ node, property: 'mode', type: TokenTypes.option });
        } else if (isCmsHosting(node)) {
            acceptor({ node, property: 'store', type: TokenTypes.option });
        } else if (isColocation(node)) {
            acceptor({ node, property: 'role', type: TokenTypes.role });
        } else if (isMediaRange(node)) {
            acceptor({ node, property: 'kind', type: TokenTypes.option });
        } else if (isPortRange(node)) {
            acceptor({ node, property: 'first', type: TokenTypes.port });
            acceptor({ node, property: 'last', type: TokenTypes.port });
        } else if (isPortOverride(node)) {
            acceptor({ node, property: 'service', type: TokenTypes.service });
            acceptor({ node, property: 'port', type: TokenTypes.port });
        }
    }
}
