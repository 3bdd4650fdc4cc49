import { CATALOGUE } from '../../../catalogue/catalogue.js';
import { cmsReplicationEntries } from '../../../catalogue/queries.js';
import type { CatalogueEntry } from '../../../catalogue/types.js';
import type { CmsHosting, Colocation, Edition } from '../../generated/ast.js';
import type { Markdown } from './markdown.js';

const rowsWhen = (condition: CatalogueEntry['condition']) => CATALOGUE.filter((entry) => entry.condition === condition);

/** What `colocate mediation`, `hosts cms` and `edition` add to or change in a pool's port set. */
export function optionHover(md: Markdown, option: Colocation | CmsHosting | Edition): Markdown {
    switch (option.$type) {
        case 'Colocation':
            return md
                .heading({ en: 'Collocated Mediation', ja: '仲介サーバーの併置' })
                .say({
                    en: 'The Front End servers also run the Mediation service: they talk to PSTN gateways (`gateway NAME` in this pool) and open these extra ports; under hardware load balancing the load balancer also carries 5070.',
                    ja: 'フロント エンド サーバーが仲介サービスも実行します。PSTN ゲートウェイ (このプールの `gateway NAME`) と通信し、次のポートを追加で開きます。ハードウェア負荷分散ではロード バランサーも 5070 を扱います。',
                })
                .entries(rowsWhen('colocated-mediation'));
        case 'CmsHosting':
            return md
                .heading({ en: 'Central Management Store', ja: '中央管理ストア' })
                .say({
                    en: 'This pool holds the Central Management Store; exactly one pool in the topology does. Its Master Replicator pushes configuration to every other server, and to Edge Servers on their internal side over HTTPS instead of SMB:',
                    ja: 'このプールが中央管理ストアを持ちます。トポロジ内でちょうど 1 つのプールだけが持ちます。マスター レプリケーターが他の全サーバーへ構成を配布します。エッジ サーバーへは SMB ではなく HTTPS で内部側に配布します:',
                })
                // The Edge's row is the same port whatever its load balancing; the DNS one stands for both.
                .entries([...rowsWhen('cms'), ...cmsReplicationEntries('edge', 'dns')]);
        case 'Edition':
            return option.value === 'standard'
                ? md.heading({ en: 'Standard Edition', ja: 'Standard Edition' }).say({
                      en: 'One server holds the whole pool, with its own SQL Server Express databases: no load balancing and no load balancer. The server ports are those of any Front End server.',
                      ja: '1 台のサーバーがプール全体を担い、SQL Server Express のデータベースも持ちます。負荷分散もロード バランサーもありません。サーバーのポートは通常のフロント エンド サーバーと同じです。',
                  })
                : md.heading({ en: 'Enterprise Edition', ja: 'Enterprise Edition' }).say({
                      en: 'A pool of several Front End servers, load balanced with `loadbalancing dns` or `hardware`; the load balancer ports come from the matching catalogue table. This is the default for frontend pools.',
                      ja: '複数のフロント エンド サーバーから成るプールで、`loadbalancing dns` または `hardware` で負荷分散します。ロード バランサーのポートは対応するカタログの表から決まります。frontend プールの既定です。',
                  });
    }
}
