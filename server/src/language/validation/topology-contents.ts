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
import type { Bilingual } from '../l10n/locale.js';

/** Everything in a topology that declares a name, with the words an administrator uses for it. */
export interface NamedDeclaration {
    node: AstNode & { name: string };
    kind: Bilingual;
}

export function namedDeclarations(topology: Topology): NamedDeclaration[] {
    const found: NamedDeclaration[] = [];
    for (const node of AstUtils.streamAllContents(topology)) {
        const name = (node as { name?: unknown }).name;
        const kind = declarationKind(node);
        if (kind && typeof name === 'string') {
            found.push({ node: node as NamedDeclaration['node'], kind });
        }
    }
    return found;
}

function declarationKind(node: AstNode): Bilingual | undefined {
    if (isSite(node)) return { en: 'site', ja: 'サイト' };
    if (isPool(node)) return { en: `${node.role} pool`, ja: `${node.role} プール` };
    if (isServer(node)) return { en: 'server', ja: 'サーバー' };
    if (isSubnet(node)) return { en: 'subnet', ja: 'サブネット' };
    if (isGateway(node)) return { en: 'gateway', ja: 'ゲートウェイ' };
    if (isReverseProxy(node)) return { en: 'reverse proxy', ja: 'リバース プロキシ' };
    if (isLoadBalancer(node)) return { en: 'load balancer', ja: 'ロード バランサー' };
    if (isFileShare(node)) return { en: 'file share', ja: 'ファイル共有' };
    return undefined;
}

/** One host address written in the topology: the node and the property that holds it. */
export interface AddressUse {
    node: AstNode;
    property: 'address' | 'internal' | 'external';
    text: string;
    /** How the address is described in messages, e.g. "server fe01a". */
    owner: Bilingual;
}

export function addressUses(topology: Topology): AddressUse[] {
    const uses: AddressUse[] = [];
    for (const node of AstUtils.streamAllContents(topology)) {
        if (isServer(node)) {
            for (const property of ['address', 'internal', 'external'] as const) {
                const text = node[property];
                if (text !== undefined) {
                    const side = property === 'address' ? { en: '', ja: '' } : { en: ` (${property})`, ja: ` (${property === 'internal' ? '内部' : '外部'})` };
                    uses.push({ node, property, text, owner: { en: `server ${node.name}${side.en}`, ja: `サーバー ${node.name}${side.ja}` } });
                }
            }
        } else if (isGateway(node) && node.address !== undefined) {
            uses.push({ node, property: 'address', text: node.address, owner: { en: `gateway ${node.name}`, ja: `ゲートウェイ ${node.name}` } });
        } else if (isReverseProxy(node) && node.address !== undefined) {
            uses.push({ node, property: 'address', text: node.address, owner: { en: `reverse proxy ${node.name}`, ja: `リバース プロキシ ${node.name}` } });
        } else if (isVip(node) && node.address !== undefined) {
            const lb = node.$container.name;
            uses.push({ node, property: 'address', text: node.address, owner: { en: `the VIP of load balancer ${lb}`, ja: `ロード バランサー ${lb} の VIP` } });
        }
    }
    return uses;
}

/** The 1-based line where a node starts, for messages that point at an earlier declaration. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? -1) + 1;
}
