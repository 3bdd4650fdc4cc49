// The shape of the port catalogue (spec §3). The data lives in ./catalogue.ts;
// nothing here decides which rows apply to a topology.

/** The seed table a row comes from. */
export type CatalogueTable = 'server' | 'lb-hardware' | 'lb-dns' | 'client' | 'ipsec';

/** The pool roles of the language (spec §2). */
export type PoolRole =
    | 'frontend'
    | 'director'
    | 'mediation'
    | 'persistentchat'
    | 'officewebapps'
    | 'edge'
    | 'exchangeum';

/**
 * Who a row is about. Pool roles as in the language, plus the seed's groupings:
 * every server, every internal server, clients and the listed IP phones.
 */
export type CatalogueRole = PoolRole | 'all-servers' | 'internal-servers' | 'client' | 'ip-phone';

/**
 * A Front End row that only applies when the pool also collocates Mediation
 * or holds the Central Management Store.
 */
export type RoleCondition = 'colocated-mediation' | 'cms';

export type Transport = 'TCP' | 'UDP' | 'TCP/UDP';

/** Application protocols as the seed names them; combined where the seed lists two. */
export type AppProtocol =
    | 'TLS'
    | 'MTLS'
    | 'TLS/MTLS'
    | 'HTTPS'
    | 'HTTP'
    | 'DCOM/RPC'
    | 'SMB'
    | 'STUN/MSTURN'
    | 'PSOM/TLS'
    | 'DHCP';

/** Media stream kinds, for the rows that are media port ranges. */
export type MediaKind = 'audio' | 'video' | 'appsharing' | 'filetransfer';

export interface Bilingual {
    en: string;
    ja: string;
}

/** Endpoints named by the seed's IPsec exception table. */
export type IpsecEndpoint =
    | 'any'
    | 'edge-internal'
    | 'edge-external'
    | 'mediation'
    | 'conferencing-attendant'
    | 'av-conferencing'
    | 'exchangeum'
    | 'appsharing'
    | 'client';

export type IpsecDirection = 'inbound' | 'outbound' | 'any';

interface EntryBase {
    /** Stable identifier, unique in the catalogue (e.g. `server.frontend.5061`). */
    id: string;
    table: CatalogueTable;
    role: CatalogueRole;
    /** Only for Front End rows that depend on collocated Mediation or on the CMS. */
    condition?: RoleCondition;
    /** The product's service or component name, in English. */
    service: string;
    from: number;
    to: number;
    transport: Transport;
    /** Absent where the seed gives no application protocol. */
    protocol?: AppProtocol;
    /** Set on rows that are media port ranges. */
    media?: MediaKind;
    purpose: Bilingual;
}

export interface PortEntry extends EntryBase {
    table: 'server' | 'lb-hardware' | 'lb-dns' | 'client';
    /**
     * Server-table rows with one fixed port: the short service name an administrator
     * writes in `port SERVICE NUMBER` to move that port. Unique within a role (rows of
     * the same role that share a key move together).
     */
    key?: string;
}

export interface IpsecEntry extends EntryBase {
    table: 'ipsec';
    direction: IpsecDirection;
    source: IpsecEndpoint;
    destination: IpsecEndpoint;
    /** `client-media` means the client media port range configured for the topology. */
    sourcePorts: 'any' | 'client-media';
    destinationPorts: 'any';
}

export type CatalogueEntry = PortEntry | IpsecEntry;
