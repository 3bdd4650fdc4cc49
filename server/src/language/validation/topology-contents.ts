import { interruptAndCheck, isAstNode, type AstNode, type Cancellation, type ReferenceInfo } from 'langium';
import { isGateway, isReverseProxy, isServer, isVip, type Pool, type Site, type Topology } from '../generated/ast.js';
import type { Bilingual } from '../l10n/locale.js';
import { referencesOf } from '../references/node-references.js';

/** Everything in a topology that declares a name, with the words an administrator uses for it. */
export interface NamedDeclaration {
    node: AstNode & { name: string };
    kind: Bilingual;
}

/**
 * Every node of a topology in document order, as `AstUtils.streamAllContents` gives
 * them: each site followed by its contents (a topology's only child nodes are its sites).
 * Linking, validation and several topology-wide checks read this list, and streaming the
 * tree for each was a large part of building a big file. A site's list is made once: its
 * nodes never change after parsing, and an edit parses anew only the site it touches, so
 * the other sites' lists serve the next build too.
 */
export function allContents(topology: Topology): readonly AstNode[] {
    return perTopology(contentsByTopology, topology, (site) => [site, ...siteContents(site)]);
}

const contentsByTopology = new WeakMap<Topology, AstNode[]>();

/** Joins what `ofSite` gives for each site of the topology, once per topology node. */
function perTopology<T>(cache: WeakMap<Topology, T[]>, topology: Topology, ofSite: (site: Site) => readonly T[]): T[] {
    let joined = cache.get(topology);
    if (!joined) {
        joined = [];
        for (const site of topology.sites ?? []) for (const item of ofSite(site)) joined.push(item);
        cache.set(topology, joined);
    }
    return joined;
}

/** What `ofSite` gives for a site, once per site node. */
function perSite<T>(cache: WeakMap<Site, T[]>, site: Site, ofSite: (site: Site) => T[]): T[] {
    let found = cache.get(site);
    if (!found) cache.set(site, (found = ofSite(site)));
    return found;
}

/** Nodes handled between two chances for other work (and cancellation): a few milliseconds' worth. */
const INTERRUPT_EVERY = 500;

/**
 * Runs `action` on the topology (unless `withRoot` is false) and every node in it, in
 * document order, letting other work and cancellation in every few hundred nodes. The
 * build's passes (scopes, validation) walk the tree this way; Langium's stream the tree
 * again for each and wait before every node.
 */
export async function forEachNode(
    topology: Topology,
    cancelToken: Cancellation.CancellationToken,
    action: (node: AstNode) => void | Promise<void>,
    withRoot = true,
): Promise<void> {
    if (withRoot) await action(topology);
    await forEachOf(allContents(topology), cancelToken, action);
}

/** Runs `action` on each item in order, letting other work and cancellation in every few hundred items. */
export async function forEachOf<T>(items: readonly T[], cancelToken: Cancellation.CancellationToken, action: (item: T) => void | Promise<void>): Promise<void> {
    for (let i = 0; i < items.length; i++) {
        if ((i + 1) % INTERRUPT_EVERY === 0) await interruptAndCheck(cancelToken);
        const pending = action(items[i]);
        if (pending) await pending;
    }
}

/** Every node inside a site, in document order, as `AstUtils.streamAllContents(site)` gives them. */
export function siteContents(site: Site): readonly AstNode[] {
    return perSite(contentsBySite, site, (node) => collectContents(node, []));
}

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

/**
 * Every reference in the topology, in document order and, within a node, in property
 * order, as `AstUtils.streamReferences` gives them node after node. Linking and the
 * reference index read them on every build.
 */
export function allReferences(topology: Topology): readonly ReferenceInfo[] {
    return perTopology(referencesByTopology, topology, (site) => perSite(referencesBySite, site, siteReferences));
}

const referencesByTopology = new WeakMap<Topology, ReferenceInfo[]>();
const referencesBySite = new WeakMap<Site, ReferenceInfo[]>();

function siteReferences(site: Site): ReferenceInfo[] {
    const found: ReferenceInfo[] = [];
    for (const node of [site, ...siteContents(site)]) for (const info of referencesOf(node)) found.push(info);
    return found;
}

export function namedDeclarations(topology: Topology): readonly NamedDeclaration[] {
    return perTopology(declarationsByTopology, topology, (site) => perSite(declarationsBySite, site, siteDeclarations));
}

const declarationsByTopology = new WeakMap<Topology, NamedDeclaration[]>();
const declarationsBySite = new WeakMap<Site, NamedDeclaration[]>();

/** The site and the declarations in it, in document order. */
function siteDeclarations(site: Site): NamedDeclaration[] {
    const found: NamedDeclaration[] = [];
    for (const node of [site, ...siteContents(site)]) {
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
    return Object.hasOwn(DECLARATION_KINDS, node.$type);
}

function declarationKind(node: AstNode): Bilingual | undefined {
    return isDeclaration(node) ? DECLARATION_KINDS[node.$type](node) : undefined;
}

/** The words for each kind of declaration, by node type (none of these types has subtypes). */
const DECLARATION_KINDS: Record<string, (node: AstNode) => Bilingual> = {
    Site: () => ({ en: 'site', ja: 'サイト' }),
    Pool: (node) => ({ en: `${(node as Pool).role} pool`, ja: `${(node as Pool).role} プール` }),
    Server: () => ({ en: 'server', ja: 'サーバー' }),
    Subnet: () => ({ en: 'subnet', ja: 'サブネット' }),
    Gateway: () => ({ en: 'gateway', ja: 'ゲートウェイ' }),
    ReverseProxy: () => ({ en: 'reverse proxy', ja: 'リバース プロキシ' }),
    LoadBalancer: () => ({ en: 'load balancer', ja: 'ロード バランサー' }),
    FileShare: () => ({ en: 'file share', ja: 'ファイル共有' }),
};

/** One host address written in the topology: the node and the property that holds it. */
export interface AddressUse {
    node: AstNode;
    property: 'address' | 'internal' | 'external';
    text: string;
    /** How the address is described in messages, e.g. "server fe01a". */
    owner: Bilingual;
}

export function addressUses(topology: Topology): readonly AddressUse[] {
    return perTopology(addressesByTopology, topology, (site) => perSite(addressesBySite, site, siteAddressUses));
}

const addressesByTopology = new WeakMap<Topology, AddressUse[]>();
const addressesBySite = new WeakMap<Site, AddressUse[]>();

function siteAddressUses(site: Site): AddressUse[] {
    const uses: AddressUse[] = [];
    // The owner's words are only needed for a message, which few addresses get: made on demand.
    for (const node of siteContents(site)) {
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
