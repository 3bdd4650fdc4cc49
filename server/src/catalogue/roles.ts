import type { Bilingual, CatalogueRole, PerimeterAddress, PerimeterCondition, PoolRole, RoleCondition } from './types.js';

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

/** Every role a catalogue row can name, as the documentation names it. */
export const CATALOGUE_ROLE_TITLES: Record<CatalogueRole, Bilingual> = {
    ...ROLE_TITLES,
    'all-servers': { en: 'All servers', ja: 'すべてのサーバー' },
    'internal-servers': { en: 'All internal servers', ja: 'すべての内部サーバー' },
    client: { en: 'Clients', ja: 'クライアント' },
    'ip-phone': { en: 'IP phones', ja: 'IP 電話' },
    reverseproxy: { en: 'Reverse proxy', ja: 'リバース プロキシ' },
};

export const CONDITION_TITLES: Record<RoleCondition | PerimeterCondition, Bilingual> = {
    'colocated-mediation': { en: 'with collocated Mediation', ja: '仲介サーバー併置時' },
    cms: { en: 'holding the Central Management Store', ja: '中央管理ストアを持つ場合' },
    federation: { en: 'with SIP federation', ja: 'SIP フェデレーション時' },
    xmpp: { en: 'with XMPP federation, Skype for Business Server 2015 only', ja: 'XMPP フェデレーション時 (Skype for Business Server 2015 のみ)' },
    optional: { en: 'optional', ja: '任意' },
};

/** The three Edge services that face the Internet, as the product names them. */
export const EDGE_SERVICE_TITLES: Record<Extract<PerimeterAddress, 'access' | 'webconf' | 'av'>, Bilingual> = {
    access: { en: 'Access Edge', ja: 'アクセス エッジ' },
    webconf: { en: 'Web Conferencing Edge', ja: 'Web 会議エッジ' },
    av: { en: 'A/V Edge', ja: 'A/V エッジ' },
};
