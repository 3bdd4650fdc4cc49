import { interruptAndCheck, isAstNode, type AstNode, type Cancellation, type ReferenceInfo } from 'langium';
import { isGateway, isReverseProxy, isServer, isVip, type EdgeServiceAddress, type Gateway, type Pool, type ReverseProxy, type Server, type Site, type Topology, type Vip } from '../generated/ast.js';
import type { Bilingual } from '../l10n/locale.js';
import { referencesOf } from '../references/node-references.js';

/** Everything in a topology that declares a name, with the words an administrator uses for it. */
export interface NamedDeclaration {
    node: AstNode & { name: string };
    kind: Bilingual;
}

/**
 * Lists made once per site node and joined once per topology node. A site's nodes never
 * change after parsing, and an edit parses anew only the site it touches (a new
 * `Topology` node each time), so the other sites' lists serve the next build too.
 */
export class SiteLists<T> {
    private readonly bySite = new WeakMap<Site, readonly T[]>();
    private readonly byTopology = new WeakMap<Topology, readonly T[]>();

    constructor(private readonly ofSite: (site: Site) => T[]) {}

    of(site: Site): readonly T[] {
        let found = this.bySite.get(site);
        if (!found) this.bySite.set(site, (found = this.ofSite(site)));
        return found;
    }

    joined(topology: Topology): readonly T[] {
        let joined = this.byTopology.get(topology);
        if (!joined) {
            const all: T[] = [];
            for (const site of topology.sites ?? []) for (const item of this.of(site)) all.push(item);
            this.byTopology.set(topology, (joined = all));
        }
        return joined;
    }
}

/** Each site followed by everything in it, in document order, as `AstUtils.streamAllContents` gives them. */
const siteNodes = new SiteLists<AstNode>((site) => collectContents(site, [site]));

/**
 * Every node of a topology in document order, as `AstUtils.streamAllContents` gives them:
 * each site followed by its contents (a topology's only child nodes are its sites).
 * Linking, validation and several topology-wide checks read this list, and streaming the
 * tree for each was a large part of building a big file.
 */
export function allContents(topology: Topology): readonly AstNode[] {
    return siteNodes.joined(topology);
}

/** The site and every node in it, in document order. */
export function nodesOfSite(site: Site): readonly AstNode[] {
    return siteNodes.of(site);
}

/** Nodes handled between two chances for other work (and cancellation): a few milliseconds' worth. */
const INTERRUPT_EVERY = 500;

/**
 * Runs `action` on the topology and every node in it, in document order, letting other
 * work and cancellation in every few hundred nodes. Validation walks the tree this way;
 * Langium's streams the tree and waits before every node.
 */
export async function forEachNode(topology: Topology, cancelToken: Cancellation.CancellationToken, action: (node: AstNode) => void | Promise<void>): Promise<void> {
    await action(topology);
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
    return siteReferences.joined(topology);
}

const siteReferences = new SiteLists<ReferenceInfo>((site) => siteNodes.of(site).flatMap(referencesOf));

/** The sites and the declarations in them, in document order. */
export function namedDeclarations(topology: Topology): readonly NamedDeclaration[] {
    return siteDeclarations.joined(topology);
}

const siteDeclarations = new SiteLists<NamedDeclaration>((site) =>
    siteNodes.of(site).flatMap((node) => (typeof (node as { name?: unknown }).name === 'string' && isDeclaration(node) ? [new Declaration(node as NamedDeclaration['node'])] : [])),
);

/** A declaration; the words for its kind are only needed for a message, which few get: made on demand. */
class Declaration implements NamedDeclaration {
    constructor(readonly node: NamedDeclaration['node']) {}

    get kind(): Bilingual {
        return DECLARATION_KINDS[this.node.$type](this.node);
    }
}

/** Whether `DECLARATION_KINDS` has words for the node. */
function isDeclaration(node: AstNode): boolean {
    return Object.hasOwn(DECLARATION_KINDS, node.$type);
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

/** A host address property of a node (`nat` of an Edge server; `address` of an Edge service address). */
export type AddressProperty = 'address' | 'internal' | 'external' | 'nat';

/** A node that holds host addresses. */
export type AddressNode = Server | EdgeServiceAddress | Gateway | ReverseProxy | Vip;

/** One host address written in the topology: the node and the property that holds it. */
export interface AddressUse {
    node: AstNode;
    property: AddressProperty;
    text: string;
    /** How the address is described in messages, e.g. "server fe01a". */
    owner: Bilingual;
}

export function addressUses(topology: Topology): readonly AddressUse[] {
    return siteAddressUses.joined(topology);
}

const siteAddressUses = new SiteLists<AddressUse>((site) => {
    const uses: AddressUse[] = [];
    for (const node of siteNodes.of(site)) {
        if (isServer(node)) {
            for (const property of ['address', 'internal', 'external'] as const) {
                const text = node[property];
                if (text !== undefined) uses.push(new Address(node, property, text));
            }
            for (const service of node.services) {
                if (service.address !== undefined) uses.push(new Address(service, 'address', service.address));
            }
            if (node.nat !== undefined) uses.push(new Address(node, 'nat', node.nat));
        } else if ((isGateway(node) || isReverseProxy(node) || isVip(node)) && node.address !== undefined) {
            uses.push(new Address(node, 'address', node.address));
            if (isReverseProxy(node) && node.external !== undefined) uses.push(new Address(node, 'external', node.external));
        }
    }
    return uses;
});

/** An address use; the owner's words are only needed for a message, which few addresses get: made on demand. */
class Address implements AddressUse {
    constructor(
        readonly node: AddressNode,
        readonly property: AddressProperty,
        readonly text: string,
    ) {}

    get owner(): Bilingual {
        return addressOwner(this.node, this.property);
    }
}

/** How an address is described in messages: "server fe01a (internal)", "the VIP of load balancer lb01". */
export function addressOwner(node: AddressNode, property: AddressProperty): Bilingual {
    if (isServer(node)) {
        const side = property === 'address' ? { en: '', ja: '' } : { en: ` (${property})`, ja: ` (${SIDE_JA[property]})` };
        return { en: `server ${node.name}${side.en}`, ja: `サーバー ${node.name}${side.ja}` };
    }
    if (node.$type === 'EdgeServiceAddress') {
        const server = (node as EdgeServiceAddress).$container;
        const service = (node as EdgeServiceAddress).service;
        return { en: `server ${server.name} (${service})`, ja: `サーバー ${server.name} (${service})` };
    }
    if (isGateway(node)) return { en: `gateway ${node.name}`, ja: `ゲートウェイ ${node.name}` };
    if (isReverseProxy(node)) {
        const side = property === 'external' ? { en: ' (external)', ja: ' (外部)' } : { en: '', ja: '' };
        return { en: `reverse proxy ${node.name}${side.en}`, ja: `リバース プロキシ ${node.name}${side.ja}` };
    }
    const vip = node as Vip;
    const lb = vip.$container.name;
    const side = vip.side === undefined ? { en: '', ja: '' } : { en: ` (${vip.side})`, ja: ` (${vip.side})` };
    return { en: `the VIP of load balancer ${lb}${side.en}`, ja: `ロード バランサー ${lb} の VIP${side.ja}` };
}

const SIDE_JA = { internal: '内部', external: '外部', nat: 'NAT' } as const;

/** The text of a `//` comment that ends the line where a node ends, if any. */
export function trailingComment(node: AstNode): string | undefined {
    const cst = node.$cstNode;
    if (!cst) return undefined;
    const text = cst.root.fullText;
    let end = text.indexOf('\n', cst.end);
    if (end < 0) end = text.length;
    const rest = text.slice(cst.end, end).trim();
    return rest.startsWith('//') ? rest : undefined;
}

/** The 1-based line where a node starts, for messages that point at an earlier declaration. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? -1) + 1;
}
