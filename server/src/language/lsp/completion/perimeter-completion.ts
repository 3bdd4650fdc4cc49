import { AstUtils, GrammarUtils, type AstNode, type CstNode } from 'langium';
import { isEdgeServiceAddress, isLoadBalancer, isPool, isServer, isSite, type Pool, type Topology } from '../../generated/ast.js';

// The perimeter forms accept more than the grammar says: the parser takes any mix of an
// Edge server's addresses, and any VIP side on any load balancer, so that the validator
// can say what is wrong at its place. Completion offers only what makes a valid form.

/** Words that continue a `server` statement after its name or one of its addresses. */
const SERVER_WORDS: ReadonlySet<string> = new Set(['internal', 'external', 'access', 'webconf', 'av', 'nat']);

/**
 * What may follow each part of an Edge server: `internal ADDRESS`, then one `external
 * ADDRESS` or `access`, `webconf` and `av` in that order, then `nat` for the A/V Edge's
 * public address (with one external address the A/V Edge listens on it too).
 */
const EDGE_SERVER_NEXT: Record<string, readonly string[]> = {
    name: ['internal'],
    internal: ['external', 'access'],
    external: ['nat'],
    access: ['webconf'],
    webconf: ['av'],
    av: ['nat'],
};

/** Pool statements only an Edge pool takes, each once. */
const EDGE_STATEMENTS: Readonly<Record<string, string>> = { nexthop: 'NextHop', federation: 'Federation', xmpp: 'Xmpp' };

/** A VIP's sides, which only an Edge pool's load balancer has. */
const VIP_SIDES: ReadonlySet<string> = new Set(['internal', 'external', 'access', 'webconf', 'av']);

/**
 * Whether keyword `word`, which the grammar accepts after the token `previous`, belongs
 * to a valid perimeter form there; undefined when the word is not one of them.
 */
export function perimeterKeywordFits(previous: CstNode, word: string): boolean | undefined {
    const node = previous.astNode;
    if (SERVER_WORDS.has(word) && (isServer(node) || isEdgeServiceAddress(node))) {
        const server = isServer(node) ? node : node.$container;
        return isEdgePool(server.$container) && (EDGE_SERVER_NEXT[serverPart(previous, node)] ?? []).includes(word);
    }
    if (VIP_SIDES.has(word) && previous.text === 'vip') {
        return isEdgePool(AstUtils.getContainerOfType(node, isLoadBalancer)?.pool?.ref);
    }
    const statement = EDGE_STATEMENTS[word];
    if (statement) {
        const pool = AstUtils.getContainerOfType(node, isPool);
        return isEdgePool(pool) && !pool.statements.some((s) => s.$type === statement);
    }
    return undefined;
}

/** Which part of a `server` statement a token is: its name, or the keyword of the address it is. */
function serverPart(token: CstNode, node: AstNode): string {
    if (isEdgeServiceAddress(node)) return node.service;
    // A plain `server NAME ADDRESS` is finished: no Edge words follow it.
    const feature = GrammarUtils.findAssignment(token)?.feature;
    return feature === undefined || feature === 'address' ? 'plain' : feature;
}

function isEdgePool(node: unknown): node is Pool {
    return isPool(node) && node.role === 'edge';
}

/** Pools an Edge pool may hand SIP to: the Director and Front End pools. */
export function isNextHopCandidate(node: unknown): node is Pool {
    return isPool(node) && (node.role === 'director' || node.role === 'frontend');
}

/** The order `nexthop` proposes pools in: the site's own Director pools, then its Front End pools, then other sites'. */
export function nextHopRank(at: AstNode | undefined, candidate: Pool): string {
    const sameSite = at !== undefined && AstUtils.getContainerOfType(at, isSite) === candidate.$container;
    return `${sameSite ? 0 : 1}${candidate.role === 'director' ? 0 : 1}`;
}

/** The names a new Edge pool written at `at` may take as its next hop, best first. */
export function nextHopChoices(topology: Topology, at: AstNode | undefined): string[] {
    const pools = (topology.sites ?? []).flatMap((site) => site.members.filter(isNextHopCandidate));
    // A stable sort: within a rank, the order of the file.
    return [...new Set(pools.sort((a, b) => nextHopRank(at, a).localeCompare(nextHopRank(at, b))).map((pool) => pool.name))];
}
