import type { Bilingual, PoolRole } from './types.js';

/** Each pool role as the product documentation names it. */
export const ROLE_TITLES: Record<PoolRole, Bilingual> = {
    frontend: { en: 'Front End', ja: 'フロント エンド' },
    director: { en: 'Director', ja: 'ディレクター' },
    mediation: { en: 'Mediation', ja: '仲介' },
    persistentchat: { en: 'Persistent Chat', ja: '常設チャット' },
    officewebapps: { en: 'Office Web Apps', ja: 'Office Web Apps' },
    edge: { en: 'Edge', ja: 'エッジ' },
    exchangeum: { en: 'Exchange UM', ja: 'Exchange UM' },
};

/**
 * Roles whose servers run Skype for Business Server itself, and so take the seed's
 * "all servers" rows (the SQL Browser of the local Central Management Store replica).
 * Office Web Apps and Exchange UM are other products.
 */
export const SKYPE_SERVER_ROLES: ReadonlySet<PoolRole> = new Set(['frontend', 'director', 'mediation', 'persistentchat', 'edge']);

/** Of those, the ones inside the network, which take the seed's "all internal servers" rows. */
export const INTERNAL_SERVER_ROLES: ReadonlySet<PoolRole> = new Set(['frontend', 'director', 'mediation', 'persistentchat']);
