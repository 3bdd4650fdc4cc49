import {
    childNamed,
    childrenNamed,
    type Dialect,
    type ImportedCluster,
    type ImportedInterface,
    type ImportedMachine,
    type ImportedPort,
    type ImportedService,
    type ImportedSite,
    type ImportedSqlInstance,
    type ImportedTopology,
} from './imported-topology.js';
import type { Bilingual } from '../catalogue/types.js';
import type { XmlElement, XmlProblem } from './read-xml.js';

const NAMESPACES = {
    builder: 'urn:schema:Microsoft.Rtc.Management.Deploy.TopologyBuilder.2008',
    published: 'urn:schema:Microsoft.Rtc.Management.Deploy.Topology.2008',
};

export type TopologyXmlResult = { ok: true; topology: ImportedTopology } | { ok: false; problem: XmlProblem };

/**
 * Reads either dialect into the dialect-neutral model. The root decides: `TopologyBuilder`
 * (a Topology Builder document, whose `NewTopology/PartialTopology` holds the topology) or
 * `Topology` (what `Get-CsTopology -AsXml` prints and `Publish-CsTopology` reads). Anything
 * else is refused at the root's place. Elements that lack what makes them usable (a cluster
 * without its id, say) are skipped here and reported as unmapped with their line.
 */
export function readTopologyXml(root: XmlElement): TopologyXmlResult {
    const place = { line: root.line, column: root.column };
    if (root.name === 'TopologyBuilder') {
        if (root.namespace !== NAMESPACES.builder) return { ok: false, problem: { ...place, message: wrongNamespace(root, NAMESPACES.builder) } };
        const partial = childNamed(root, 'NewTopology') && childNamed(childNamed(root, 'NewTopology')!, 'PartialTopology');
        if (!partial) {
            return {
                ok: false,
                problem: {
                    ...place,
                    message: {
                        en: 'this Topology Builder document has no NewTopology/PartialTopology: nothing to import',
                        ja: 'この Topology Builder のドキュメントには NewTopology/PartialTopology がないため、インポートするものがありません',
                    },
                },
            };
        }
        const read = new Set<XmlElement>([root, childNamed(root, 'NewTopology')!]);
        return { ok: true, topology: readBuilder(partial, root, read) };
    }
    if (root.name === 'Topology') {
        if (root.namespace !== NAMESPACES.published) return { ok: false, problem: { ...place, message: wrongNamespace(root, NAMESPACES.published) } };
        return { ok: true, topology: readPublished(root) };
    }
    return {
        ok: false,
        problem: {
            ...place,
            message: {
                en: `the root element is <${root.name}>, but a topology file starts with <TopologyBuilder> (Topology Builder, .tbxml) or <Topology> (Get-CsTopology -AsXml)`,
                ja: `ルート要素が <${root.name}> です。トポロジのファイルは <TopologyBuilder> (Topology Builder、.tbxml) か <Topology> (Get-CsTopology -AsXml) で始まります`,
            },
        },
    };
}

function wrongNamespace(root: XmlElement, expected: string): Bilingual {
    return {
        en: `<${root.name}> is in the namespace '${root.namespace || '(none)'}', not ${expected}; this is not a Skype for Business topology`,
        ja: `<${root.name}> の名前空間が ${expected} ではなく '${root.namespace || '(なし)'}' です。Skype for Business のトポロジではありません`,
    };
}

/** What both dialects share once their objects are found. */
class ModelBuilder {
    readonly sites: ImportedSite[] = [];
    readonly clusters: ImportedCluster[] = [];
    readonly services: ImportedService[] = [];
    readonly sqlInstances: ImportedSqlInstance[] = [];
    defaultDomain?: string;

    constructor(
        readonly dialect: Dialect,
        readonly root: XmlElement,
        readonly read: Set<XmlElement>,
    ) {}

    take(...elements: Array<XmlElement | undefined>): void {
        for (const element of elements) if (element) this.read.add(element);
    }

    domains(parent: XmlElement): void {
        const domains = childNamed(parent, 'InternalDomains');
        if (!domains) return;
        this.take(domains, ...childrenNamed(domains, 'InternalDomain'));
        this.defaultDomain = domains.attributes.get('DefaultDomain');
    }

    site(element: XmlElement, key: string, kind: 'central' | 'branch'): void {
        const name = childNamed(element, 'Name');
        this.take(element, name, childNamed(element, 'Location'));
        this.sites.push({ key, name: name?.text || `site-${key}`, kind, line: element.line });
    }

    machine(element: XmlElement, clusterFqdn: string): ImportedMachine {
        const interfaces: ImportedInterface[] = [];
        for (const nic of childrenNamed(element, 'NetInterface')) {
            this.take(nic);
            interfaces.push({
                side: nic.attributes.get('InterfaceSide') ?? 'Primary',
                number: Number(nic.attributes.get('InterfaceNumber') ?? '1'),
                address: nic.attributes.get('IPAddress'),
                configured: nic.attributes.get('ConfiguredIPAddress') || undefined,
                line: nic.line,
            });
        }
        this.take(element);
        // A Standard Edition server's machine may leave its FQDN to the cluster.
        return { fqdn: element.attributes.get('Fqdn') || clusterFqdn, interfaces, line: element.line };
    }

    service(element: XmlElement, fields: Omit<ImportedService, 'ports' | 'isDirector' | 'line'>): void {
        const ports: ImportedPort[] = [];
        const portList = childNamed(element, 'Ports');
        this.take(element, portList, childNamed(element, 'DependsOn'), childNamed(element, 'InstalledOn'));
        for (const port of portList ? childrenNamed(portList, 'Port') : []) {
            const number = Number(port.attributes.get('Port'));
            if (!Number.isInteger(number)) continue; // left unread: reported with its line
            this.take(port);
            const range = port.attributes.get('Range');
            ports.push({
                owner: (port.attributes.get('Owner') ?? '').replace(/^urn:component:/, ''),
                usage: port.attributes.get('Usage') ?? '',
                side: port.attributes.get('InterfaceSide') ?? 'Primary',
                protocol: port.attributes.get('Protocol') ?? '',
                port: number,
                range: range === undefined ? undefined : Number(range),
                line: port.line,
            });
        }
        const registrar = childNamed(element, 'RegistrarService');
        this.take(registrar);
        this.services.push({ ...fields, ports, isDirector: registrar?.attributes.get('IsDirector') === 'true', line: element.line });
    }

    topology(): ImportedTopology {
        const { dialect, defaultDomain, sites, clusters, services, sqlInstances, read, root } = this;
        return { dialect, defaultDomain, sites, clusters, services, sqlInstances, read, root };
    }
}

/** A GUID as Topology Builder writes it, compared without braces or letter case. */
function guid(text: string | undefined): string | undefined {
    return text?.replace(/[{}]/g, '').toLowerCase() || undefined;
}

/**
 * Topology Builder: sites hold their clusters (`CentralSite/Clusters/Cluster`, branch sites
 * likewise under `BranchSites`), machines sit in `Machines`, and services, SQL instances and
 * dependencies name what they are installed on or depend on by `UniqueId`.
 */
function readBuilder(partial: XmlElement, root: XmlElement, read: Set<XmlElement>): ImportedTopology {
    const model = new ModelBuilder('topology-builder', root, read);
    model.take(partial);
    model.domains(partial);
    const centralSites = childNamed(partial, 'CentralSites');
    model.take(centralSites);
    const siteOfCluster = new Map<string, string>();
    const readClusters = (site: XmlElement, siteKey: string) => {
        const clusters = childNamed(site, 'Clusters');
        model.take(clusters);
        for (const cluster of clusters ? childrenNamed(clusters, 'Cluster') : []) {
            const key = guid(cluster.attributes.get('UniqueId'));
            const fqdn = cluster.attributes.get('Fqdn') ?? '';
            if (!key) continue;
            const machines = childNamed(cluster, 'Machines');
            model.take(cluster, machines);
            siteOfCluster.set(key, siteKey);
            model.clusters.push({
                key,
                siteKey,
                fqdn,
                machines: (machines ? childrenNamed(machines, 'Machine') : []).map((machine) => model.machine(machine, fqdn)),
                line: cluster.line,
            });
        }
    };
    /** A site and its clusters; false for one without an id (left unmapped). */
    const readSite = (site: XmlElement, kind: 'central' | 'branch'): boolean => {
        const key = site.attributes.get('SiteId') ?? guid(site.attributes.get('UniqueId'));
        if (!key) return false;
        model.site(site, key, kind);
        readClusters(site, key);
        return true;
    };
    for (const central of centralSites ? childrenNamed(centralSites, 'CentralSite') : []) {
        if (!readSite(central, 'central')) continue;
        const branches = childNamed(central, 'BranchSites');
        model.take(branches);
        for (const branch of branches ? childrenNamed(branches, 'BranchSite') : []) readSite(branch, 'branch');
    }

    const sqlInstances = childNamed(partial, 'SqlInstances');
    model.take(sqlInstances);
    for (const instance of sqlInstances ? childrenNamed(sqlInstances, 'SqlInstance') : []) {
        const key = guid(instance.attributes.get('UniqueId'));
        const clusterKey = guid(instance.attributes.get('InstalledOn'));
        if (!key || !clusterKey) continue;
        model.take(instance);
        model.sqlInstances.push({ key, name: instance.attributes.get('Name') ?? '', clusterKey });
    }
    const instanceCluster = new Map(model.sqlInstances.map((instance) => [instance.key, instance.clusterKey]));

    const services = childNamed(partial, 'Services');
    model.take(services);
    for (const service of services ? childrenNamed(services, 'Service') : []) {
        const key = guid(service.attributes.get('UniqueId'));
        const role = service.attributes.get('RoleName');
        const installedOn = guid(service.attributes.get('InstalledOn'));
        if (!key || !role || !installedOn) continue;
        const onSql = instanceCluster.has(installedOn);
        const cluster = onSql ? instanceCluster.get(installedOn)! : installedOn;
        const siteKey = siteOfCluster.get(cluster);
        if (siteKey === undefined) continue;
        const dependencies = childNamed(service, 'DependsOn');
        const dependsOn = (dependencies ? childrenNamed(dependencies, 'Dependency') : []).flatMap((dependency) => {
            const target = guid(dependency.attributes.get('ServiceUniqueId'));
            if (target) model.take(dependency);
            return target ? [target] : [];
        });
        model.service(service, { key, role, siteKey, clusterKey: onSql ? undefined : cluster, sqlInstanceKey: onSql ? installedOn : undefined, dependsOn });
    }
    return model.topology();
}

/** `SiteId/Number` of a `ClusterId`. */
function clusterId(element: XmlElement | undefined): string | undefined {
    const site = element?.attributes.get('SiteId');
    const number = element?.attributes.get('Number');
    return site && number ? `${site}/${number}` : undefined;
}

/** `SiteId/RoleName/Instance` of a `ServiceId`. */
function serviceId(element: XmlElement | undefined): { key: string; role: string; site: string } | undefined {
    const site = element?.attributes.get('SiteId');
    const role = element?.attributes.get('RoleName');
    const instance = element?.attributes.get('Instance');
    return site && role && instance ? { key: `${site}/${role}/${instance}`, role, site } : undefined;
}

/**
 * A published topology: sites listed under `Sites`, clusters under `Clusters` each with a
 * `ClusterId` (site and number) and its machines directly inside, and services whose
 * `ServiceId`, `InstalledOn` and dependencies name everything by those numbers.
 */
function readPublished(root: XmlElement): ImportedTopology {
    const model = new ModelBuilder('published', root, new Set([root]));
    model.domains(root);
    const sites = childNamed(root, 'Sites');
    model.take(sites);
    for (const site of sites?.children ?? []) {
        const key = site.attributes.get('SiteId');
        if (!key || (site.name !== 'CentralSite' && site.name !== 'BranchSite')) continue;
        model.site(site, key, site.name === 'CentralSite' ? 'central' : 'branch');
    }

    const clusters = childNamed(root, 'Clusters');
    model.take(clusters);
    for (const cluster of clusters ? childrenNamed(clusters, 'Cluster') : []) {
        const idElement = childNamed(cluster, 'ClusterId');
        const key = clusterId(idElement);
        if (!key) continue;
        const fqdn = cluster.attributes.get('Fqdn') ?? '';
        model.take(cluster, idElement);
        model.clusters.push({
            key,
            siteKey: idElement!.attributes.get('SiteId')!,
            fqdn,
            machines: childrenNamed(cluster, 'Machine').map((machine) => model.machine(machine, fqdn)),
            line: cluster.line,
        });
    }

    const instances = childNamed(root, 'SqlInstances');
    model.take(instances);
    const instanceKey = (idElement: XmlElement | undefined) => {
        const cluster = idElement && clusterId(childNamed(idElement, 'ClusterId'));
        const name = idElement?.attributes.get('Name');
        return cluster && name !== undefined ? { key: `${cluster}/${name}`, name, clusterKey: cluster } : undefined;
    };
    for (const instance of instances ? childrenNamed(instances, 'SqlInstance') : []) {
        const idElement = childNamed(instance, 'SqlInstanceId');
        const found = instanceKey(idElement);
        if (!found) continue;
        model.take(instance, idElement, childNamed(idElement!, 'ClusterId'));
        model.sqlInstances.push(found);
    }

    const services = childNamed(root, 'Services');
    model.take(services);
    for (const service of services ? childrenNamed(services, 'Service') : []) {
        const idElement = childNamed(service, 'ServiceId');
        const id = serviceId(idElement);
        const installedOn = childNamed(service, 'InstalledOn');
        const onCluster = installedOn && childNamed(installedOn, 'ClusterId');
        const onSql = installedOn && instanceKey(childNamed(installedOn, 'SqlInstanceId'));
        const clusterKey = clusterId(onCluster);
        if (!id || (!clusterKey && !onSql)) continue;
        model.take(idElement, onCluster);
        if (onSql) {
            const sqlId = childNamed(installedOn!, 'SqlInstanceId')!;
            model.take(sqlId, childNamed(sqlId, 'ClusterId'));
        }
        const dependencies = childNamed(service, 'DependsOn');
        const dependsOn = (dependencies ? childrenNamed(dependencies, 'Dependency') : []).flatMap((dependency) => {
            const target = childNamed(dependency, 'ServiceId');
            const targetId = serviceId(target);
            if (targetId) model.take(dependency, target);
            return targetId ? [targetId.key] : [];
        });
        model.service(service, { key: id.key, role: id.role, siteKey: id.site, clusterKey, sqlInstanceKey: onSql?.key, dependsOn });
    }
    return model.topology();
}
