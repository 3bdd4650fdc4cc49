import { hasLoadBalancerTable, ipsecEntriesFor } from '../../../catalogue/queries.js';
import { ROLE_TITLES } from '../../../catalogue/roles.js';
import type { PoolRole } from '../../../catalogue/types.js';
import { portLabelLines } from '../../../map/port-families.js';
import { effectivePorts, portText, type EffectivePort } from '../../../model/effective-ports.js';
import { sentPorts } from '../../../rules/flows.js';
import type { DocumentCommandArgs } from '../export/export-command-ids.js';
import { previewRulesTarget, type Markdown } from './markdown.js';

const NO_MOVES = { ports: new Map(), media: new Map() };

/**
 * A role in brief: its servers' ports by family (SIP, HTTPS, media…), received and sent,
 * whatever the size of the catalogue; the rules preview has every row.
 */
export function roleHover(md: Markdown, role: PoolRole, topology: DocumentCommandArgs): Markdown {
    const title = md.locale.pick(ROLE_TITLES[role]);
    const ports = effectivePorts({ role, colocatedMediation: true, hostsCms: true }, NO_MOVES);
    const sent = sentPorts(role, ports);
    const received = ports.filter((port) => !sent.includes(port));
    const ipsec = ipsecEntriesFor({ role, colocatedMediation: false, hostsCms: false });
    md.heading({ en: `${title} pool (\`${role}\`)`, ja: `${title} プール (\`${role}\`)` });
    const preview = previewRulesTarget(topology);
    md.say({
        en: `[Preview rules](${preview}) lists every row with its addresses; \`sfbtopo catalogue\` prints the whole catalogue.`,
        ja: `[ルールをプレビュー](${preview}) ですべての行とアドレスを表示します。カタログ全体は \`sfbtopo catalogue\` で表示します。`,
    });
    if (ports.length === 0) {
        md.say({ en: 'The seed lists no server ports for this role.', ja: 'この役割のサーバー ポートは元資料に記載がありません。' });
    } else {
        md.say({
            en: `Ports of its servers in the catalogue${role === 'frontend' ? ' (with the rows of `colocate mediation` and `hosts cms`)' : ''}:`,
            ja: `カタログにあるサーバーのポート${role === 'frontend' ? ' (`colocate mediation` と `hosts cms` の行を含む)' : ''}:`,
        });
        families(md, { en: `Received (${received.length} rows)`, ja: `受信 (${received.length} 行)` }, received);
        families(md, { en: `Sent (${sent.length} rows)`, ja: `送信 (${sent.length} 行)` }, sent);
    }
    if (ipsec.length > 0) {
        md.say({ en: `${ipsec.length} IPsec exceptions concern it.`, ja: `関係する IPsec の例外: ${ipsec.length} 件。` });
    }
    if (hasLoadBalancerTable(role)) {
        md.say({
            en: 'Pools of this role with several servers are load balanced: `loadbalancing dns` or `loadbalancing hardware` chooses the load balancer port table.',
            ja: '複数サーバーのこの役割のプールは負荷分散します。`loadbalancing dns` または `loadbalancing hardware` でロード バランサーのポート表が決まります。',
        });
    }
    return md;
}

/** One bullet per port family: `SIP 5060, 5061`, `media 49152-65535`. */
function families(md: Markdown, heading: { en: string; ja: string }, ports: EffectivePort[]): void {
    if (ports.length === 0) return;
    const rows = ports.map((port) => ({ ports: portText(port.from, port.to), transport: port.entry.transport === 'UDP' ? ('UDP' as const) : ('TCP' as const) }));
    md.say([`**${md.locale.pick(heading)}**`, ...portLabelLines(rows, (text) => md.locale.pick(text)).map((line) => `- ${line}`)].join('\n'));
}
