import { ROLE_TITLES } from '../catalogue/roles.js';
import type { Bilingual, PoolRole } from '../catalogue/types.js';
import { externalAddresses, type ResolvedTopology } from '../model/resolved-topology.js';
import type { EndpointGroup, Endpoints, FirewallName, Rule, RuleSet } from '../rules/rule.js';
import { comparePorts, portLabelLines } from './port-families.js';

// The topology map as plain data: what is drawn (sites, boxes, flows) and what each
// flow stands for (rule ids). A pure function of the resolved topology and its rule
// set; the layout (map-layout.ts) and the SVG (svg.ts) are computed from it.
//
// What becomes an edge: a firewall rule whose source is a known endpoint (a pool, the
// reverse proxies, a pool's gateways, the Front End servers, a client subnet) gives an
// edge from each of its source boxes to each of its destination boxes; rules between
// the same two boxes share one edge. Rules open to any source ("any → fe01 5061") are
// left out of the picture (nearly every port of a pool is open to any source, which
// would tie every box to one "Any" box); they are all in the port matrix. A rule to any
// destination (the client subnets' outbound rules) ends at an "Any address" box in the
// site it leaves from. Groups that span the topology (the reverse proxies, the Front End
// servers) are drawn from the destination's own site when it has members there, so that
// the picture is not a web of cross-site edges (the edge's rules still name every address).
// A load balancer is tied to its pool by an unlabelled link without rules.
//
// The perimeter network: a site's Edge pools, their load balancers and its reverse proxies
// are drawn in a zone of their own, with an "Internet" box beyond it. The external
// firewall's rules open to any source come from that box, and those to any destination go
// to it; the other rules open to any source stay out of the picture as above. Rules
// between the same two boxes are one edge per firewall, so that every edge is coloured by
// the one firewall that carries it.

export type MapNodeKind = 'pool' | 'load-balancer' | 'gateway' | 'reverse-proxy' | 'file-share' | 'clients' | 'any' | 'internet';

/** Where a box is drawn: its site's internal network (absent), its perimeter network, or the Internet beyond it. */
export type MapZone = 'perimeter' | 'internet';

/** A place in the topology document, zero-based as in LSP. */
export interface MapPosition {
    line: number;
    character: number;
}

export interface MapSite {
    /** `site:NAME` */
    id: string;
    name: string;
    declaration?: MapPosition;
    /** The site's perimeter network, when it has Edge pools or reverse proxies: `perimeter:NAME` and the zone's title. */
    perimeter?: { id: string; label: string };
}

export interface MapNode {
    /** `KIND:SITE/NAME`, `clients:SITE`, `any:SITE` or `internet:SITE`: unique in the map, stable across edits. */
    id: string;
    kind: MapNodeKind;
    /** The name in the topology (or "Clients", "Any address"). */
    label: string;
    /** Role and server count, or the address. */
    detail: string;
    /** The site's name (an "Any address" box belongs to the site its flows leave from, an "Internet" box to the perimeter it faces). */
    site?: string;
    zone?: MapZone;
    /** Pools only. */
    role?: PoolRole;
    fqdn?: string;
    /** The addresses (or client subnets) the box stands for. */
    addresses: string[];
    declaration?: MapPosition;
}

export interface MapEdge {
    /** `flow:FROM->TO` (internal firewall), `flow:FROM->TO@FIREWALL` (a perimeter firewall) or `link:FROM->TO`. */
    id: string;
    /** A flow carries rules; a link (load balancer → its pool) does not. */
    kind: 'flow' | 'link';
    /** The firewall that carries a flow's rules. */
    firewall?: FirewallName;
    from: string;
    to: string;
    /** The label lines joined with `; `. */
    label: string;
    /** One line per port family: `SIP 5061`, `HTTPS 443, 4443`, `media 49152-57500`. */
    labelLines: string[];
    /** Ids of the firewall rules the flow stands for, in rule-set order. */
    rules: string[];
}

export interface MapModel {
    topology: string;
    sites: MapSite[];
    nodes: MapNode[];
    edges: MapEdge[];
    /** Firewall rules open to any source, which no edge shows (the port matrix does); the Internet's are drawn. */
    anySourceRules: number;
    /** The firewalls the flows belong to, with their titles, when the map has a perimeter network (for a legend). */
    firewalls: Array<{ firewall: FirewallName; label: string }>;
}

export interface MapModelOptions {
    /** Language of the generated labels ("Front End · 3 servers"); default English. */
    locale?: 'en' | 'ja';
    /** Where each node and site (by id) is declared, for "reveal declaration". */
    declarations?: ReadonlyMap<string, MapPosition>;
}

export const ANY_NODE_ID = 'any';

export function siteId(site: string): string {
    return `site:${site}`;
}

export function nodeId(kind: Exclude<MapNodeKind, 'any' | 'clients'>, site: string, name: string): string;
export function nodeId(kind: 'clients', site: string): string;
export function nodeId(kind: Exclude<MapNodeKind, 'any'>, site: string, name?: string): string {
    return kind === 'clients' ? `clients:${site}` : `${kind}:${site}/${name}`;
}

function perimeterId(site: string): string {
    return `perimeter:${site}`;
}

const TEXT = {
    servers: (n: number): Bilingual => ({ en: `${n} ${n === 1 ? 'server' : 'servers'}`, ja: `サーバー ${n} 台` }),
    standard: { en: 'Standard Edition', ja: 'Standard Edition' },
    loadBalancer: { en: 'Load balancer', ja: 'ロード バランサー' },
    gateway: { en: 'PSTN gateway', ja: 'PSTN ゲートウェイ' },
    reverseProxy: { en: 'Reverse proxy', ja: 'リバース プロキシ' },
    fileShare: { en: 'File share', ja: 'ファイル共有' },
    clients: { en: 'Clients', ja: 'クライアント' },
    any: { en: 'Any address', ja: '任意のアドレス' },
    anyDetail: { en: 'internal and internet', ja: '内部とインターネット' },
    internet: { en: 'Internet', ja: 'インターネット' },
    internetDetail: { en: 'any public address', ja: '任意のパブリック アドレス' },
    perimeter: { en: 'Perimeter network', ja: '境界ネットワーク' },
} satisfies Record<string, Bilingual | ((n: number) => Bilingual)>;

/** The legend's words for each firewall, after its name in the rules (spec §2.1). */
const FIREWALL_TITLES: Record<FirewallName, Bilingual> = {
    'perimeter-external': { en: 'between the Internet and the perimeter', ja: 'インターネットと境界ネットワークの間' },
    'perimeter-internal': { en: 'between the perimeter and the internal network', ja: '境界ネットワークと内部ネットワークの間' },
    internal: { en: 'inside the internal network', ja: '内部ネットワークの中' },
};

export function buildMapModel(topology: ResolvedTopology, rules: RuleSet, options: MapModelOptions = {}): MapModel {
    const pick = picker(options.locale);
    const at = (id: string) => options.declarations?.get(id);
    const nodes = topologyNodes(topology, pick).map((node) => withDeclaration(node, at(node.id)));
    const sites = topology.sites.map((site) => {
        const perimeter = nodes.some((node) => node.site === site.name && node.zone === 'perimeter') ? { perimeter: { id: perimeterId(site.name), label: pick(TEXT.perimeter) } } : {};
        return withDeclaration<MapSite>({ id: siteId(site.name), name: site.name, ...perimeter }, at(siteId(site.name)));
    });
    const resolver = new EndpointResolver(topology, nodes);
    const siteOf = (id: string) => nodes.find((node) => node.id === id)?.site;

    const flows = new Map<string, { from: string; to: string; firewall: FirewallName; rules: Rule[] }>();
    let anySourceRules = 0;
    const anyNodes = new Map<string, MapNode>();
    const internetNodes = new Map<string, MapNode>();
    for (const rule of rules.firewall) {
        const ends = flowEnds(rule);
        if (!ends) {
            anySourceRules++;
            continue;
        }
        for (const [from, to] of ends) {
            if (from === to) continue;
            const id = `flow:${from}->${to}${rule.firewall === 'internal' ? '' : `@${rule.firewall}`}`;
            const flow = flows.get(id) ?? { from, to, firewall: rule.firewall, rules: [] };
            flow.rules.push(rule);
            flows.set(id, flow);
        }
    }

    const edges: MapEdge[] = [...flows].map(([id, flow]) => {
        const labelLines = portLabelLines(flow.rules, pick);
        return { id, kind: 'flow', firewall: flow.firewall, from: flow.from, to: flow.to, label: labelLines.join('; '), labelLines, rules: flow.rules.map((rule) => rule.id) };
    });
    for (const site of topology.sites) {
        for (const lb of site.loadBalancers) {
            const from = nodeId('load-balancer', site.name, lb.name);
            const to = resolver.pool(lb.pool, site.name);
            if (to) edges.push({ id: `link:${from}->${to}`, kind: 'link', from, to, label: '', labelLines: [], rules: [] });
        }
    }
    // An "Internet" box goes before the other boxes of its site, "Any address" boxes after them.
    const ordered = nodes.flatMap((node, i) => {
        const first = i === 0 || nodes[i - 1].site !== node.site;
        const last = i === nodes.length - 1 || nodes[i + 1].site !== node.site;
        const internet = first ? internetNodes.get(node.site ?? '') : undefined;
        const any = last ? anyNodes.get(node.site ?? '') : undefined;
        return [...(internet ? [internet] : []), node, ...(any ? [any] : [])];
    });
    const placed = new Set(ordered.map((node) => node.id));
    ordered.push(...[...anyNodes.values()].filter((node) => !placed.has(node.id)));
    const used = new Set(edges.flatMap((edge) => (edge.firewall ? [edge.firewall] : [])));
    const firewalls = sites.some((site) => site.perimeter)
        ? (['perimeter-external', 'perimeter-internal', 'internal'] as const).filter((firewall) => used.has(firewall)).map((firewall) => ({ firewall, label: pick(FIREWALL_TITLES[firewall]) }))
        : [];
    return { topology: topology.name, sites, nodes: ordered, edges, anySourceRules, firewalls };

    /**
     * The pairs of boxes a rule's flow runs between; undefined for a rule open to any source
     * that is not drawn (only the external firewall's come from the Internet box).
     */
    function flowEnds(rule: Rule): Array<[string, string]> | undefined {
        const fromInternet = rule.firewall === 'perimeter-external';
        const destinations = resolver.resolve(rule.destinationGroup, rule.destination);
        if (rule.source === 'any') {
            if (!fromInternet || destinations === 'any') return undefined;
            return destinations.map((to) => [internetNode(siteOf(to)!), to]);
        }
        // A topology-wide source group is drawn from the destination's site when it has members there.
        const near = destinations === 'any' || destinations.length !== 1 ? undefined : siteOf(destinations[0]);
        const sources = resolver.resolve(rule.sourceGroup, rule.source, near);
        if (sources === 'any') return [];
        return sources.flatMap((from) => {
            const site = siteOf(from);
            const to = destinations === 'any' ? [fromInternet && site !== undefined ? internetNode(site) : anyNode(site)] : destinations;
            return to.map((end): [string, string] => [from, end]);
        });
    }

    /** The "Internet" box beyond a site's perimeter network. */
    function internetNode(site: string): string {
        const id = `internet:${site}`;
        if (!internetNodes.has(site)) {
            internetNodes.set(site, { id, kind: 'internet', label: pick(TEXT.internet), detail: pick(TEXT.internetDetail), site, zone: 'internet', addresses: [] });
        }
        return id;
    }

    /** The "Any address" box a rule to any destination ends at: one per site, beside the site's boxes. */
    function anyNode(site: string | undefined): string {
        const id = site === undefined ? ANY_NODE_ID : `${ANY_NODE_ID}:${site}`;
        if (!anyNodes.has(site ?? '')) {
            anyNodes.set(site ?? '', { id, kind: 'any', label: pick(TEXT.any), detail: pick(TEXT.anyDetail), ...(site === undefined ? {} : { site }), addresses: [] });
        }
        return id;
    }
}

/** Every box the topology declares, site by site, in a fixed order of kinds. */
function topologyNodes(topology: ResolvedTopology, pick: (text: Bilingual) => string): MapNode[] {
    const edgePools = new Set(topology.sites.flatMap((site) => site.pools.filter((pool) => pool.role === 'edge').map((pool) => pool.name)));
    const perimeter = (inPerimeter: boolean) => (inPerimeter ? { zone: 'perimeter' as const } : {});
    return topology.sites.flatMap((site): MapNode[] => [
        ...site.pools.map((pool): MapNode => ({
            id: nodeId('pool', site.name, pool.name),
            kind: 'pool',
            label: pool.name,
            detail: `${pick(ROLE_TITLES[pool.role])} · ${pick(TEXT.servers(pool.servers.length))}`,
            site: site.name,
            ...perimeter(pool.role === 'edge'),
            role: pool.role,
            ...(pool.fqdn ? { fqdn: pool.fqdn } : {}),
            addresses: pool.servers.flatMap((server) => [server.address, ...externalAddresses(server.external)]),
        })),
        ...site.loadBalancers.map((lb): MapNode => ({
            id: nodeId('load-balancer', site.name, lb.name),
            kind: 'load-balancer',
            label: lb.name,
            detail: `${pick(TEXT.loadBalancer)} · ${lb.vip}`,
            site: site.name,
            // An Edge pool's load balancer carries its virtual IPs on both sides of the perimeter.
            ...perimeter(edgePools.has(lb.pool)),
            addresses: [...new Set([lb.vip, ...Object.values(lb.externalVips ?? {})])],
        })),
        ...site.fileShares.map((share): MapNode => ({
            id: nodeId('file-share', site.name, share.name),
            kind: 'file-share',
            label: share.name,
            detail: `${pick(TEXT.fileShare)} · ${pick(TEXT.servers(share.servers.length))}`,
            site: site.name,
            ...(share.fqdn ? { fqdn: share.fqdn } : {}),
            addresses: share.servers.map((server) => server.address),
        })),
        ...site.gateways.map((gateway): MapNode => ({
            id: nodeId('gateway', site.name, gateway.name),
            kind: 'gateway',
            label: gateway.name,
            detail: `${pick(TEXT.gateway)} · ${gateway.address}`,
            site: site.name,
            addresses: [gateway.address],
        })),
        ...site.reverseProxies.map((proxy): MapNode => ({
            id: nodeId('reverse-proxy', site.name, proxy.name),
            kind: 'reverse-proxy',
            label: proxy.name,
            detail: `${pick(TEXT.reverseProxy)} · ${proxy.address}`,
            site: site.name,
            ...perimeter(true),
            addresses: proxy.external ? [proxy.address, proxy.external] : [proxy.address],
        })),
        ...(site.clients
            ? [
                  {
                      id: nodeId('clients', site.name),
                      kind: 'clients' as const,
                      label: pick(TEXT.clients),
                      detail: clientSubnets(site.clients.subnets),
                      site: site.name,
                      addresses: [...site.clients.subnets],
                  },
              ]
            : []),
    ]);
}

function clientSubnets(subnets: string[]): string {
    return subnets.length <= 2 ? subnets.join(', ') : `${subnets.slice(0, 2).join(', ')}, … (${subnets.length})`;
}

/** Turns a rule's source or destination into the boxes it stands for. */
class EndpointResolver {
    private readonly ids: Set<string>;

    constructor(
        private readonly topology: ResolvedTopology,
        private readonly nodes: MapNode[],
    ) {
        this.ids = new Set(nodes.map((node) => node.id));
    }

    /** `any`, or the ids of the boxes (possibly none, when the topology names nothing there). */
    resolve(group: EndpointGroup | undefined, endpoints: Endpoints, near?: string): string[] | 'any' {
        if (endpoints === 'any') return 'any';
        const addresses = new Set(endpoints);
        const matches = (node: MapNode) => node.addresses.some((address) => addresses.has(address));
        // A topology-wide group (the reverse proxies, the Front End servers): the boxes of that
        // kind holding one of the rule's addresses (all of them if none does). With `near`,
        // the site of the other end: only the boxes in that site, where it has any.
        const byAddress = (candidates: MapNode[], site?: string) => {
            const matching = candidates.filter(matches);
            const found = matching.length > 0 ? matching : candidates;
            const local = site === undefined ? [] : found.filter((node) => node.site === site);
            return (local.length > 0 ? local : found).map((node) => node.id);
        };
        if (!group) return this.nodes.filter(matches).map((node) => node.id);
        switch (group.kind) {
            case 'pool':
                return this.known(group.site && group.name ? this.pool(group.name, group.site) : undefined);
            case 'file-share':
                return this.known(group.site && group.name ? nodeId('file-share', group.site, group.name) : undefined);
            case 'load-balancer':
                return this.known(group.site && group.name ? nodeId('load-balancer', group.site, group.name) : undefined);
            case 'clients': {
                const site = group.site ?? group.name;
                return this.known(site ? nodeId('clients', site) : undefined);
            }
            case 'gateways':
                return this.gatewaysOf(group.name, group.site);
            case 'reverse-proxies':
                return byAddress(this.nodes.filter((node) => node.kind === 'reverse-proxy' && (!group.site || node.site === group.site)), near);
            case 'frontend-servers':
                return byAddress(this.nodes.filter((node) => node.role === 'frontend' && (!group.site || node.site === group.site)), near);
            case 'edge-access':
            case 'edge-webconf':
            case 'edge-av':
                return this.known(group.site && group.name ? this.pool(group.name, group.site) : undefined);
            case 'reverse-proxy':
                return this.known(group.site && group.name ? nodeId('reverse-proxy', group.site, group.name) : undefined);
        }
    }

    /** A pool's box, looked up in its site first and then anywhere. */
    pool(name: string, site: string): string | undefined {
        const local = nodeId('pool', site, name);
        if (this.ids.has(local)) return local;
        return this.nodes.find((node) => node.kind === 'pool' && node.label === name)?.id;
    }

    private gatewaysOf(poolName: string | undefined, siteName: string | undefined): string[] {
        const pool = this.topology.sites.flatMap((site) => site.pools).find((p) => p.name === poolName && (!siteName || p.site === siteName));
        if (!pool) return [];
        return pool.gateways.flatMap((name) => {
            const local = nodeId('gateway', pool.site, name);
            if (this.ids.has(local)) return [local];
            const elsewhere = this.nodes.find((node) => node.kind === 'gateway' && node.label === name);
            return elsewhere ? [elsewhere.id] : [];
        });
    }

    private known(id: string | undefined): string[] {
        return id && this.ids.has(id) ? [id] : [];
    }
}

// ---------------------------------------------------------------------------------------
// The port matrix: every firewall rule, including those open to any source.

export interface PortMatrixCell {
    /** `TCP`, `UDP` or `TCP/UDP`. */
    transport: string;
    rules: string[];
}

export interface PortMatrixRow {
    node: string;
    label: string;
    detail: string;
    site?: string;
    /** One entry per column; `null` where the box has no rule on that port. */
    cells: Array<PortMatrixCell | null>;
}

export interface PortMatrix {
    /** Destination ports as the rules give them (`443`, `49152-57500`), in port order. */
    columns: string[];
    rows: PortMatrixRow[];
}

/**
 * Rows: the boxes that receive traffic (a rule's destination), or for rules to any
 * destination, the boxes it leaves from (the client subnets); columns: ports; cells:
 * the transports open there.
 */
export function buildPortMatrix(topology: ResolvedTopology, rules: RuleSet, model: MapModel): PortMatrix {
    const resolver = new EndpointResolver(topology, model.nodes);
    const cells = new Map<string, Map<string, { tcp: boolean; udp: boolean; rules: string[] }>>();
    const columns = new Set<string>();
    for (const rule of rules.firewall) {
        const destinations = resolver.resolve(rule.destinationGroup, rule.destination);
        const sources = resolver.resolve(rule.sourceGroup, rule.source);
        const rows = destinations !== 'any' ? destinations : sources !== 'any' ? sources : [];
        for (const row of rows) {
            const byPort = cells.get(row) ?? new Map();
            const cell = byPort.get(rule.ports) ?? { tcp: false, udp: false, rules: [] };
            if (rule.transport === 'TCP') cell.tcp = true;
            else cell.udp = true;
            if (!cell.rules.includes(rule.id)) cell.rules.push(rule.id);
            byPort.set(rule.ports, cell);
            cells.set(row, byPort);
            columns.add(rule.ports);
        }
    }
    const ordered = [...columns].sort(comparePorts);
    return {
        columns: ordered,
        rows: model.nodes
            .filter((node) => cells.has(node.id))
            .map((node) => {
                const byPort = cells.get(node.id)!;
                return {
                    node: node.id,
                    label: node.label,
                    detail: node.detail,
                    ...(node.site ? { site: node.site } : {}),
                    cells: ordered.map((port) => {
                        const cell = byPort.get(port);
                        if (!cell) return null;
                        return { transport: cell.tcp && cell.udp ? 'TCP/UDP' : cell.tcp ? 'TCP' : 'UDP', rules: cell.rules };
                    }),
                };
            }),
    };
}

// ---------------------------------------------------------------------------------------
// Rules as the side panel lists them.

export interface MapRuleInfo {
    id: string;
    site: string;
    service: string;
    ports: string;
    sourcePorts?: string;
    transport: 'TCP' | 'UDP';
    direction: Rule['direction'];
    source: string;
    destination: string;
    purpose: string;
}

export function describeRules(rules: RuleSet, locale: 'en' | 'ja' = 'en'): MapRuleInfo[] {
    const endpoints = (value: Endpoints) => (value === 'any' ? 'any' : value.join(', '));
    return rules.firewall.map((rule) => ({
        id: rule.id,
        site: rule.site,
        service: rule.service,
        ports: rule.ports,
        ...(rule.sourcePorts ? { sourcePorts: rule.sourcePorts } : {}),
        transport: rule.transport,
        direction: rule.direction,
        source: endpoints(rule.source),
        destination: endpoints(rule.destination),
        purpose: rule.purpose[locale],
    }));
}

function picker(locale: 'en' | 'ja' | undefined): (text: Bilingual) => string {
    return (text) => text[locale ?? 'en'];
}

function withDeclaration<T extends { declaration?: MapPosition }>(value: T, declaration: MapPosition | undefined): T {
    return declaration ? { ...value, declaration: { line: declaration.line, character: declaration.character } } : value;
}
