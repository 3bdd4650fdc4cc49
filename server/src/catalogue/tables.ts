import type { Bilingual, CatalogueTable } from './types.js';

/** The five seed tables in the seed's order, with what each lists. */
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
];

export function tableTitle(table: CatalogueTable): Bilingual {
    return CATALOGUE_TABLES.find((t) => t.table === table)!.title;
}
