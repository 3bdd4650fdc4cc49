import { AstUtils, interruptAndCheck, isAstNode, type AstNode, type Cancellation } from 'langium';
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
    type Site,
    type Topology,
} from '../generated/ast.js';
import type { Bilingual } from '../l10n/locale.js';

/** Everything in a topology that declares a name, with the words an administrator uses for it. */
export interface NamedDeclaration {
    node: AstNode & { name: string };
    kind: Bilingual;
}

/**
 * Every node of a topology in document order, as `AstUtils.streamAllContents` gives
 * them, walked once per syntax tree: linking, validation and several topology-wide
 * checks read them, and streaming the whole tree for each was a large part of building
 * a big file. Nodes are never changed after parsing (an edit parses anew what it
 * touches, under a new topology node), so the lists stay right.
 */
export function allContents(topology: Topology): readonly AstNode[] {
    let nodes = contentsByTopology.get(topology);
    if (!nodes) {
        nodes = collectContents(topology, []);
        contentsByTopology.set(topology, nodes);
        // A topology's children are its sites, so each site's contents follow it up to the next site.
        let current: AstNode[] | undefined;
        for (const node of nodes) {
            if (isSite(node)) contentsBySite.set(node, (current = []));
            else current?.push(node);
        }
    }
    return nodes;
}

/** Nodes handled between two chances for other work (and cancellation): a few milliseconds' worth. */
const INTERRUPT_EVERY = 500;

/**
 * Runs `action` on the topology (unless `withRoot` is false) and every node in it, in
 * document order, letting other work and cancellation in every few hundred nodes. The
 * build's passes (scopes, linking, reference index, validation) walk the tree this way;
 * Langium's stream the tree again for each and wait before every node.
 */
export async function forEachNode(
    topology: Topology,
    cancelToken: Cancellation.CancellationToken,
    action: (node: AstNode) => void | Promise<void>,
    withRoot = true,
): Promise<void> {
    const nodes = allContents(topology);
    const all = withRoot ? [topology, ...nodes] : nodes;
    for (let i = 0; i < all.length; i++) {
        if (i % INTERRUPT_EVERY === 0) await interruptAndCheck(cancelToken);
        const pending = action(all[i]);
        if (pending) await pending;
    }
}

/** Every node inside a site, in document order, as `AstUtils.streamAllContents(site)` gives them. */
export function siteContents(site: Site): readonly AstNode[] {
    if (!contentsBySite.has(site)) allContents(site.$container);
    return contentsBySite.get(site) ?? AstUtils.streamAllContents(site).toArray();
}

const contentsByTopology = new WeakMap<Topology, AstNode[]>();
const contentsBySite = new WeakMap<Site, AstNode[]>();

/** What `streamAllContents` yields (properties in key order, `$` keys skipped), without an iterator per node. */
function collectContents(node: AstNode, into: AstNode[]): AstNode[] {
    for (const key of Object.keys(node)) {
        if (key.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[key];
        if (Array.isArray(value)) {
            for (const item of value) {
                if (isAstNode(item)) collectContents(item, push(into, item));
            }
        } else if (isAstNode(value)) {
            collectContents(value, push(into, value));
        }
    }
    return into;
}

function push(into: AstNode[], node: AstNode): AstNode[] {
    into.push(node);
    return into;
}

export function namedDeclarations(topology: Topology): NamedDeclaration[] {
    const found: NamedDeclaration[] = [];
    for (const node of allContents(topology)) {
        const name = (node as { name?: unknown }).name;
        if (typeof name === 'string' && isDeclaration(node)) {
            // The words are only needed for a message, which few declarations get: made on demand.
            found.push({ node: node as NamedDeclaration['node'], get kind() { return declarationKind(node)!; } });
        }
    }
    return found;
}

/** Whether `declarationKind` has words for the node. */
function isDeclaration(node: AstNode): boolean {
    return isSite(node) || isPool(node) || isServer(node) || isSubnet(node) || isGateway(node) || isReverseProxy(node) || isLoadBalancer(node) || isFileShare(node);
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
    // The owner's words are only needed for a message, which few addresses get: made on demand.
    for (const node of allContents(topology)) {
        if (isServer(node)) {
            for (const property of ['address', 'internal', 'external'] as const) {
                const text = node[property];
                if (text !== undefined) {
                    uses.push({
                        node,
                        property,
                        text,
                        get owner() {
                            const side = property === 'address' ? { en: '', ja: '' } : { en: ` (${property})`, ja: ` (${property === 'internal' ? '内部' : '外部'})` };
                            return { en: `server ${node.name}${side.en}`, ja: `サーバー ${node.name}${side.ja}` };
                        },
                    });
                }
            }
        } else if (isGateway(node) && node.address !== undefined) {
            uses.push({ node, property: 'address', text: node.address, get owner() { return { en: `gateway ${node.name}`, ja: `ゲートウェイ ${node.name}` }; } });
        } else if (isReverseProxy(node) && node.address !== undefined) {
            uses.push({ node, property: 'address', text: node.address, get owner() { return { en: `reverse proxy ${node.name}`, ja: `リバース プロキシ ${node.name}` }; } });
        } else if (isVip(node) && node.address !== undefined) {
            uses.push({
                node,
                property: 'address',
                text: node.address,
                get owner() {
                    const lb = node.$container.name;
                    return { en: `the VIP of load balancer ${lb}`, ja: `ロード バランサー ${lb} の VIP` };
                },
            });
        }
    }
    return uses;
}

/** The 1-based line where a node starts, for messages that point at an earlier declaration. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? -1) + 1;
}
