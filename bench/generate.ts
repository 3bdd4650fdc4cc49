// A deterministic generator of valid topologies for the benchmark: the same model
// printed as `.sfbtopo` and as YAML (the yaml-language-server peer reads the latter).
// Every role, load balancers, gateways, a file share, a reverse proxy and a clients
// block in each site, Edge pools with their perimeter (both external address forms,
// federation, a next hop); the result validates with no error and no warning.

export interface ModelServer {
    name: string;
    address?: string;
    internal?: string;
    external?: string;
    /** The three-address form of an Edge server: one public address per service. */
    services?: { access: string; webconf: string; av: string };
}

export interface ModelRange {
    kind: 'audio' | 'video' | 'appsharing' | 'filetransfer';
    first: number;
    last: number;
}

export interface ModelPool {
    role: 'frontend' | 'director' | 'mediation' | 'persistentchat' | 'officewebapps' | 'edge' | 'exchangeum';
    name: string;
    fqdn: string;
    edition?: 'enterprise' | 'standard';
    servers: ModelServer[];
    colocateMediation?: boolean;
    hostsCms?: boolean;
    loadbalancing?: 'dns' | 'hardware';
    gateways: string[];
    media: ModelRange[];
    ports: Array<{ service: string; port: number }>;
    /** Edge pools: the Director or Front End pool they hand SIP to, and SIP federation. */
    nexthop?: string;
    federation?: boolean;
}

export interface ModelSite {
    name: string;
    subnets: Array<{ name: string; cidr: string }>;
    pools: ModelPool[];
    fileshares: Array<{ name: string; fqdn: string; servers: ModelServer[] }>;
    gateways: Array<{ name: string; address: string }>;
    reverseProxies: Array<{ name: string; address: string; external?: string }>;
    loadBalancers: Array<{ name: string; pool: string; vip: string }>;
    clients: { subnets: string[]; media: ModelRange[] };
}

export interface ModelTopology {
    name: string;
    sites: ModelSite[];
}

/** Pools per site: a realistic site is a few dozen pools; small topologies still get two sites. */
const POOLS_PER_SITE = 50;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * `pools` pools spread over sites of at most 50 (at least two sites). Site `s` owns
 * 10.s.0.0/16: servers in 10.s.0.0/17, Edge internal legs in 10.s.128.0/20, clients in
 * 10.s.192.0/18. Edge external legs come from 198.18.0.0/15, one per server.
 */
export function generateTopology(pools: number): ModelTopology {
    const siteCount = Math.max(2, Math.ceil(pools / POOLS_PER_SITE));
    if (siteCount > 250) throw new Error('at most 12,500 pools: one 10.x block per site');
    const perSite = Math.ceil(pools / siteCount);
    const sites: ModelSite[] = [];
    let poolIndex = 0;
    let externalIndex = 0;
    const publicAddress = () => {
        const n = externalIndex++;
        return `198.${18 + (n >> 16)}.${(n >> 8) & 255}.${n & 255}`;
    };
    for (let s = 1; s <= siteCount && poolIndex < pools; s++) {
        const sn = `s${pad(s, 3)}`;
        const net = (c: number, d: number) => `10.${s}.${c}.${d}`;
        const site: ModelSite = {
            name: `site${pad(s, 3)}`,
            subnets: [
                { name: `${sn}-servers`, cidr: `10.${s}.0.0/17` },
                { name: `${sn}-perimeter`, cidr: `10.${s}.128.0/20` },
                { name: `${sn}-clients`, cidr: `10.${s}.192.0/18` },
            ],
            pools: [],
            fileshares: [{ name: `${sn}-fs`, fqdn: `${sn}-fs.bench.example`, servers: [{ name: `${sn}-fs01`, address: net(120, 11) }] }],
            gateways: [],
            reverseProxies: [{ name: `${sn}-rp`, address: net(128, 250), external: publicAddress() }],
            loadBalancers: [],
            clients: {
                subnets: [`${sn}-clients`],
                media: [
                    { kind: 'audio', first: 50020, last: 50039 },
                    { kind: 'video', first: 50040, last: 50059 },
                    { kind: 'appsharing', first: 50060, last: 50079 },
                    { kind: 'filetransfer', first: 50080, last: 50099 },
                ],
            },
        };
        for (let i = 0; i < perSite && poolIndex < pools; i++, poolIndex++) {
            const name = `${sn}-p${pad(i, 2)}`;
            const servers = (count: number): ModelServer[] =>
                Array.from({ length: count }, (_, j) => ({ name: `${name}-${String.fromCharCode(97 + j)}`, address: net(i + 1, 11 + j) }));
            const gateway = () => {
                const gw = `${name}-gw`;
                site.gateways.push({ name: gw, address: net(i + 1, 200) });
                return [gw];
            };
            const balancer = () => site.loadBalancers.push({ name: `${name}-lb`, pool: name, vip: net(i + 1, 100) });
            const base = { name, fqdn: `${name}.bench.example`, gateways: [] as string[], media: [] as ModelRange[], ports: [] as ModelPool['ports'] };
            let pool: ModelPool;
            switch (poolIndex % 10) {
                case 0: // Enterprise Front End, DNS load balancing (so a hardware one for web), collocated Mediation
                    pool = { ...base, role: 'frontend', edition: 'enterprise', servers: servers(4), colocateMediation: true, hostsCms: poolIndex === 0, loadbalancing: 'dns', gateways: gateway() };
                    balancer();
                    break;
                case 1:
                    pool = { ...base, role: 'director', servers: servers(3), loadbalancing: 'hardware', ports: [{ service: 'web-internal-https', port: 4444 }] };
                    balancer();
                    break;
                case 2:
                    pool = { ...base, role: 'mediation', servers: servers(3), loadbalancing: 'hardware', gateways: gateway(), media: [{ kind: 'audio', first: 50000, last: 50999 }] };
                    balancer();
                    break;
                case 3:
                    pool = { ...base, role: 'persistentchat', servers: servers(3), ports: [{ service: 'wcf', port: 882 }] };
                    break;
                case 4:
                    pool = { ...base, role: 'officewebapps', servers: servers(2) };
                    break;
                case 5:
                    pool = {
                        ...base,
                        role: 'edge',
                        // Every other Edge pool in the three-address form.
                        servers: Array.from({ length: 3 }, (_, j) => ({
                            name: `${name}-${String.fromCharCode(97 + j)}`,
                            internal: net(128, i * 4 + j + 1),
                            ...(poolIndex % 20 === 5 ? { external: publicAddress() } : { services: { access: publicAddress(), webconf: publicAddress(), av: publicAddress() } }),
                        })),
                        loadbalancing: 'dns',
                        federation: true,
                    };
                    break;
                case 6:
                    pool = { ...base, role: 'exchangeum', servers: servers(2) };
                    break;
                case 7:
                    pool = { ...base, role: 'frontend', edition: 'standard', servers: servers(1), ports: [{ service: 'web-external', port: 8081 }] };
                    break;
                case 8: // Enterprise Front End behind a hardware load balancer
                    pool = { ...base, role: 'frontend', edition: 'enterprise', servers: servers(3), loadbalancing: 'hardware' };
                    balancer();
                    break;
                default: // a one-server Mediation pool needs no load balancer
                    pool = { ...base, role: 'mediation', servers: servers(1), gateways: gateway(), media: [{ kind: 'audio', first: 51000, last: 51999 }] };
                    break;
            }
            site.pools.push(pool);
        }
        const nextHop = site.pools.find((p) => p.role === 'director') ?? site.pools.find((p) => p.role === 'frontend');
        for (const pool of site.pools) if (pool.role === 'edge' && nextHop) pool.nexthop = nextHop.name;
        sites.push(site);
    }
    return { name: `Bench${pools}`, sites };
}

const rangeText = (r: ModelRange) => `${r.first}-${r.last}`;

function serverLine(server: ModelServer): string {
    if (server.address !== undefined) return `server ${server.name} ${server.address}`;
    const external = server.services
        ? `access ${server.services.access} webconf ${server.services.webconf} av ${server.services.av}`
        : `external ${server.external}`;
    return `server ${server.name} internal ${server.internal} ${external}`;
}

/** The topology in the `.sfbtopo` language, laid out as the formatter does. */
export function toSfbtopo(topology: ModelTopology): string {
    const out: string[] = [`// Generated by bench/generate.ts: ${topology.sites.reduce((n, s) => n + s.pools.length, 0)} pools.`, `topology ${topology.name}`, ''];
    for (const site of topology.sites) {
        out.push(`site ${site.name} {`);
        for (const subnet of site.subnets) out.push(`  subnet ${subnet.name} ${subnet.cidr}`);
        out.push('');
        for (const pool of site.pools) {
            out.push(`  // ${pool.role} pool ${pool.name}`);
            out.push(`  ${pool.role} pool ${pool.name} {`);
            out.push(`    fqdn "${pool.fqdn}"`);
            if (pool.edition) out.push(`    edition ${pool.edition}`);
            if (pool.nexthop) out.push(`    nexthop ${pool.nexthop}`);
            if (pool.federation) out.push('    federation');
            for (const server of pool.servers) out.push(`    ${serverLine(server)}`);
            if (pool.colocateMediation) out.push('    colocate mediation');
            if (pool.hostsCms) out.push('    hosts cms');
            if (pool.loadbalancing) out.push(`    loadbalancing ${pool.loadbalancing}`);
            for (const gateway of pool.gateways) out.push(`    gateway ${gateway}`);
            for (const range of pool.media) out.push(`    media ${range.kind} ${rangeText(range)}`);
            for (const port of pool.ports) out.push(`    port ${port.service} ${port.port}`);
            out.push('  }');
            const lb = site.loadBalancers.find((b) => b.pool === pool.name);
            if (lb) out.push(`  loadbalancer ${lb.name} for ${lb.pool} {`, `    vip ${lb.vip}`, '  }');
            const gw = site.gateways.find((g) => pool.gateways.includes(g.name));
            if (gw) out.push(`  gateway ${gw.name} ${gw.address}`);
            out.push('');
        }
        for (const share of site.fileshares) {
            out.push(`  fileshare ${share.name} {`, `    fqdn "${share.fqdn}"`, ...share.servers.map((s) => `    ${serverLine(s)}`), '  }');
        }
        for (const proxy of site.reverseProxies) out.push(`  reverseproxy ${proxy.name} ${proxy.address}${proxy.external ? ` external ${proxy.external}` : ''}`);
        out.push('', '  clients {', ...site.clients.subnets.map((s) => `    subnet ${s}`), ...site.clients.media.map((m) => `    media ${m.kind} ${rangeText(m)}`), '  }');
        out.push('}', '');
    }
    return out.join('\n');
}

/** The same topology as YAML, in the shape `bench/topology.schema.json` describes. */
export function toYaml(topology: ModelTopology, schemaUri?: string): string {
    const out: string[] = [];
    if (schemaUri) out.push(`# yaml-language-server: $schema=${schemaUri}`);
    out.push(`topology: ${topology.name}`, 'sites:');
    const servers = (list: ModelServer[], indent: string) => {
        out.push(`${indent}servers:`);
        for (const s of list) {
            out.push(`${indent}  - name: ${s.name}`);
            if (s.address !== undefined) out.push(`${indent}    address: ${s.address}`);
            else if (s.services) out.push(`${indent}    internal: ${s.internal}`, ...(['access', 'webconf', 'av'] as const).map((k) => `${indent}    ${k}: ${s.services![k]}`));
            else out.push(`${indent}    internal: ${s.internal}`, `${indent}    external: ${s.external}`);
        }
    };
    const media = (list: ModelRange[], indent: string) => {
        if (list.length === 0) return;
        out.push(`${indent}media:`);
        for (const m of list) out.push(`${indent}  ${m.kind}: ${rangeText(m)}`);
    };
    for (const site of topology.sites) {
        out.push(`  - name: ${site.name}`, '    subnets:');
        for (const subnet of site.subnets) out.push(`      - name: ${subnet.name}`, `        cidr: ${subnet.cidr}`);
        out.push('    pools:');
        for (const pool of site.pools) {
            out.push(`      - role: ${pool.role}`, `        name: ${pool.name}`, `        fqdn: ${pool.fqdn}`);
            if (pool.edition) out.push(`        edition: ${pool.edition}`);
            if (pool.nexthop) out.push(`        nexthop: ${pool.nexthop}`);
            if (pool.federation) out.push('        federation: true');
            servers(pool.servers, '        ');
            if (pool.colocateMediation) out.push('        colocateMediation: true');
            if (pool.hostsCms) out.push('        hostsCms: true');
            if (pool.loadbalancing) out.push(`        loadbalancing: ${pool.loadbalancing}`);
            if (pool.gateways.length) out.push(`        gateways: [${pool.gateways.join(', ')}]`);
            media(pool.media, '        ');
            if (pool.ports.length) {
                out.push('        ports:');
                for (const p of pool.ports) out.push(`          ${p.service}: ${p.port}`);
            }
        }
        out.push('    fileshares:');
        for (const share of site.fileshares) {
            out.push(`      - name: ${share.name}`, `        fqdn: ${share.fqdn}`);
            servers(share.servers, '        ');
        }
        out.push('    gateways:');
        for (const g of site.gateways) out.push(`      - name: ${g.name}`, `        address: ${g.address}`);
        out.push('    reverseProxies:');
        for (const p of site.reverseProxies) out.push(`      - name: ${p.name}`, `        address: ${p.address}`, ...(p.external ? [`        external: ${p.external}`] : []));
        out.push('    loadBalancers:');
        for (const lb of site.loadBalancers) out.push(`      - name: ${lb.name}`, `        for: ${lb.pool}`, `        vip: ${lb.vip}`);
        out.push('    clients:', `      subnets: [${site.clients.subnets.join(', ')}]`);
        media(site.clients.media, '      ');
    }
    return out.join('\n') + '\n';
}

/** The plain-data form of the YAML document (what a YAML parser would return), for an ajv self-check. */
export function toYamlData(topology: ModelTopology): unknown {
    const servers = (list: ModelServer[]) =>
        list.map((s) =>
            s.address !== undefined
                ? { name: s.name, address: s.address }
                : { name: s.name, internal: s.internal, ...(s.services ? s.services : { external: s.external }) },
        );
    const media = (list: ModelRange[]) => Object.fromEntries(list.map((m) => [m.kind, rangeText(m)]));
    return {
        topology: topology.name,
        sites: topology.sites.map((site) => ({
            name: site.name,
            subnets: site.subnets,
            pools: site.pools.map((p) => ({
                role: p.role,
                name: p.name,
                fqdn: p.fqdn,
                ...(p.edition ? { edition: p.edition } : {}),
                ...(p.nexthop ? { nexthop: p.nexthop } : {}),
                ...(p.federation ? { federation: true } : {}),
                servers: servers(p.servers),
                ...(p.colocateMediation ? { colocateMediation: true } : {}),
                ...(p.hostsCms ? { hostsCms: true } : {}),
                ...(p.loadbalancing ? { loadbalancing: p.loadbalancing } : {}),
                ...(p.gateways.length ? { gateways: p.gateways } : {}),
                ...(p.media.length ? { media: media(p.media) } : {}),
                ...(p.ports.length ? { ports: Object.fromEntries(p.ports.map((x) => [x.service, x.port])) } : {}),
            })),
            fileshares: site.fileshares.map((f) => ({ name: f.name, fqdn: f.fqdn, servers: servers(f.servers) })),
            gateways: site.gateways,
            reverseProxies: site.reverseProxies,
            loadBalancers: site.loadBalancers.map((lb) => ({ name: lb.name, for: lb.pool, vip: lb.vip })),
            clients: { subnets: site.clients.subnets, media: media(site.clients.media) },
        })),
    };
}

/**
 * The same topology after ten administrators' changes in ten sites (the 1,000-pool topology
 * has 20): a server added, a server removed, a pool's media range moved, the clients' audio
 * range moved, a port override changed, two pools renamed, a load balancing mode switched, a
 * gateway retired and a pool added. For the diff benchmark; it validates as cleanly as the original.
 */
export function changeInTenPlaces(original: ModelTopology): ModelTopology {
    const topology = structuredClone(original);
    const site = (n: number) => topology.sites[n - 1] ?? fail(`no site ${n}: ten changes need 20 sites`);
    const pool = (n: number, index: number) => site(n).pools[index] ?? fail(`no pool ${index} in site ${n}`);
    const net = (n: number, c: number, d: number) => `10.${n}.${c}.${d}`;

    pool(2, 3).servers.push({ name: `${pool(2, 3).name}-d`, address: net(2, 4, 14) });
    pool(4, 8).servers.pop();
    pool(6, 2).media = [{ kind: 'audio', first: 52000, last: 52999 }];
    site(8).clients.media[0] = { kind: 'audio', first: 50120, last: 50139 };
    pool(10, 1).ports = [{ service: 'web-internal-https', port: 4445 }];
    pool(12, 4).name += 'x';
    pool(14, 6).name += 'x';
    pool(16, 8).loadbalancing = 'dns';
    const retired = pool(18, 9);
    site(18).gateways = site(18).gateways.filter((gateway) => !retired.gateways.includes(gateway.name));
    retired.gateways = [];
    const added = `s020-p99`;
    site(20).pools.push({ role: 'officewebapps', name: added, fqdn: `${added}.bench.example`, servers: [{ name: `${added}-a`, address: net(20, 100, 11) }], gateways: [], media: [], ports: [] });
    return topology;
}

function fail(message: string): never {
    throw new Error(`bench: ${message}`);
}
