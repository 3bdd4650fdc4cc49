import { GrammarUtils, type AstNode } from 'langium';
import { isClients, isFileShare, isGateway, isLoadBalancer, isPool, isReverseProxy, type Topology } from '../language/generated/ast.js';
import { nodeId, siteId, type MapPosition } from './map-model.js';

/**
 * Where each site and box of the map is declared: the start of its name (of the
 * `clients` keyword for a client block), keyed by the map's ids.
 */
export function declarationIndex(topology: Topology): Map<string, MapPosition> {
    const index = new Map<string, MapPosition>();
    const put = (id: string, node: AstNode, keyword?: string) => {
        const cst = node.$cstNode;
        if (!cst) return;
        const target = (keyword ? GrammarUtils.findNodeForKeyword(cst, keyword) : GrammarUtils.findNodeForProperty(cst, 'name')) ?? cst;
        if (!index.has(id)) index.set(id, { line: target.range.start.line, character: target.range.start.character });
    };
    for (const site of topology.sites ?? []) {
        if (!site.name) continue;
        put(siteId(site.name), site);
        for (const member of site.members) {
            if (isPool(member)) put(nodeId('pool', site.name, member.name), member);
            else if (isLoadBalancer(member)) put(nodeId('load-balancer', site.name, member.name), member);
            else if (isFileShare(member)) put(nodeId('file-share', site.name, member.name), member);
            else if (isGateway(member)) put(nodeId('gateway', site.name, member.name), member);
            else if (isReverseProxy(member)) put(nodeId('reverse-proxy', site.name, member.name), member);
            else if (isClients(member)) put(nodeId('clients', site.name), member, 'clients');
        }
    }
    return index;
}
