import type { PoolRole } from '../../../catalogue/types.js';

/**
 * Snippet bodies for a new pool of each role, with the statements that role needs;
 * `${n:…}` placeholders follow VS Code's snippet syntax.
 */
export const POOL_SNIPPETS: Record<PoolRole, string> = {
    frontend: [
        'frontend pool ${1:fe01} {',
        '  fqdn "${2:fepool01.contoso.com}"',
        '  edition ${3|enterprise,standard|}',
        '  server ${4:fe01a} ${5:10.0.1.11}',
        '  loadbalancing ${6|dns,hardware|}',
        '}',
    ].join('\n'),
    director: ['director pool ${1:dir01} {', '  fqdn "${2:dirpool01.contoso.com}"', '  server ${3:dir01a} ${4:10.0.2.11}', '  loadbalancing ${5|hardware,dns|}', '}'].join('\n'),
    mediation: ['mediation pool ${1:med01} {', '  fqdn "${2:med01.contoso.com}"', '  server ${3:med01a} ${4:10.0.3.11}', '  gateway ${5:pstn1}', '}'].join('\n'),
    persistentchat: ['persistentchat pool ${1:pc01} {', '  fqdn "${2:pchat01.contoso.com}"', '  server ${3:pc01a} ${4:10.0.4.11}', '}'].join('\n'),
    officewebapps: ['officewebapps pool ${1:owa01} {', '  fqdn "${2:owa01.contoso.com}"', '  server ${3:owa01a} ${4:10.0.5.11}', '}'].join('\n'),
    edge: edgePoolSnippet([]),
    exchangeum: ['exchangeum pool ${1:ex01} {', '  fqdn "${2:ex01.contoso.com}"', '  server ${3:ex01a} ${4:10.0.6.11}', '}'].join('\n'),
};

/**
 * A new Edge pool: its next hop, SIP federation, and a server with an address per Edge
 * service. `nextHops` are the pools it may hand SIP to, best first, offered as a choice
 * (pool names never hold the `,` or `|` that would end one).
 */
export function edgePoolSnippet(nextHops: string[]): string {
    return [
        'edge pool ${1:edge01} {',
        '  fqdn "${2:edge01.contoso.com}"',
        `  nexthop ${nextHops.length > 0 ? `\${3|${nextHops.join(',')}|}` : '${3:dir01}'}`,
        '  federation',
        '  server ${4:edge01a} internal ${5:10.0.9.10} access ${6:203.0.113.10} webconf ${7:203.0.113.11} av ${8:203.0.113.12}',
        '}',
    ].join('\n');
}
