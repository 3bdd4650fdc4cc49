import type { XmlElement } from './read-xml.js';

// The topology as both XML dialects state it, in one shape: sites, clusters with their
// machines, and the services installed on them. Links between objects are keys (a GUID in
// a Topology Builder file, "site/number" in a published topology) that the mapping follows
// without knowing which dialect they came from.

export type Dialect = 'topology-builder' | 'published';

export const DIALECT_NAMES: Record<Dialect, string> = {
    'topology-builder': 'Topology Builder document (.tbxml)',
    published: 'published topology (Get-CsTopology -AsXml)',
};

export interface ImportedTopology {
    dialect: Dialect;
    /** The default SIP domain, when the XML names one. */
    defaultDomain?: string;
    sites: ImportedSite[];
    clusters: ImportedCluster[];
    services: ImportedService[];
    /** SQL Server instances, by key: the back-end stores are installed on them. */
    sqlInstances: ImportedSqlInstance[];
    /** Every element the reader took in; the rest is reported as unmapped. */
    read: Set<XmlElement>;
    root: XmlElement;
}

export interface ImportedSite {
    key: string;
    name: string;
    kind: 'central' | 'branch';
    line: number;
}

export interface ImportedCluster {
    key: string;
    siteKey: string;
    fqdn: string;
    machines: ImportedMachine[];
    line: number;
}

export interface ImportedMachine {
    fqdn: string;
    interfaces: ImportedInterface[];
    line: number;
}

/** `NetInterface`: `Primary` for an internal server; `Internal` and `External` (1-3) for an Edge server. */
export interface ImportedInterface {
    side: string;
    number: number;
    address?: string;
    /** `ConfiguredIPAddress`: the public address an Edge's A/V address is translated to. */
    configured?: string;
    line: number;
}

export interface ImportedService {
    key: string;
    role: string;
    siteKey: string;
    /** The cluster the service runs on; undefined for a store installed on a SQL instance. */
    clusterKey?: string;
    sqlInstanceKey?: string;
    dependsOn: string[];
    /** `RegistrarService IsDirector="true"`. */
    isDirector: boolean;
    ports: ImportedPort[];
    line: number;
}

/** A listening port of a service: `Port`, and for media a `Range` of further ports. */
export interface ImportedPort {
    owner: string;
    usage: string;
    side: string;
    protocol: string;
    port: number;
    range?: number;
    line: number;
}

export interface ImportedSqlInstance {
    key: string;
    name: string;
    clusterKey: string;
}

/** Children with a local name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
    return element.children.filter((child) => child.name === name);
}

export function childNamed(element: XmlElement, name: string): XmlElement | undefined {
    return element.children.find((child) => child.name === name);
}
