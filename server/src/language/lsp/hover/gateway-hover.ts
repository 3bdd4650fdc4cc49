import { effectiveServerPorts } from '../../../model/effective-ports.js';
import { poolFacts } from '../../../model/pool-facts.js';
import { gatewayPorts } from '../../../rules/flows.js';
import type { GatewayLink } from '../../generated/ast.js';
import type { Markdown } from './markdown.js';

/** A pool's `gateway NAME`: the gateway's address and the ports its Mediation service and the gateway use, after the pool's moves. */
export function gatewayHover(md: Markdown, link: GatewayLink): Markdown {
    const gateway = link.gateway?.ref;
    const pool = link.$container;
    if (!gateway) {
        const name = link.gateway?.$refText ?? '';
        return md
            .heading({ en: `Gateway ${name}`, ja: `ゲートウェイ ${name}` })
            .say({ en: 'No site declares a gateway of this name.', ja: 'この名前のゲートウェイはどのサイトにも宣言されていません。' });
    }
    md.heading({ en: `PSTN gateway ${gateway.name} (${gateway.address})`, ja: `PSTN ゲートウェイ ${gateway.name} (${gateway.address})` });
    const facts = poolFacts(pool);
    const { received, sent } = gatewayPorts(facts.role, effectiveServerPorts(facts));
    if (received.length === 0 && sent.length === 0) {
        return md.say({
            en: `Pool ${pool.name} runs no Mediation service (a mediation pool, or a frontend pool with \`colocate mediation\`), so the catalogue has no ports between it and the gateway.`,
            ja: `プール ${pool.name} は仲介サービスを実行しないため (mediation プール、または \`colocate mediation\` の frontend プールが実行します)、ゲートウェイとの間のポートはカタログにありません。`,
        });
    }
    if (received.length > 0) {
        md.say({ en: `The gateway sends to the servers of pool ${pool.name}:`, ja: `ゲートウェイからプール ${pool.name} のサーバーへ:` }).effective(received);
    }
    if (sent.length > 0) {
        md.say({ en: `The servers of pool ${pool.name} send to the gateway:`, ja: `プール ${pool.name} のサーバーからゲートウェイへ:` }).effective(sent);
        if (facts.role === 'mediation') {
            md.say({
                en: 'The seed lists these rows under collocated Mediation only; a Mediation pool sends on the same ports.',
                ja: '元資料はこれらの行を仲介サーバー併置の行としてのみ記載していますが、仲介プールも同じポートで送信します。',
            });
        }
    }
    return md;
}
