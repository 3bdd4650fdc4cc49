import type { AstNode } from 'langium';
import { isPool, type FileShare, type GatewayLink, type Pool, type Server } from '../generated/ast.js';
import { poolFacts, roleContext } from '../../model/pool-facts.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';
import { lineOf } from './topology-contents.js';
import { withArticle } from '../l10n/english.js';

/** What each Front End-only option is called in messages. */
const FRONTEND_ONLY = {
    Colocation: { en: '`colocate mediation`', ja: '`colocate mediation`' },
    CmsHosting: { en: '`hosts cms`', ja: '`hosts cms`' },
    Edition: { en: '`edition`', ja: '`edition`' },
} as const;

/** Options that only Front End pools take, and statements a pool may hold only once. */
export function checkPoolOptions(pool: Pool, report: Reporter): void {
    const facts = poolFacts(pool);
    if (facts.role !== 'frontend') {
        for (const statement of [...facts.colocations, ...facts.cmsHostings, ...facts.editions]) {
            const option = FRONTEND_ONLY[statement.$type];
            report('error', IssueCodes.OptionNotForRole, {
                en: `${option.en} applies only to frontend pools; ${pool.name} is ${withArticle(pool.role)} pool. Remove it.`,
                ja: `${option.ja} は frontend プールだけに書けます。${pool.name} は ${pool.role} プールです。削除してください。`,
            }, { node: statement });
        }
    }
    for (const repeated of [facts.fqdns, facts.editions, facts.colocations, facts.cmsHostings, facts.loadBalancings]) {
        reportRepeats(repeated, report);
    }
    const firstLink = new Map<string, GatewayLink>();
    for (const link of facts.gateways) {
        const name = link.gateway?.$refText;
        if (!name) continue;
        const first = firstLink.get(name);
        if (first) reportRepeat(link, first, report);
        else firstLink.set(name, link);
    }
    const { colocatedMediation } = roleContext(facts);
    if (facts.role !== 'mediation' && !colocatedMediation) {
        for (const link of facts.gateways) {
            report('error', IssueCodes.GatewayNotAllowed, {
                en: `Only a mediation pool, or a frontend pool with \`colocate mediation\`, talks to PSTN gateways; ${pool.name} is ${withArticle(pool.role)} pool${pool.role === 'frontend' ? ' without collocated Mediation' : ''}.`,
                ja: `PSTN ゲートウェイと通信するのは mediation プールか、\`colocate mediation\` を持つ frontend プールだけです。${pool.name} は${pool.role === 'frontend' ? '仲介サーバーを併置していない ' : ' '}${pool.role} プールです。`,
            }, { node: link });
        }
    }
}

export function reportRepeats(statements: AstNode[], report: Reporter): void {
    for (const later of statements.slice(1)) {
        reportRepeat(later, statements[0], report);
    }
}

function reportRepeat(later: AstNode, first: AstNode, report: Reporter): void {
    const text = first.$cstNode?.text ?? '';
    report('error', IssueCodes.DuplicateStatement, {
        en: `This repeats \`${text}\` from line ${lineOf(first)}; a pool states it once. Remove one of them.`,
        ja: `${lineOf(first)} 行目の \`${text}\` と重複しています。プールに書けるのは 1 回だけです。どちらかを削除してください。`,
    }, { node: later });
}

/** Edge servers have an internal and an external leg; every other server has one address. */
export function checkServerShape(server: Server, report: Reporter): void {
    const owner = server.$container as Pool | FileShare;
    const edge = isPool(owner) && owner.role === 'edge';
    const hasLegs = server.internal !== undefined || server.external !== undefined || server.services.length > 0 || server.nat !== undefined;
    const hasExternal = server.external !== undefined || server.services.length > 0;
    if (edge && (server.address !== undefined || server.internal === undefined || !hasExternal)) {
        report('error', IssueCodes.ServerAddressShape, {
            en: `Edge server ${server.name} needs both legs: \`server ${server.name} internal ADDRESS external ADDRESS\`, or \`access\`, \`webconf\` and \`av\` addresses instead of \`external\`${server.address !== undefined ? ', not a single address' : ''}.`,
            ja: `エッジ サーバー ${server.name} には内部と外部の両方のアドレスが必要です: \`server ${server.name} internal ADDRESS external ADDRESS\`、または external の代わりに \`access\`、\`webconf\`、\`av\` のアドレス${server.address !== undefined ? ' (単一のアドレスではなく)' : ''}。`,
        }, { node: server, property: 'name' });
    } else if (!edge && (hasLegs || server.address === undefined)) {
        report('error', IssueCodes.ServerAddressShape, {
            en: `Server ${server.name} needs exactly one address: \`server ${server.name} ADDRESS\`${hasLegs ? '; internal, external, service and NAT addresses are for edge servers only' : ''}.`,
            ja: `サーバー ${server.name} にはアドレスを 1 つだけ書きます: \`server ${server.name} ADDRESS\`${hasLegs ? '。internal、external、サービスごとのアドレス、nat はエッジ サーバー専用です' : ''}。`,
        }, { node: server, property: 'name' });
    }
}
