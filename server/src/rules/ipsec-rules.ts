import { CATALOGUE } from '../catalogue/catalogue.js';
import type { IpsecEndpoint, IpsecEntry } from '../catalogue/types.js';
import { portText } from '../model/effective-ports.js';
import type { ResolvedSite, ResolvedTopology } from '../model/resolved-topology.js';
import type { FirewallName, Rule } from './rule.js';
import { rulesFor } from './rule-builder.js';

const IPSEC_ROWS = CATALOGUE.filter((entry): entry is IpsecEntry => entry.table === 'ipsec');

/**
 * The seed's IPsec exceptions, per site, for the addresses the site has: media must
 * not wait for IPsec negotiation. An exception whose servers the site lacks is left
 * out rather than widened to any address.
 */
export function ipsecRules(topology: ResolvedTopology): Rule[] {
    return topology.sites.flatMap((site) =>
        IPSEC_ROWS.flatMap((entry) => {
            if (entry.sourcePorts === 'client-media') return clientExceptions(site, entry);
            const server = entry.direction === 'outbound' ? entry.source : entry.destination;
            const addresses = endpointAddresses(site, server);
            if (addresses.length === 0) return [];
            return rulesFor(entry, {
                site: site.name,
                target: server,
                source: entry.direction === 'outbound' ? addresses : 'any',
                destination: entry.direction === 'outbound' ? 'any' : addresses,
                direction: entry.direction,
                from: entry.from,
                to: entry.to,
                firewall: EDGE_SIDES[server] ?? 'internal',
            });
        }),
    );
}

/** The Edge's exceptions are for its two sides, each behind one of the perimeter's firewalls. */
const EDGE_SIDES: Partial<Record<IpsecEndpoint, FirewallName>> = { 'edge-internal': 'perimeter-internal', 'edge-external': 'perimeter-external' };

/** The client exception covers the site's client media ports as source ports, audio and video where configured. */
function clientExceptions(site: ResolvedSite, entry: IpsecEntry): Rule[] {
    if (!site.clients) return [];
    const configured = [site.clients.media.audio, site.clients.media.video].filter((span) => span !== undefined);
    const spans = configured.length > 0 ? configured : [{ from: 1024, to: 65535 }];
    return spans.flatMap((span, index) =>
        rulesFor(entry, {
            site: site.name,
            target: `clients-${index + 1}`,
            source: site.clients!.subnets.length > 0 ? site.clients!.subnets : 'any',
            destination: 'any',
            direction: entry.direction,
            from: entry.from,
            to: entry.to,
            sourcePorts: portText(span.from, span.to),
        }),
    );
}

function endpointAddresses(site: ResolvedSite, endpoint: IpsecEndpoint): string[] {
    const servers = (roles: (pool: ResolvedSite['pools'][number]) => boolean) =>
        site.pools.filter(roles).flatMap((pool) => pool.servers.map((server) => server.address));
    switch (endpoint) {
        case 'edge-internal':
            return servers((pool) => pool.role === 'edge');
        case 'edge-external':
            // The seed's exception is for the A/V Edge's external interface.
            return site.pools.filter((pool) => pool.role === 'edge').flatMap((pool) => pool.servers.flatMap((server) => (server.external ? [server.external.av] : [])));
        case 'mediation':
            return servers((pool) => pool.role === 'mediation' || pool.context.colocatedMediation);
        case 'conferencing-attendant':
        case 'av-conferencing':
        case 'appsharing':
            return servers((pool) => pool.role === 'frontend');
        case 'exchangeum':
            return servers((pool) => pool.role === 'exchangeum');
        default:
            return [];
    }
}
