import type { EndpointGroup, FirewallName, Rule, RuleSet } from '../../rules/rule.js';
import type { ExportContext, ExportFile, Renderer } from '../export-file.js';
import { sealContent } from '../content-hash.js';
import { headerLines } from '../header.js';
import { memoize } from '../memoize.js';
import { nftAddress, nftComment, nftIdentifier, nftLineComment, NftNames, nftPorts } from '../quoting/nftables.js';
import { linesText, renderInBlocks } from '../text-joins.js';

/** Each firewall's file and table, in the order the export writes them (spec §2.1). */
const FIREWALL_FILES: Record<FirewallName, { file: string; table: string; note: string[] }> = {
    internal: {
        file: 'sfbtopo.nft',
        table: 'sfbtopo',
        note: ['The internal firewall: between the topology\'s internal networks and sites.'],
    },
    'perimeter-external': {
        file: 'sfbtopo-perimeter-external.nft',
        table: 'sfbtopo_perimeter_external',
        note: ['The perimeter\'s external firewall: between the Internet and the Edge servers\'', 'external addresses and the reverse proxies.'],
    },
    'perimeter-internal': {
        file: 'sfbtopo-perimeter-internal.nft',
        table: 'sfbtopo_perimeter_internal',
        note: ['The perimeter\'s internal firewall: between the perimeter network and the internal', 'network (Edge internal addresses, reverse proxies, next hops).'],
    },
};

/**
 * `sfbtopo.nft`, `sfbtopo-perimeter-external.nft`, `sfbtopo-perimeter-internal.nft`: one
 * complete nftables ruleset per firewall (spec §2.1), for the Linux router or firewall in
 * that place. `sfbtopo.nft` (the internal firewall) is always written; a perimeter file
 * only when that firewall has rules. Each file has its own table, so the three can be
 * loaded on one host too. Named sets hold the addresses (pool and file share servers,
 * VIPs, gateways, client subnets, reverse proxies, Edge service addresses); the `forward`
 * chain accepts each firewall rule. IPsec exceptions are Windows connection security
 * rules, not firewall rules, and are left to the IPsec formats.
 */
export const renderNftables: Renderer = (rules, context) =>
    (Object.keys(FIREWALL_FILES) as FirewallName[]).flatMap((firewall) => {
        const own = rules.firewall.filter((rule) => rule.firewall === firewall);
        if (firewall !== 'internal' && own.length === 0) return [];
        return [renderRuleset(rules, own, FIREWALL_FILES[firewall], context)];
    });

function renderRuleset(rules: RuleSet, firewall: Rule[], place: { file: string; table: string; note: string[] }, context: ExportContext): ExportFile {
    const sets = new AddressSets(firewall);
    const lines = [
        ...headerLines(rules, context).map((line) => nftLineComment(line)),
        '#',
        ...place.note.map((line) => nftLineComment(line)),
        `# Load with \`nft -f ${place.file}\`. Loading it again replaces the table: the first two`,
        '# commands create it if missing and delete it, the block recreates it.',
        '# The chain only accepts what the topology needs and its policy is accept, so that',
        '# loading it blocks nothing: merge these rules into your default-drop policy.',
        '# IPsec exceptions are not firewall rules and are not in this file.',
        ...(firewall.some((rule) => rule.nat)
            ? [
                  '# Rules to or from a translated (NAT) A/V Edge address match the private address: the',
                  '# forward chain sees it after DNAT (inbound) and before SNAT (outbound); the comment',
                  '# above each such rule names the public address the Internet uses.',
              ]
            : []),
        `table inet ${place.table}`,
        `delete table inet ${place.table}`,
        '',
        `table inet ${place.table} {`,
        ...sets.bySite().flatMap((set) => [
            `    ${nftLineComment(set.note)}`,
            `    set ${set.name} {`,
            '        type ipv4_addr',
            '        flags interval',
            '        auto-merge',
            `        elements = { ${set.addresses.map(nftAddress).join(', ')} }`,
            '    }',
            '',
        ]),
        '    chain forward {',
        '        type filter hook forward priority 0; policy accept;',
        ...chainRules(firewall, sets),
        '    }',
        '}',
    ];
    return { name: place.file, content: sealContent(linesText(lines), 'hash-comment') };
}

/** The comment line before a rule to or from a translated address, or none. */
function natComment(rule: Rule): string {
    if (!rule.nat || rule.nat.length === 0) return '';
    const pairs = rule.nat.map((t) => `${t.public} (private ${t.address})`).join(', ');
    const text =
        rule.direction === 'outbound'
            ? `NAT: the Internet sees this traffic from ${pairs}; the rule matches the private source, as the forward chain sees it before SNAT.`
            : `NAT: the Internet connects to ${pairs}; the rule matches the translated (private) destination, as the forward chain sees it after DNAT.`;
    return `        ${nftLineComment(text)}\n`;
}

/** The chain's rules, each run of one site's rules after a blank line and a comment. */
function chainRules(firewall: Rule[], sets: AddressSets): string[] {
    const lines: string[] = [];
    for (let start = 0; start < firewall.length; ) {
        let end = start + 1;
        while (end < firewall.length && firewall[end].site === firewall[start].site) end++;
        const site = firewall.slice(start, end);
        lines.push('', `        ${nftLineComment(`Site ${site[0].site}`)}`, ...renderInBlocks(site, (rule) => `${natComment(rule)}        ${nftRule(rule, sets)}`, '\n'));
        start = end;
    }
    return lines;
}

/** One rule; each optional match ends with its separating space (plain templates: this runs for every rule). */
function nftRule(rule: Rule, sets: AddressSets): string {
    const protocol = rule.transport.toLowerCase();
    const sport = rule.sourcePorts && rule.sourcePorts !== 'any' ? `${protocol} sport ${nftPorts(rule.sourcePorts)} ` : '';
    const dport = rule.ports !== 'any' ? `${protocol} dport ${nftPorts(rule.ports)} ` : '';
    const saddr = rule.source === 'any' ? '' : `ip saddr ${sets.reference(rule.source)} `;
    const daddr = rule.destination === 'any' ? '' : `ip daddr ${sets.reference(rule.destination)} `;
    const ports = sport || dport ? sport + dport : `meta l4proto ${protocol} `;
    return `${saddr}${daddr}${ports}accept comment ${nftComment(rule.id)}`;
}

interface AddressSet {
    name: string;
    addresses: string[];
    note: string;
    /** Absent for the sets that span every site (reverse proxies, Front End servers). */
    site?: string;
}

/**
 * The named sets, one per distinct address list, named after what the topology calls it.
 * Destinations are named first (every pool's servers are some rule's destination), so a
 * pool's servers sending elsewhere reuse the pool's set; a source list with no name of its
 * own (none in the seed's flows) is written in place as an anonymous set.
 */
class AddressSets {
    private readonly all: AddressSet[] = [];
    private readonly sites: string[];
    private readonly byContent = new Map<string, AddressSet>();
    private readonly names = new NftNames();
    /** The addresses in sorted order: equal for lists that hold the same addresses. */
    private readonly key = memoize((addresses: string[]) => [...addresses].sort().join(' '));

    constructor(firewall: Rule[]) {
        this.sites = [...new Set(firewall.map((rule) => rule.site))];
        for (const rule of firewall) {
            if (rule.destination !== 'any' && rule.destinationGroup) this.name(rule.destination, rule.destinationGroup);
        }
        for (const rule of firewall) {
            if (rule.source !== 'any' && rule.sourceGroup) this.name(rule.source, rule.sourceGroup);
        }
    }

    /** The sets grouped by site, in the rules' site order (stable within a site), topology-wide sets last. */
    bySite(): AddressSet[] {
        const rank = (set: AddressSet) => (set.site === undefined ? this.sites.length : this.sites.indexOf(set.site));
        return [...this.all].sort((a, b) => rank(a) - rank(b));
    }

    /** `@set`, or the addresses in place when no set holds them. */
    readonly reference = memoize((addresses: string[]) => {
        const set = this.byContent.get(this.key(addresses));
        if (set) return `@${set.name}`;
        return addresses.length === 1 ? nftAddress(addresses[0]) : `{ ${addresses.map(nftAddress).join(', ')} }`;
    });

    /** Names the list after the group unless a set already holds the same addresses. */
    private name(addresses: string[], group: EndpointGroup): void {
        const key = this.key(addresses);
        if (this.byContent.has(key)) return;
        const [identifier, note, site] = setName(group);
        const set = { name: this.names.unique(identifier), addresses, note, site };
        this.byContent.set(key, set);
        this.all.push(set);
    }
}

/** Identifier, comment line, and the site the set belongs to (absent: every site). */
type SetName = [string, string, string?];

const GROUP_SETS: Record<EndpointGroup['kind'], (name: string, site?: string) => [prefix: string, note: string]> = {
    pool: (name, site) => ['pool', `Servers of pool ${name} (site ${site})`],
    'file-share': (name, site) => ['share', `Servers of file share ${name} (site ${site})`],
    'load-balancer': (name, site) => ['vip', `VIP of load balancer ${name} (site ${site})`],
    gateways: (name, site) => ['gateways', `PSTN gateways of pool ${name} (site ${site})`],
    'reverse-proxies': (name) => ['reverse_proxies', name ? `Reverse proxies of site ${name}` : 'Reverse proxies of every site'],
    'frontend-servers': () => ['frontend_servers', 'Front End servers of every site'],
    clients: (name) => ['clients', `Client subnets of site ${name}`],
    'edge-access': (name, site) => ['access', `Access Edge addresses of Edge pool ${name} (site ${site})`],
    'edge-webconf': (name, site) => ['webconf', `Web Conferencing Edge addresses of Edge pool ${name} (site ${site})`],
    'edge-av': (name, site) => ['av', `A/V Edge addresses of Edge pool ${name} (site ${site})`],
    'reverse-proxy': (name, site) => ['proxy', `Reverse proxy ${name} (site ${site})`],
};

/** The set name and note for a group the rule model named. */
function setName(group: EndpointGroup): SetName {
    const [prefix, note] = GROUP_SETS[group.kind](group.name ?? '', group.site);
    return [group.name ? nftIdentifier(prefix, group.name) : nftIdentifier(prefix), note, group.site];
}
