import { CATALOGUE } from './catalogue.js';
import { PERIMETER_CATALOGUE } from './perimeter.js';
import type { Bilingual, CatalogueEntry, CatalogueTable } from './types.js';

/** Every row of every table: the seed's, then the perimeter's. */
export const ALL_CATALOGUE_ROWS: readonly CatalogueEntry[] = [...CATALOGUE, ...PERIMETER_CATALOGUE];

/** The five seed tables in the seed's order, then the perimeter tables, with what each lists. */
export const CATALOGUE_TABLES: ReadonlyArray<{ table: CatalogueTable; title: Bilingual }> = [
    { table: 'server', title: { en: 'Server ports by role', ja: 'サーバー役割別の必要なポート' } },
    {
        table: 'lb-hardware',
        title: { en: 'Hardware load balancer ports (hardware load balancing only)', ja: 'ハードウェア ロード バランサーのポート (ハードウェア負荷分散のみ)' },
    },
    {
        table: 'lb-dns',
        title: { en: 'Hardware load balancer ports (pools using DNS load balancing)', ja: 'ハードウェア ロード バランサーのポート (DNS 負荷分散のプール)' },
    },
    { table: 'client', title: { en: 'Client ports', ja: 'クライアントのポート' } },
    { table: 'ipsec', title: { en: 'IPsec exceptions (no authentication)', ja: 'IPsec の例外 (認証なし)' } },
    {
        table: 'edge-external',
        title: { en: 'Edge external interface (one server or DNS load balancing)', ja: 'エッジの外部インターフェイス (単一サーバーまたは DNS 負荷分散)' },
    },
    {
        table: 'edge-internal',
        title: { en: 'Edge internal interface (one server or DNS load balancing)', ja: 'エッジの内部インターフェイス (単一サーバーまたは DNS 負荷分散)' },
    },
    {
        table: 'edge-hlb-external',
        title: { en: 'Edge external interface of each server (hardware load balancing)', ja: '各エッジ サーバーの外部インターフェイス (ハードウェア負荷分散)' },
    },
    {
        table: 'edge-hlb-internal',
        title: { en: 'Edge internal interface of each server (hardware load balancing)', ja: '各エッジ サーバーの内部インターフェイス (ハードウェア負荷分散)' },
    },
    {
        table: 'edge-vip-external',
        title: { en: 'Edge external virtual IPs (hardware load balancing)', ja: 'エッジの外部仮想 IP (ハードウェア負荷分散)' },
    },
    {
        table: 'edge-vip-internal',
        title: { en: 'Edge internal virtual IP (hardware load balancing)', ja: 'エッジの内部仮想 IP (ハードウェア負荷分散)' },
    },
    { table: 'reverse-proxy', title: { en: 'Reverse proxy', ja: 'リバース プロキシ' } },
];

export function tableTitle(table: CatalogueTable): Bilingual {
    return CATALOGUE_TABLES.find((t) => t.table === table)!.title;
}
