import { isCmsHosting, isPool, type Topology } from '../generated/ast.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';
import { allContents, lineOf } from './topology-contents.js';

/** Exactly one Front End pool holds the Central Management Store. */
export function checkCentralManagementStore(topology: Topology, report: Reporter): void {
    // `hosts cms` outside a Front End pool is reported as a misplaced option; it does not count here.
    const hostings = allContents(topology)
        .filter(isCmsHosting)
        .filter((hosting) => isPool(hosting.$container) && hosting.$container.role === 'frontend');
    const first = hostings[0];
    for (const hosting of hostings.slice(1)) {
        // A second `hosts cms` in the same pool is reported as a repeated statement.
        if (hosting.$container !== first.$container) {
            report('error', IssueCodes.CmsDuplicate, {
                en: `Only one pool holds the Central Management Store, and pool ${first.$container.name} at line ${lineOf(first)} already does. Remove this \`hosts cms\`.`,
                ja: `中央管理ストアを持てるプールは 1 つだけで、${lineOf(first)} 行目のプール ${first.$container.name} が既に持っています。この \`hosts cms\` を削除してください。`,
            }, { node: hosting });
        }
    }
    if (hostings.length === 0 && topology.sites.some((site) => site.members.some((m) => isPool(m) && m.role === 'frontend'))) {
        report('warning', IssueCodes.CmsMissing, {
            en: 'No frontend pool says `hosts cms`: one pool must hold the Central Management Store, whose Master Replicator pushes configuration to every server (on port 445; to Edge servers on 4443).',
            ja: '`hosts cms` を持つ frontend プールがありません。中央管理ストアを持つプールが 1 つ必要です。そのマスター レプリケーターは全サーバーに構成を配布します (ポート 445、エッジ サーバーへは 4443)。',
        }, { node: topology, property: 'name' });
    }
}
