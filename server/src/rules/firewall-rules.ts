import { CATALOGUE } from '../catalogue/catalogue.js';
import { hasLoadBalancerTable, loadBalancerEntries } from '../catalogue/queries.js';
import type { PortEntry } from '../catalogue/types.js';
import { effectivePorts } from '../model/effective-ports.js';
import type { ResolvedPool, ResolvedSite, ResolvedTopology } from '../model/resolved-topology.js';
import { DESTINATION_PEERS, MEDIATION_TO_GATEWAY_ROWS, SOURCE_PEERS } from './flows.js';
import { PeerAddresses } from './peer-addresses.js';
import { perimeterRules } from './perimeter-rules.js';
import type { EndpointGroup, Rule } from './rule.js';
import { endpoints, rulesFor } from './rule-builder.js';

/**
 * The firewall rules of a topology: each pool's servers receive their role's rows
 * (with the pool's overrides), flows the seed describes get concrete endpoints, each
 * load balancer VIP receives its table's ports, and clients their rows; then the
 * perimeter's rows for each site's Edge pools and reverse proxies.
 */
export function firewallRules(topology: ResolvedTopology): Rule[] {
    const peers = new PeerAddresses(topology);
    const rules: Rule[] = [];
    for (const site of topology.sites) {
        for (const pool of site.pools) rules.push(...poolRules(pool, peers));
        rules.push(...loadBalancerRules(site, peers), ...clientRules(site), ...perimeterRules(site, peers));
    }
    return rules;
}

function poolRules(pool: ResolvedPool, peers: PeerAddresses): Rule[] {
    const destinationGroup: EndpointGroup = { kind: 'pool', name: pool.name, site: pool.site };
    // What reaches an Edge server's internal side crosses the firewall in front of the perimeter.
    const firewall = pool.role === 'edge' ? 'perimeter-internal' : 'internal';
    const rules: Rule[] = [];
    for (const port of effectivePorts(pool.context, pool.moves)) {
        const sendsTo = DESTINATION_PEERS[port.entry.id];
        if (sendsTo) {
            rules.push(...peers.rulesTowards(sendsTo, pool, port.entry, port.from, port.to));
            continue;
        }
        const from = SOURCE_PEERS[port.entry.id];
        rules.push(
            ...rulesFor(port.entry, {
                site: pool.site,
                target: pool.name,
                host: pool.name,
                source: from ? peers.endpoints(from, pool) : 'any',
                destination: peers.servers(pool),
                sourceGroup: from ? peers.group(from, pool) : undefined,
                destinationGroup,
                direction: 'inbound',
                from: port.from,
                to: port.to,
                firewall,
            }),
        );
    }
    if (pool.role === 'mediation') {
        for (const id of MEDIATION_TO_GATEWAY_ROWS) {
            const entry = CATALOGUE.find((e) => e.id === id)!;
            rules.push(...peers.rulesTowards('gateways', pool, entry, entry.from, entry.to, 'mediation'));
        }
    }
    return rules;
}

function loadBalancerRules(site: ResolvedSite, peers: PeerAddresses): Rule[] {
    return site.loadBalancers.flatMap((lb) => {
        const pool = peers.pool(lb.pool);
        if (!pool?.loadBalancing || pool.standardEdition || !hasLoadBalancerTable(pool.role)) return [];
        const vip = [lb.vip];
        return loadBalancerEntries(pool.role, pool.loadBalancing, pool.context.colocatedMediation).flatMap((entry) => {
            const from = SOURCE_PEERS[entry.id];
            return rulesFor(entry, {
                site: site.name,
                target: lb.name,
                source: from ? peers.endpoints(from, pool) : 'any',
                destination: vip,
                sourceGroup: from ? peers.group(from, pool) : undefined,
                destinationGroup: { kind: 'load-balancer', name: lb.name, site: site.name },
                direction: 'inbound',
                from: entry.from,
                to: entry.to,
            });
        });
    });
}

const CLIENT_ROWS = CATALOGUE.filter((entry): entry is PortEntry => entry.table === 'client');

/** Client rows, from the site's client subnets, with the configured media ranges where the site sets them. */
function clientRules(site: ResolvedSite): Rule[] {
    const clients = site.clients;
    if (!clients) return [];
    const subnets = endpoints(clients.subnets);
    return CLIENT_ROWS.flatMap((entry) => {
        const span = (entry.media && clients.media[entry.media]) || entry;
        return rulesFor(entry, {
            site: site.name,
            target: 'clients',
            source: subnets,
            destination: 'any',
            sourceGroup: { kind: 'clients', name: site.name, site: site.name },
            direction: 'outbound',
            from: span.from,
            to: span.to,
        });
    });
}
