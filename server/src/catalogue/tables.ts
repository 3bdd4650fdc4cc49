import type { CatalogueTable } from './types.js';

/** The five seed tables in the seed's order, with what each lists. */
export const CATALOGUE_TABLES: ReadonlyArray<{ table: CatalogueTable; title: string }> = [
    { table: 'server', title: 'Server ports by role' },
    { table: 'lb-hardware', title: 'Hardware load balancer ports (hardware load balancing only)' },
    { table: 'lb-dns', title: 'Hardware load balancer ports (pools using DNS load balancing)' },
    { table: 'client', title: 'Client ports' },
    { table: 'ipsec', title: 'IPsec exceptions (no authentication)' },
];
