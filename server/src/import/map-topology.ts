import { defaultMediaEntry, serverEntriesFor, type PoolRoleContext } from '../catalogue/queries.js';
import type { PoolRole } from '../catalogue/types.js';
import { fqdnProblem } from '../net/fqdn.js';
import { isUnknownAddress, normaliseIpv4, UNKNOWN_ADDRESS, UNKNOWN_SUBNET } from '../net/ipv4.js';
import type { Bilingual } from '../catalogue/types.js';
import { DIALECT_NAMES, type ImportedCluster, type ImportedMachine, type ImportedService, type ImportedTopology } from './imported-topology.js';
import { portMeaning } from './port-mapping.js';
import type { XmlElement } from './read-xml.js';

/** One finding of the import report, in both languages, with the line of the XML it is about. */
export interface ReportItem {
    line?: number;
    text: Bilingual;
}

export interface ImportReport {
    /** What became a statement of the topology (or a comment naming it). */
    mapped: ReportItem[];
    /** Facts the XML does not hold, written as placeholders that `sfbtopo validate` reports. */
    left: ReportItem[];
    /** Elements of the XML with no counterpart in the language. */
    unmapped: ReportItem[];
}

export interface MappedTopology {
    /** The topology in the language, not yet laid out by the formatter. */
    text: string;
    report: ImportReport;
    /** Host names whose (internal) address the XML does not hold: what --hosts and --resolve can fill. */
    unknownHosts: string[];
}

export interface MapOptions {
    /** The source file's name, for the opening comment. */
    sourceName: string;
    /** Addresses found for host names (lower case) by --hosts or --resolve. */
    knownAddresses?: ReadonlyMap<string, string>;
}

/** Services that make a cluster a pool of this role, in the order they are tried. */
type ClusterKind = PoolRole | 'fileshare' | 'gateway';

/** Services a pool's cluster runs besides the one that gives it its role: part of that pool. */
const COMPANIONS: Partial<Record<ClusterKind, readonly string[]>> = {
    frontend: ['UserServices', 'Registrar', 'WebServices', 'ConfServices', 'ApplicationServer', 'CentralMgmt', 'MediationServer', 'FileStore', 'MonitoringServer', 'ArchivingServer'],
    director: ['Registrar', 'UserServices', 'WebServices', 'FileStore'],
};

/** Roles not in the port catalogue, named in a comment where they run. */
const COMMENTED_ROLES: Readonly<Record<string, string>> = {
    MonitoringServer: 'monitoring',
    ArchivingServer: 'archiving',
};

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_-]*$/;

/**
 * Maps the dialect-neutral topology to the language (issue 17's rules): sites, pools by the
 * services on each cluster, servers with their addresses, ports and media ranges that differ
 * from the catalogue, gateways linked from the Mediation pools that depend on them. What the
 * XML does not hold is written as the placeholders 0.0.0.0 and 0.0.0.0/0, never guessed.
 */
export function mapTopology(topology: ImportedTopology, options: MapOptions): MappedTopology {
    return new TopologyMapper(topology, options).map();
}

class TopologyMapper {
    private readonly lines: string[] = [];
    private readonly report: ImportReport = { mapped: [], left: [], unmapped: [] };
    private readonly unknownHosts = new Set<string>();
    private readonly usedNames = new Set<string>();
    private readonly servicesOn = new Map<string, ImportedService[]>();
    private readonly serviceByKey: Map<string, ImportedService>;
    /** Pool (or gateway) name of each cluster that became one, and its kind. */
    private readonly clusterNames = new Map<string, { name: string; kind: ClusterKind }>();
    /** Services that became part of something: the rest are reported. */
    private readonly usedServices = new Set<ImportedService>();
    private readonly serverNames = new Map<ImportedMachine, string>();

    constructor(
        private readonly topology: ImportedTopology,
        private readonly options: MapOptions,
    ) {
        this.serviceByKey = new Map(topology.services.map((service) => [service.key, service]));
        for (const service of topology.services) {
            if (service.clusterKey === undefined) continue;
            const list = this.servicesOn.get(service.clusterKey) ?? [];
            list.push(service);
            this.servicesOn.set(service.clusterKey, list);
        }
    }

    map(): MappedTopology {
        const { topology } = this;
        const kinds = new Map(topology.clusters.map((cluster) => [cluster.key, this.kindOf(cluster)]));
        // Names first, so that a Mediation pool can name a gateway declared further down. Servers
        // keep their host names; a pool named like its only server (Standard Edition, a file
        // server) becomes NAME-pool.
        for (const cluster of topology.clusters) {
            const kind = kinds.get(cluster.key);
            if (kind === undefined || kind === 'gateway') continue;
            for (const machine of cluster.machines) this.serverNames.set(machine, this.uniqueName(firstLabel(machine.fqdn), 'server'));
        }
        for (const cluster of topology.clusters) {
            const kind = kinds.get(cluster.key);
            const fallback = kind === 'gateway' ? 'gateway' : kind === 'fileshare' ? 'share' : 'pool';
            if (kind) this.clusterNames.set(cluster.key, { name: this.uniqueName(firstLabel(cluster.fqdn), fallback), kind });
        }

        this.lines.push(`// Imported by sfbtopo from ${this.options.sourceName}, a ${DIALECT_NAMES[topology.dialect]}.`);
        this.lines.push('// 0.0.0.0 and 0.0.0.0/0 mark facts the XML does not hold: `sfbtopo validate` lists each one to fill in.');
        const topologyName = this.uniqueName(topology.defaultDomain ? firstLabel(topology.defaultDomain) : 'Imported', 'topology');
        this.lines.push(`topology ${topologyName}`, '');

        for (const site of topology.sites) {
            const name = this.uniqueName(site.name, 'site');
            this.report.mapped.push({ line: site.line, text: { en: `site ${name} from ${site.kind} site '${site.name}'`, ja: `サイト ${name} (${site.kind === 'central' ? '中央サイト' : '支社サイト'} '${site.name}' から)` } });
            if (name !== site.name) this.lines.push(`// The XML calls this site "${commentSafe(site.name)}".`);
            this.lines.push(`site ${name} {`);
            const clusters = topology.clusters.filter((cluster) => cluster.siteKey === site.key);
            this.writeSubnets(name, clusters, kinds, site.line);
            for (const cluster of clusters) this.writeCluster(cluster, kinds.get(cluster.key));
            this.writeSqlComment(site.key);
            this.lines.push('}', '');
        }

        for (const cluster of topology.clusters) {
            if (!topology.sites.some((site) => site.key === cluster.siteKey)) {
                this.report.unmapped.push({ line: cluster.line, text: { en: `cluster ${cluster.fqdn}: its site ${cluster.siteKey} is not in the topology`, ja: `クラスター ${cluster.fqdn}: そのサイト ${cluster.siteKey} がトポロジにありません` } });
            }
        }
        for (const service of topology.services) {
            if (!this.usedServices.has(service)) this.report.unmapped.push({ line: service.line, text: { en: `service ${service.role} (${service.key}): no pool of the language runs it`, ja: `サービス ${service.role} (${service.key}): これを実行するプールは言語にありません` } });
        }
        for (const element of unreadElements(topology.root, topology.read)) {
            this.report.unmapped.push({ line: element.line, text: { en: `<${element.name}>: not part of the sfbtopo language`, ja: `<${element.name}>: sfbtopo の言語にはありません` } });
        }
        this.report.unmapped.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
        return { text: `${indented(this.lines).join('\n')}\n`, report: this.report, unknownHosts: [...this.unknownHosts] };
    }

    private rolesOn(cluster: ImportedCluster): Set<string> {
        return new Set((this.servicesOn.get(cluster.key) ?? []).map((service) => service.role));
    }

    private kindOf(cluster: ImportedCluster): ClusterKind | undefined {
        const roles = this.rolesOn(cluster);
        const director = (this.servicesOn.get(cluster.key) ?? []).some((service) => service.role === 'Registrar' && service.isDirector);
        if (roles.has('EdgeServer')) return 'edge';
        if (director) return 'director';
        if (roles.has('UserServices') && roles.has('Registrar')) return 'frontend';
        if (roles.has('MediationServer')) return 'mediation';
        if (roles.has('PersistentChatServer')) return 'persistentchat';
        if (roles.has('WacService')) return 'officewebapps';
        if (roles.has('FileStore')) return 'fileshare';
        if (roles.has('PstnGateway')) return 'gateway';
        return undefined;
    }

    /** The services of a cluster that its kind explains, marked as used. */
    private takeServices(cluster: ImportedCluster, kind: ClusterKind): ImportedService[] {
        const roleOf: Record<ClusterKind, string> = {
            frontend: 'UserServices',
            director: 'Registrar',
            mediation: 'MediationServer',
            persistentchat: 'PersistentChatServer',
            officewebapps: 'WacService',
            edge: 'EdgeServer',
            exchangeum: '',
            fileshare: 'FileStore',
            gateway: 'PstnGateway',
        };
        const allowed = new Set([roleOf[kind], ...(COMPANIONS[kind] ?? [])]);
        const taken = (this.servicesOn.get(cluster.key) ?? []).filter((service) => allowed.has(service.role));
        for (const service of taken) this.usedServices.add(service);
        return taken;
    }

    private writeSubnets(site: string, clusters: ImportedCluster[], kinds: Map<string, ClusterKind | undefined>, line: number): void {
        const hasServers = clusters.some((cluster) => {
            const kind = kinds.get(cluster.key);
            return kind !== undefined && kind !== 'gateway' && kind !== 'edge';
        });
        const servers = this.uniqueName(`${site}-servers`, 'subnet');
        const clients = this.uniqueName(`${site}-clients`, 'subnet');
        if (hasServers) this.lines.push(`subnet ${servers} ${UNKNOWN_SUBNET}`);
        this.lines.push(`subnet ${clients} ${UNKNOWN_SUBNET}`);
        this.lines.push(`clients {`, `subnet ${clients}`, `}`);
        this.report.left.push({
            line,
            text: {
                en: `subnets of site ${site}: ${hasServers ? `${servers} (the servers' network) and ` : ''}${clients} (the clients' network)`,
                ja: `サイト ${site} のサブネット: ${hasServers ? `${servers} (サーバーのネットワーク) と ` : ''}${clients} (クライアントのネットワーク)`,
            },
        });
    }

    private writeCluster(cluster: ImportedCluster, kind: ClusterKind | undefined): void {
        if (kind === undefined) {
            this.writeUnpooledCluster(cluster);
            return;
        }
        const { name } = this.clusterNames.get(cluster.key)!;
        const services = this.takeServices(cluster, kind);
        if (kind === 'gateway') {
            this.writeGateway(cluster, name);
            return;
        }
        if (kind === 'fileshare') {
            this.report.mapped.push({ line: cluster.line, text: { en: `fileshare ${name} from file store ${cluster.fqdn}`, ja: `ファイル共有 ${name} (ファイル ストア ${cluster.fqdn} から)` } });
            this.lines.push(`fileshare ${name} {`, this.fqdnLine(cluster, name));
            for (const machine of cluster.machines) this.writeServer(machine, false);
            this.lines.push('}');
            return;
        }
        const roles = new Set(services.map((service) => service.role));
        const standard = kind === 'frontend' && cluster.machines.length === 1 && this.topology.sqlInstances.some((instance) => instance.clusterKey === cluster.key);
        const context: PoolRoleContext = { role: kind, colocatedMediation: kind === 'frontend' && roles.has('MediationServer'), hostsCms: roles.has('CentralMgmt') };
        const described: Bilingual[] = [
            ...(kind === 'frontend' ? [standard ? { en: 'Standard Edition', ja: 'Standard Edition' } : { en: 'Enterprise Edition', ja: 'Enterprise Edition' }] : []),
            ...(context.colocatedMediation ? [{ en: 'collocated Mediation', ja: '仲介サーバー併置' }] : []),
            ...(context.hostsCms ? [{ en: 'Central Management Store', ja: '中央管理ストア' }] : []),
        ];
        const details = (language: keyof Bilingual, none: string) => described.map((d) => d[language]).join(language === 'en' ? ', ' : '、') || none;
        this.report.mapped.push({
            line: cluster.line,
            text: { en: `${kind} pool ${name} (${details('en', 'from its services')}) from cluster ${cluster.fqdn}`, ja: `${kind} プール ${name} (${details('ja', 'サービスから')}、クラスター ${cluster.fqdn} から)` },
        });

        this.lines.push(`${kind} pool ${name} {`, this.fqdnLine(cluster, name));
        if (kind === 'frontend') this.lines.push(`edition ${standard ? 'standard' : 'enterprise'}`);
        if (kind === 'edge') this.writeNextHop(services);
        for (const machine of cluster.machines) this.writeServer(machine, kind === 'edge');
        if (context.colocatedMediation) this.lines.push('colocate mediation');
        if (context.hostsCms) this.lines.push('hosts cms');
        if (roles.has('MediationServer')) this.writeGatewayLinks(services);
        this.writePorts(services, context, name);
        const commented = [...roles].filter((role) => COMMENTED_ROLES[role]).map((role) => COMMENTED_ROLES[role]);
        if (roles.has('FileStore')) commented.push('the file store (its share is on this pool\'s servers)');
        if (commented.length > 0) this.lines.push(`// Also runs ${commented.join(', ')}: not in the port catalogue.`);
        this.lines.push('}');

        if (cluster.machines.length > 1 && (kind === 'frontend' || kind === 'director' || kind === 'mediation' || kind === 'edge') && !standard) {
            this.report.left.push({
                line: cluster.line,
                text: {
                    en: `load balancing of pool ${name} (${cluster.machines.length} servers): add \`loadbalancing dns\` or \`loadbalancing hardware\`, and for hardware a load balancer with its virtual IPs`,
                    ja: `プール ${name} (サーバー ${cluster.machines.length} 台) の負荷分散: \`loadbalancing dns\` か \`loadbalancing hardware\` を追加し、ハードウェアの場合は仮想 IP を持つロード バランサーも追加します`,
                },
            });
        }
    }

    /** A cluster no pool role explains: the SQL Server back end is named in the site's comment, the rest reported. */
    private writeUnpooledCluster(cluster: ImportedCluster): void {
        if (this.topology.sqlInstances.some((instance) => instance.clusterKey === cluster.key) && !this.servicesOn.has(cluster.key)) {
            this.report.mapped.push({ line: cluster.line, text: { en: `SQL Server ${cluster.fqdn}: named in a comment (SQL stores are not in the port catalogue)`, ja: `SQL Server ${cluster.fqdn}: コメントに記載 (SQL ストアはポート カタログにありません)` } });
            return;
        }
        const roles = [...this.rolesOn(cluster)];
        // Reported once, with the cluster, not again service by service.
        for (const service of this.servicesOn.get(cluster.key) ?? []) this.usedServices.add(service);
        const runs = roles.length ? ` (${roles.join(', ')})` : '';
        this.report.unmapped.push({
            line: cluster.line,
            text: { en: `cluster ${cluster.fqdn}${runs}: no pool of the language runs these services`, ja: `クラスター ${cluster.fqdn}${runs}: これらのサービスを実行するプールは言語にありません` },
        });
    }

    private writeSqlComment(siteKey: string): void {
        const stores = this.topology.services.filter((service) => service.siteKey === siteKey && service.sqlInstanceKey !== undefined);
        if (stores.length === 0) return;
        const byInstance = new Map<string, string[]>();
        for (const store of stores) {
            this.usedServices.add(store);
            const list = byInstance.get(store.sqlInstanceKey!) ?? [];
            list.push(store.role);
            byInstance.set(store.sqlInstanceKey!, list);
        }
        for (const [key, roles] of byInstance) {
            const instance = this.topology.sqlInstances.find((candidate) => candidate.key === key);
            const host = this.topology.clusters.find((cluster) => cluster.key === instance?.clusterKey)?.fqdn ?? '?';
            this.lines.push(`// SQL Server stores (not in the port catalogue): ${roles.join(', ')} on ${commentSafe(host)}\\${commentSafe(instance?.name ?? '')}`);
            this.report.mapped.push({ text: { en: `SQL stores ${roles.join(', ')} on ${host}\\${instance?.name ?? ''}: named in a comment`, ja: `${host}\\${instance?.name ?? ''} の SQL ストア ${roles.join(', ')}: コメントに記載` } });
        }
    }

    /**
     * The `fqdn` statement of a pool or file share. The XML's text goes between quotes only
     * when it is a DNS name: anything else (a quote, a line break) could end the string and
     * write statements of its own. Otherwise it is left empty, for validation to report.
     */
    private fqdnLine(cluster: ImportedCluster, name: string): string {
        if (fqdnProblem(cluster.fqdn) === undefined) return `fqdn "${cluster.fqdn}"`;
        const given = JSON.stringify(cluster.fqdn);
        this.report.left.push({ line: cluster.line, text: { en: `FQDN of ${name}: the XML's ${given} is not a DNS name`, ja: `${name} の FQDN: XML の ${given} は DNS 名ではありません` } });
        return 'fqdn ""';
    }

    private writeGateway(cluster: ImportedCluster, name: string): void {
        const literal = normaliseIpv4(cluster.fqdn);
        const primary = cluster.machines[0] && ipv4Of(interfaceAddress(cluster.machines[0], 'Primary', 1));
        const address = literal ?? primary ?? this.known(cluster.fqdn);
        this.report.mapped.push({ line: cluster.line, text: { en: `gateway ${name} from PSTN gateway ${cluster.fqdn}`, ja: `ゲートウェイ ${name} (PSTN ゲートウェイ ${cluster.fqdn} から)` } });
        if (address === undefined) {
            this.unknownHosts.add(cluster.fqdn.toLowerCase());
            this.report.left.push({ line: cluster.line, text: { en: `address of gateway ${name} (${cluster.fqdn})`, ja: `ゲートウェイ ${name} (${cluster.fqdn}) のアドレス` } });
        }
        this.lines.push(`gateway ${name} ${address ?? UNKNOWN_ADDRESS} // ${commentSafe(cluster.fqdn)}`);
    }

    /** The gateways a Mediation service depends on, named inside its pool. */
    private writeGatewayLinks(services: ImportedService[]): void {
        const linked = new Set<string>();
        for (const service of services.filter((candidate) => candidate.role === 'MediationServer')) {
            for (const dependency of service.dependsOn) {
                const target = this.serviceByKey.get(dependency);
                const gateway = target?.role === 'PstnGateway' && target.clusterKey ? this.clusterNames.get(target.clusterKey) : undefined;
                if (gateway?.kind === 'gateway' && !linked.has(gateway.name)) {
                    linked.add(gateway.name);
                    this.lines.push(`gateway ${gateway.name}`);
                }
            }
        }
    }

    /** The Director or Front End pool the Edge's service depends on for SIP. */
    private writeNextHop(services: ImportedService[]): void {
        for (const service of services) {
            for (const dependency of service.dependsOn) {
                const target = this.serviceByKey.get(dependency);
                const pool = target?.role === 'Registrar' && target.clusterKey ? this.clusterNames.get(target.clusterKey) : undefined;
                if (pool && (pool.kind === 'director' || pool.kind === 'frontend')) {
                    this.lines.push(`nexthop ${pool.name}`);
                    return;
                }
            }
        }
    }

    private writeServer(machine: ImportedMachine, edge: boolean): void {
        const name = this.serverNames.get(machine)!;
        const comment = ` // ${commentSafe(machine.fqdn)}`;
        if (!edge) {
            const address = this.ownAddress(machine, 'Primary', name);
            this.lines.push(`server ${name} ${address}${comment}`);
            return;
        }
        const internal = this.ownAddress(machine, 'Internal', name);
        const external = machine.interfaces.filter((nic) => nic.side === 'External').sort((a, b) => a.number - b.number);
        const publicAddress = (number: number, label: string) => {
            const found = ipv4Of(interfaceAddress(machine, 'External', number));
            if (found === undefined) {
                this.report.left.push({ line: machine.line, text: { en: `${label} address of Edge server ${name} (${machine.fqdn})`, ja: `エッジ サーバー ${name} (${machine.fqdn}) の ${label} アドレス` } });
                return UNKNOWN_ADDRESS;
            }
            return found;
        };
        let legs: string;
        let natFrom: number;
        if (external.length >= 3) {
            legs = `access ${publicAddress(1, 'access')} webconf ${publicAddress(2, 'webconf')} av ${publicAddress(3, 'av')}`;
            natFrom = 3;
        } else {
            legs = `external ${publicAddress(1, 'external')}`;
            natFrom = 1;
        }
        const nat = ipv4Of(external.find((nic) => nic.number === natFrom)?.configured);
        this.lines.push(`server ${name} internal ${internal} ${legs}${nat ? ` nat ${nat}` : ''}${comment}`);
    }

    /** The address a machine's FQDN resolves to: from the XML, else --hosts or --resolve, else the placeholder. */
    private ownAddress(machine: ImportedMachine, side: 'Primary' | 'Internal', server: string): string {
        const recorded = interfaceAddress(machine, side, 1);
        const address = ipv4Of(recorded);
        if (address) return address;
        const known = this.known(machine.fqdn);
        if (known) {
            this.report.mapped.push({ line: machine.line, text: { en: `address ${known} of server ${server} from the host name ${machine.fqdn}`, ja: `サーバー ${server} のアドレス ${known} (ホスト名 ${machine.fqdn} から)` } });
            return known;
        }
        this.unknownHosts.add(machine.fqdn.toLowerCase());
        this.report.left.push({
            line: machine.line,
            text: { en: `address of server ${server} (${machine.fqdn}): the XML records ${recorded ?? 'none'}`, ja: `サーバー ${server} (${machine.fqdn}) のアドレス: XML の記録は ${recorded ?? 'なし'}` },
        });
        return UNKNOWN_ADDRESS;
    }

    private known(fqdn: string): string | undefined {
        return this.options.knownAddresses?.get(fqdn.toLowerCase());
    }

    /** `port SERVICE N` and `media KIND FIRST-LAST` where the XML differs from the catalogue. */
    private writePorts(services: ImportedService[], context: PoolRoleContext, pool: string): void {
        const entries = serverEntriesFor(context);
        const written = new Map<string, number>();
        const mediaWritten = new Set<string>();
        for (const service of services) {
            for (const port of service.ports) {
                const meaning = portMeaning(port);
                const owner = port.owner || service.role;
                const what = { en: `port ${port.port} of ${owner} (${port.usage || 'no usage'}, ${port.side})`, ja: `${owner} (${port.usage || '用途なし'}, ${port.side}) のポート ${port.port}` };
                if (meaning?.kind === 'media') {
                    const entry = defaultMediaEntry(context, meaning.media);
                    if (!entry) {
                        this.report.unmapped.push({ line: port.line, text: { en: `${what.en}: the catalogue has no ${meaning.media} range for ${context.role} servers`, ja: `${what.ja}: カタログには ${context.role} サーバーの ${meaning.media} の範囲がありません` } });
                    } else if ((entry.from !== meaning.first || entry.to !== meaning.last) && !mediaWritten.has(meaning.media)) {
                        mediaWritten.add(meaning.media);
                        this.lines.push(`media ${meaning.media} ${meaning.first}-${meaning.last}`);
                        const range = `media ${meaning.media} ${meaning.first}-${meaning.last}`;
                        this.report.mapped.push({
                            line: port.line,
                            text: { en: `${range} of pool ${pool} (the catalogue's is ${entry.from}-${entry.to})`, ja: `プール ${pool} の ${range} (カタログの値は ${entry.from}-${entry.to})` },
                        });
                    }
                    continue;
                }
                const entry = meaning && entries.find((candidate) => candidate.key === meaning.key);
                if (!meaning || !entry) {
                    this.report.unmapped.push({ line: port.line, text: { en: `${what.en}: not in the port catalogue for ${context.role} servers`, ja: `${what.ja}: ${context.role} サーバーのポート カタログにありません` } });
                    continue;
                }
                const earlier = written.get(meaning.key);
                if (earlier !== undefined) {
                    if (earlier !== port.port) this.report.unmapped.push({ line: port.line, text: { en: `${what.en}: ${meaning.key} is already ${earlier} in this pool`, ja: `${what.ja}: このプールの ${meaning.key} はすでに ${earlier} です` } });
                    continue;
                }
                written.set(meaning.key, port.port);
                if (entry.from !== port.port) {
                    this.lines.push(`port ${meaning.key} ${port.port}`);
                    this.report.mapped.push({ line: port.line, text: { en: `port ${meaning.key} ${port.port} of pool ${pool} (the catalogue's is ${entry.from})`, ja: `プール ${pool} の port ${meaning.key} ${port.port} (カタログの値は ${entry.from})` } });
                }
            }
        }
    }

    /**
     * A valid identifier from a name of the XML, not yet used by anything (names are unique
     * regardless of case): FALLBACK-NAME when the name does not start with a letter (a gateway
     * known by its address), NAME-FALLBACK when the name is taken, then numbered.
     */
    private uniqueName(wanted: string, fallback: string): string {
        const cleaned = wanted.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '');
        const base = IDENTIFIER.test(cleaned) ? cleaned : cleaned ? `${fallback}-${cleaned}` : fallback;
        let name = this.usedNames.has(base.toLowerCase()) ? `${base}-${fallback}` : base;
        for (let suffix = 2; this.usedNames.has(name.toLowerCase()); suffix++) name = `${base}-${suffix}`;
        this.usedNames.add(name.toLowerCase());
        return name;
    }
}

/**
 * Lines indented by their block depth, as the formatter lays them out: it then has next to
 * nothing to change, which on a large import is most of its time.
 */
function indented(lines: string[]): string[] {
    let depth = 0;
    return lines.map((line) => {
        if (line.startsWith('}')) depth--;
        const result = line === '' ? line : '  '.repeat(Math.max(depth, 0)) + line;
        if (line.endsWith('{')) depth++;
        return result;
    });
}

/** The host name of an FQDN; all of it when it is an address (a gateway may be known only by one). */
function firstLabel(fqdn: string): string {
    return normaliseIpv4(fqdn) ? fqdn : fqdn.split('.')[0];
}

/** A `//` comment ends at the line's end: the XML's text may not carry a line break (nor a block comment's end) into it. */
function commentSafe(text: string): string {
    return text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(/\*\//g, '* /');
}

/**
 * An address the XML records, as the language writes it; undefined for "all addresses"
 * (0.0.0.0), none, or anything that is not an IPv4 address (never written into the topology).
 */
function ipv4Of(recorded: string | undefined): string | undefined {
    const address = recorded === undefined ? undefined : normaliseIpv4(recorded);
    return address && !isUnknownAddress(address) ? address : undefined;
}

function interfaceAddress(machine: ImportedMachine, side: string, number: number): string | undefined {
    return machine.interfaces.find((nic) => nic.side === side && nic.number === number)?.address;
}

/** The outermost elements the readers did not take in. */
function unreadElements(root: XmlElement, read: ReadonlySet<XmlElement>): XmlElement[] {
    const found: XmlElement[] = [];
    const visit = (element: XmlElement) => {
        if (!read.has(element)) {
            found.push(element);
            return;
        }
        for (const child of element.children) visit(child);
    };
    visit(root);
    return found;
}
