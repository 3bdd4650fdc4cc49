import { AstUtils, type AstNode } from 'langium';
import {
    isFileShare,
    isGateway,
    isLoadBalancer,
    isPool,
    isReverseProxy,
    isServer,
    isSite,
    isSubnet,
    isVip,
    type Topology,
} from '../generated/ast.js';

/** Everything in a topology that declares a name, with the word an administrator uses for it. */
export interface NamedDeclaration {
    node: AstNode & { name: string };
    kind: string;
}

export function namedDeclarations(topology: Topology): NamedDeclaration[] {
    const found: NamedDeclaration[] = [];
    for (const node of AstUtils.streamAllContents(topology)) {
        const kind = declarationKind(node);
        if (kind && typeof (node as { name?: unknown }).name === 'string') {
            found.push({ node: node as NamedDeclaration['node'], kind });
        }
    }
    return found;
}

function declarationKind(node: AstNode): string | undefined {
    if (isSite(node)) return 'site';
    if (isPool(node)) return `${node.role} pool`;
    if (isServer(node)) return 'server';
    if (isSubnet(node)) return 'subnet';
    if (isGateway(node)) return 'gateway';
    if (isReverseProxy(node)) return 'reverse proxy';
    if (isLoadBalancer(node)) return 'load balancer';
    if (isFileShare(node)) return 'file share';
    return undefined;
}

/** One host address written in the topology: the node and the property that holds it. */
export interface AddressUse {
    node: AstNode;
    property: 'address' | 'internal' | 'external';
    text: string;
    /** How the address is described in messages, e.g. "server fe01a". */
    owner: string;
}

export function addressUses(topology: Topology): AddressUse[] {
    const uses: AddressUse[] = [];
    for (const node of AstUtils.streamAllContents(topology)) {
        if (isServer(node)) {
            for (const property of ['address', 'internal', 'external'] as const) {
                const text = node[property];
                if (text !== undefined) {
                    const side = property === 'address' ? '' : ` (${property})`;
                    uses.push({ node, property, text, owner: `server ${node.name}${side}` });
                }
            }
        } else if ((isGateway(node) || isReverseProxy(node)) && node.address !== undefined) {
            uses.push({ node, property: 'address', text: node.address, owner: `${isGateway(node) ? 'gateway' : 'reverse proxy'} ${node.name}` });
        } else if (isVip(node) && node.address !== undefined) {
            uses.push({ node, property: 'address', text: node.address, owner: `the VIP of load balancer ${node.$container.name}` });
        }
    }
    return uses;
}

/** Where a node starts, as "line N" for messages that point at an earlier declaration. */
export function lineOf(node: AstNode): string {
    const line = node.$cstNode?.range.start.line;
    return line === undefined ? 'elsewhere' : `line ${line + 1}`;
}
