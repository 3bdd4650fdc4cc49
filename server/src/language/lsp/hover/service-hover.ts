import type { PortOverride } from '../../generated/ast.js';
import { serverEntriesFor } from '../../../catalogue/queries.js';
import { poolFacts, roleContext } from '../../../model/pool-facts.js';
import type { Markdown } from './markdown.js';

/** The catalogue rows a `port SERVICE NUMBER` statement moves. */
export function serviceHover(md: Markdown, override: PortOverride): Markdown {
    const rows = serverEntriesFor(roleContext(poolFacts(override.$container))).filter((entry) => entry.key === override.service);
    md.heading({ en: `Service \`${override.service}\``, ja: `サービス \`${override.service}\`` });
    if (rows.length === 0) {
        return md.say({ en: 'Not a service of this pool\'s role.', ja: 'このプールの役割のサービスではありません。' });
    }
    return md
        .say({ en: `Moved to port ${override.port} on this pool's servers; the catalogue default:`, ja: `このプールのサーバーではポート ${override.port} に移します。カタログの既定値:` })
        .entries(rows);
}
