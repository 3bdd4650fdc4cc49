// The shape of the port catalogue (spec §3). The data lives in ./catalogue.ts (the seed's
// five tables) and ./perimeter.ts (the Edge Server and reverse proxy tables); nothing here
// decides which rows apply to a topology.

/** The seed table a row comes from. */
export type SeedTable = 'server' | 'lb-hardware' | 'lb-dns' | 'client' | 'ipsec';

/**
 * The perimeter tables, from Microsoft's Edge Server documentation: the Edge's external
 * and internal firewall tables without a hardware load balancer (one server or DNS load
 * balancing), the same per server under hardware load balancing (`hlb`), the load
 * balancer's virtual IPs (`vip`), and the reverse proxy's ports.
 */
export type PerimeterTable =
    | 'edge-external'
    | 'edge-internal'
    | 'edge-hlb-external'
    | 'edge-hlb-internal'
    | 'edge-vip-external'
    | 'edge-vip-internal'
    | 'reverse-proxy';

export type CatalogueTable = SeedTable | PerimeterTable;

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
export type CatalogueRole = PoolRole | 'all-servers' | 'internal-servers' | 'client' | 'ip-phone' | 'reverseproxy';

/**
 * A Front End row that only applies when the pool also collocates Mediation
 * or holds the Central Management Store.
 */
export type RoleCondition = 'colocated-mediation' | 'cms';

export type Transport = 'TCP' | 'UDP' | 'TCP/UDP';

/** Application protocols as the seed and the Edge documentation name them; combined where they list two. */
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
    | 'PSOM/MTLS'
    | 'DHCP'
    | 'DNS'
    | 'RTP'
    | 'XMPP'
    | 'XMPP/MTLS';

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
    /** Only for Front End rows that depend on collocated Mediation or on the CMS. */
    condition?: RoleCondition;
    /**
     * Server-table rows with one fixed port: the short service name an administrator
     * writes in `port SERVICE NUMBER` to move that port. Unique within a role (rows of
     * the same role that share a key move together).
     */
    key?: string;
}

export interface IpsecEntry extends EntryBase {
    table: 'ipsec';
    condition?: undefined;
    direction: IpsecDirection;
    source: IpsecEndpoint;
    destination: IpsecEndpoint;
    /** `client-media` means the client media port range configured for the topology. */
    sourcePorts: 'any' | 'client-media';
    destinationPorts: 'any';
}

/** A row of the seed's five tables. */
export type SeedEntry = PortEntry | IpsecEntry;

/**
 * Which address of a perimeter server a row opens: one of the Edge's external service
 * addresses (the XMPP Proxy shares the Access Edge's), the internal side of the Edge or
 * of the reverse proxy, or the reverse proxy's Internet-facing listener.
 */
export type PerimeterAddress = 'access' | 'webconf' | 'av' | 'xmpp' | 'internal' | 'external';

/**
 * The other end of a perimeter row. `any` is the Internet on an external side and any
 * internal host (clients, Survivable Branch Appliances) on an internal side.
 */
export type PerimeterPeer =
    | 'any'
    /** The Director or Front End pool the Edge pool hands SIP to and takes it from. */
    | 'next-hop'
    | 'frontend-servers'
    /** Front End servers running the XMPP Gateway. */
    | 'xmpp-gateway'
    /** The Front End pool holding the Central Management Store. */
    | 'cms'
    /** The external web services of the Front End and Director pools, behind the reverse proxy. */
    | 'web-services'
    | 'officewebapps';

/** Perimeter rows that apply only with an option: SIP federation, XMPP federation, or by the administrator's choice. */
export type PerimeterCondition = 'federation' | 'xmpp' | 'optional';

/** Where the Edge documentation says a table applies. */
export type EdgeLoadBalancing = 'dns-or-none' | 'hardware';

export interface PerimeterEntry extends EntryBase {
    table: PerimeterTable;
    role: 'edge' | 'reverseproxy';
    /** The documentation page the row was transcribed from (a path in MicrosoftDocs/OfficeDocs-SkypeForBusiness). */
    document: string;
    condition?: PerimeterCondition;
    address: PerimeterAddress;
    /** Relative to the Edge server or reverse proxy: inbound rows arrive at `address`, outbound rows leave it. */
    direction: 'inbound' | 'outbound';
    peer: PerimeterPeer;
    /** Edge rows: the load balancing the table is written for, and whether `address` is each server's or the virtual IP's. */
    loadBalancing?: EdgeLoadBalancing;
    at?: 'server' | 'vip';
    /**
     * With one external address for the three Edge services, they cannot all listen on 443:
     * the port this service takes instead, from the Topology Builder's help.
     */
    singleAddressPort?: { port: number; document: string };
}

export type CatalogueEntry = SeedEntry | PerimeterEntry;
