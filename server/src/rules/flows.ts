import { CATALOGUE } from '../catalogue/catalogue.js';
import type { PoolRole, PortEntry } from '../catalogue/types.js';
import type { EffectivePort } from '../model/effective-ports.js';

// Who talks to whom, where the seed says so, keyed by catalogue row id. Every row not
// listed here is a port the role's servers accept from any source.

/** A set of endpoints the topology knows. */
export type Peer = 'gateways' | 'reverse-proxies' | 'frontend-servers' | 'file-shares' | 'other-servers';

/** Rows whose source is a known peer: the pool's servers receive, the peer sends. */
export const SOURCE_PEERS: Readonly<Record<string, Peer>> = {
    // PSTN gateways send SIP to the Mediation service (standalone or collocated).
    'server.mediation.5067': 'gateways',
    'server.mediation.5068': 'gateways',
    'server.frontend.colocated-mediation.5067': 'gateways',
    'server.frontend.colocated-mediation.5068': 'gateways',
    // The reverse proxy publishes the web services on 4443.
    'server.frontend.4443': 'reverse-proxies',
    'lb-hardware.frontend.4443': 'reverse-proxies',
    'lb-hardware.director.4443': 'reverse-proxies',
    'lb-dns.frontend.4443': 'reverse-proxies',
    'lb-dns.director.4443': 'reverse-proxies',
    // Front End servers reach Office Web Apps Server.
    'server.officewebapps.443': 'frontend-servers',
};

/** Rows the pool's servers send: the rule lands on the peer, with the pool's servers as source. */
export const DESTINATION_PEERS: Readonly<Record<string, Peer>> = {
    // Front End servers read the file share over SMB.
    'server.frontend.445': 'file-shares',
    // The CMS pool's Master Replicator pushes configuration to every other server (the
    // Edge servers take their own perimeter row, HTTPS 4443, instead: see cmsReplicationEntries).
    'server.frontend.cms.445': 'other-servers',
    // The Mediation service sends SIP to its gateways.
    'server.frontend.colocated-mediation.5081': 'gateways',
    'server.frontend.colocated-mediation.5082': 'gateways',
};

/**
 * A standalone Mediation pool also sends to its gateways on 5081/5082; the seed lists
 * those rows only under collocated Mediation, so standalone pools borrow them.
 */
export const MEDIATION_TO_GATEWAY_ROWS = ['server.frontend.colocated-mediation.5081', 'server.frontend.colocated-mediation.5082'];

/**
 * The rows a pool's servers send on rather than receive on: the {@link DESTINATION_PEERS}
 * rows among its ports, and for a standalone Mediation pool the rows towards its gateways.
 */
export function sentPorts(role: PoolRole, ports: EffectivePort[]): EffectivePort[] {
    const sent = ports.filter((port) => port.entry.id in DESTINATION_PEERS);
    if (role !== 'mediation') return sent;
    const borrowed = CATALOGUE.filter((entry): entry is PortEntry => entry.table !== 'ipsec' && MEDIATION_TO_GATEWAY_ROWS.includes(entry.id));
    return [...sent, ...borrowed.map((entry) => ({ entry, from: entry.from, to: entry.to, moved: false }))];
}

/** The rows between a pool's servers and its gateways, after the pool's moves. */
export function gatewayPorts(role: PoolRole, ports: EffectivePort[]): { received: EffectivePort[]; sent: EffectivePort[] } {
    return {
        received: ports.filter((port) => SOURCE_PEERS[port.entry.id] === 'gateways'),
        sent: sentPorts(role, ports).filter((port) => DESTINATION_PEERS[port.entry.id] === 'gateways'),
    };
}
