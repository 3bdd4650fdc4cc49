// The perimeter network's ports: the Edge Server tables of "Edge Server environmental
// requirements in Skype for Business Server" (section "Port and firewall planning") and the
// reverse proxy's ports of the Lync Server 2013 port summary, transcribed row by row in the
// documents' order. Directions are relative to the Edge server or reverse proxy. The
// purposes are our own bilingual summaries.

import type { PerimeterEntry } from './types.js';

/** Paths in the public repository MicrosoftDocs/OfficeDocs-SkypeForBusiness. */
const EDGE_DOCUMENT = 'Skype/SfbServer/plan-your-deployment/edge-server-deployments/edge-environmental-requirements.md';
const SINGLE_ADDRESS_DOCUMENT = 'Skype/SfbServer/help-topics/2019/topobld/ms.lync.tb.AddEdgeServerFqdnsPage.md';
const REVERSE_PROXY_DOCUMENT = 'Lync/LyncServer/lync-server-2013-port-summary-reverse-proxy.md';

// What every row of a table shares.
const EXTERNAL = { table: 'edge-external', role: 'edge', loadBalancing: 'dns-or-none', at: 'server', document: EDGE_DOCUMENT } as const;
const INTERNAL = { table: 'edge-internal', role: 'edge', loadBalancing: 'dns-or-none', at: 'server', document: EDGE_DOCUMENT } as const;
const HLB_EXTERNAL = { table: 'edge-hlb-external', role: 'edge', loadBalancing: 'hardware', at: 'server', document: EDGE_DOCUMENT } as const;
const HLB_INTERNAL = { table: 'edge-hlb-internal', role: 'edge', loadBalancing: 'hardware', at: 'server', document: EDGE_DOCUMENT } as const;
const VIP_EXTERNAL = { table: 'edge-vip-external', role: 'edge', loadBalancing: 'hardware', at: 'vip', document: EDGE_DOCUMENT } as const;
const VIP_INTERNAL = { table: 'edge-vip-internal', role: 'edge', loadBalancing: 'hardware', at: 'vip', document: EDGE_DOCUMENT } as const;
const REVERSE_PROXY = { table: 'reverse-proxy', role: 'reverseproxy', document: REVERSE_PROXY_DOCUMENT } as const;

type Table = Pick<PerimeterEntry, 'table' | 'role' | 'document' | 'loadBalancing' | 'at'>;

/** One documented row without its table: the tables repeat many of them. */
type Row = Omit<PerimeterEntry, 'id' | keyof Table>;

// Services, as the product names them.
const XMPP_PROXY = 'XMPP Proxy service';
const ACCESS_EDGE = 'Access Edge service';
const WEBCONF_EDGE = 'Web Conferencing Edge service';
const AV_EDGE = 'A/V Edge service';
const CLS = 'Centralized Logging Service';

const tcp = (port: number) => ({ from: port, to: port, transport: 'TCP' }) as const;
const udp = (port: number) => ({ from: port, to: port, transport: 'UDP' }) as const;
const MEDIA_RELAY = { from: 50000, to: 59999 } as const;

const centralizedLogging = (port: number): Row => ({
    service: CLS, address: 'internal', direction: 'inbound', peer: 'any', ...tcp(port), protocol: 'MTLS',
    purpose: {
        en: 'The logging controller (cmdlets, ClsController.exe) and agent start and collect logs on the Edge.',
        ja: 'ログのコントローラー (コマンドレットや ClsController.exe) とエージェントがエッジでのログの取得と収集を行います。',
    },
});

const ROW = {
    // External side.
    xmppIn: {
        service: XMPP_PROXY, condition: 'xmpp', address: 'xmpp', direction: 'inbound', peer: 'any', ...tcp(5269), protocol: 'XMPP',
        purpose: {
            en: 'XMPP federation: contacts in the configured XMPP federations reach the XMPP Proxy (Skype for Business Server 2015 only; 2019 dropped XMPP).',
            ja: 'XMPP フェデレーション: 構成済みの XMPP フェデレーションの相手が XMPP プロキシに接続します (Skype for Business Server 2015 のみ。2019 では XMPP は廃止)。',
        },
    },
    xmppOut: {
        service: XMPP_PROXY, condition: 'xmpp', address: 'xmpp', direction: 'outbound', peer: 'any', ...tcp(5269), protocol: 'XMPP',
        purpose: {
            en: 'XMPP federation: the XMPP Proxy sends to contacts in the configured XMPP federations (Skype for Business Server 2015 only).',
            ja: 'XMPP フェデレーション: XMPP プロキシが構成済みの XMPP フェデレーションの相手へ送信します (Skype for Business Server 2015 のみ)。',
        },
    },
    crl: {
        service: ACCESS_EDGE, address: 'access', direction: 'outbound', peer: 'any', ...tcp(80), protocol: 'HTTP',
        purpose: {
            en: 'The Access Edge fetches certificate revocation lists over HTTP to check certificates.',
            ja: 'アクセス エッジが HTTP で証明書失効リスト (CRL) を取得し、証明書の失効を確認します。',
        },
    },
    dnsTcp: {
        service: ACCESS_EDGE, address: 'access', direction: 'outbound', peer: 'any', ...tcp(53), protocol: 'DNS',
        purpose: { en: 'Name lookups from the Access Edge over TCP.', ja: 'アクセス エッジからの TCP による名前解決です。' },
    },
    dnsUdp: {
        service: ACCESS_EDGE, address: 'access', direction: 'outbound', peer: 'any', ...udp(53), protocol: 'DNS',
        purpose: { en: 'Name lookups from the Access Edge over UDP.', ja: 'アクセス エッジからの UDP による名前解決です。' },
    },
    clientSip: {
        service: ACCESS_EDGE, address: 'access', direction: 'inbound', peer: 'any', ...tcp(443), protocol: 'TLS',
        singleAddressPort: { port: 444, document: SINGLE_ADDRESS_DOCUMENT },
        purpose: {
            en: 'Remote users\' clients sign in and exchange SIP with the Access Edge.',
            ja: 'リモート ユーザーのクライアントがアクセス エッジにサインインし、SIP をやり取りします。',
        },
    },
    federationIn: {
        service: ACCESS_EDGE, condition: 'federation', address: 'access', direction: 'inbound', peer: 'any', ...tcp(5061), protocol: 'MTLS',
        purpose: {
            en: 'SIP federation and public IM: federated partners connect to the Access Edge.',
            ja: 'SIP フェデレーションとパブリック IM: フェデレーションの相手がアクセス エッジに接続します。',
        },
    },
    federationOut: {
        service: ACCESS_EDGE, condition: 'federation', address: 'access', direction: 'outbound', peer: 'any', ...tcp(5061), protocol: 'MTLS',
        purpose: {
            en: 'SIP federation and public IM: the Access Edge connects to federated partners.',
            ja: 'SIP フェデレーションとパブリック IM: アクセス エッジがフェデレーションの相手に接続します。',
        },
    },
    webConferencing: {
        service: WEBCONF_EDGE, address: 'webconf', direction: 'inbound', peer: 'any', ...tcp(443), protocol: 'PSOM/TLS',
        singleAddressPort: { port: 8057, document: SINGLE_ADDRESS_DOCUMENT },
        purpose: {
            en: 'External participants get meeting content from the Web Conferencing Edge.',
            ja: '外部の参加者が Web 会議エッジから会議のコンテンツを受け取ります。',
        },
    },
    relayTcp: {
        service: AV_EDGE, address: 'av', direction: 'outbound', peer: 'any', transport: 'TCP', ...MEDIA_RELAY, protocol: 'RTP',
        purpose: {
            en: 'The A/V Edge relays media towards external endpoints over TCP.',
            ja: '音声ビデオ エッジが外部のエンドポイントへ TCP でメディアを中継します。',
        },
    },
    relayUdp: {
        service: AV_EDGE, address: 'av', direction: 'outbound', peer: 'any', transport: 'UDP', ...MEDIA_RELAY, protocol: 'RTP',
        purpose: {
            en: 'The A/V Edge relays media towards external endpoints over UDP.',
            ja: '音声ビデオ エッジが外部のエンドポイントへ UDP でメディアを中継します。',
        },
    },
    stunUdpOut: {
        service: AV_EDGE, address: 'av', direction: 'outbound', peer: 'any', ...udp(3478), protocol: 'STUN/MSTURN',
        purpose: {
            en: 'STUN/TURN from the A/V Edge over UDP: media between Edge servers and Edge pools, learning another Edge\'s version, federation with Lync Server 2010.',
            ja: '音声ビデオ エッジからの UDP の STUN/TURN です。エッジ サーバー間やエッジ プール間のメディア、相手のエッジのバージョンの確認、Lync Server 2010 とのフェデレーションに使います。',
        },
    },
    stunUdpIn: {
        service: AV_EDGE, address: 'av', direction: 'inbound', peer: 'any', ...udp(3478), protocol: 'STUN/MSTURN',
        purpose: {
            en: 'External endpoints negotiate media candidates with the A/V Edge over UDP (STUN/TURN).',
            ja: '外部のエンドポイントが音声ビデオ エッジと UDP でメディアの候補をネゴシエートします (STUN/TURN)。',
        },
    },
    stunTcpIn: {
        service: AV_EDGE, address: 'av', direction: 'inbound', peer: 'any', ...tcp(443), protocol: 'STUN/MSTURN',
        purpose: {
            en: 'External endpoints negotiate media candidates with the A/V Edge over TCP (STUN/TURN).',
            ja: '外部のエンドポイントが音声ビデオ エッジと TCP でメディアの候補をネゴシエートします (STUN/TURN)。',
        },
    },
    stunTcpOut: {
        service: AV_EDGE, address: 'av', direction: 'outbound', peer: 'any', ...tcp(443), protocol: 'STUN/MSTURN',
        purpose: {
            en: 'The A/V Edge negotiates media candidates with external endpoints over TCP (STUN/TURN).',
            ja: '音声ビデオ エッジが外部のエンドポイントと TCP でメディアの候補をネゴシエートします (STUN/TURN)。',
        },
    },

    // Internal side.
    xmppGateway: {
        service: XMPP_PROXY, condition: 'xmpp', address: 'internal', direction: 'inbound', peer: 'xmpp-gateway', ...tcp(23456), protocol: 'XMPP/MTLS',
        purpose: {
            en: 'The XMPP Gateway on the Front End servers hands XMPP traffic to the Edge (Skype for Business Server 2015 only).',
            ja: 'フロント エンド サーバー上の XMPP ゲートウェイが XMPP の通信をエッジへ渡します (Skype for Business Server 2015 のみ)。',
        },
    },
    nextHopIn: {
        service: ACCESS_EDGE, address: 'internal', direction: 'inbound', peer: 'next-hop', ...tcp(5061), protocol: 'MTLS',
        purpose: {
            en: 'SIP from the next-hop Director or Front End pool to the Edge\'s internal side.',
            ja: 'ネクスト ホップのディレクターまたはフロント エンド プールからエッジの内部側への SIP です。',
        },
    },
    nextHopOut: {
        service: ACCESS_EDGE, address: 'internal', direction: 'outbound', peer: 'next-hop', ...tcp(5061), protocol: 'MTLS',
        purpose: {
            en: 'SIP from the Edge\'s internal side to the next-hop Director or Front End pool.',
            ja: 'エッジの内部側からネクスト ホップのディレクターまたはフロント エンド プールへの SIP です。',
        },
    },
    psom: {
        service: WEBCONF_EDGE, address: 'internal', direction: 'inbound', peer: 'frontend-servers', ...tcp(8057), protocol: 'PSOM/MTLS',
        purpose: {
            en: 'Each Front End server passes web conferencing traffic to the Web Conferencing Edge through the internal side.',
            ja: '各フロント エンド サーバーが Web 会議の通信を内部側から Web 会議エッジへ渡します。',
        },
    },
    mediaAuthentication: {
        service: 'A/V Authentication service', address: 'internal', direction: 'inbound', peer: 'frontend-servers', ...tcp(5062), protocol: 'MTLS',
        purpose: {
            en: 'Front End servers and Survivable Branch Appliances or Servers have A/V users authenticated by the Edge.',
            ja: 'フロント エンド サーバーや存続可能ブランチ アプライアンス/サーバーが、音声ビデオのユーザーをエッジで認証します。',
        },
    },
    mediaUdp: {
        service: AV_EDGE, address: 'internal', direction: 'inbound', peer: 'any', ...udp(3478), protocol: 'STUN/MSTURN',
        purpose: {
            en: 'Media between internal and external users through the A/V Edge; UDP is the preferred path.',
            ja: '内部と外部のユーザー間のメディアが音声ビデオ エッジを通ります。UDP が優先の経路です。',
        },
    },
    mediaTcp: {
        service: AV_EDGE, address: 'internal', direction: 'inbound', peer: 'any', ...tcp(443), protocol: 'STUN/MSTURN',
        purpose: {
            en: 'The TCP fallback for that media when UDP fails; file transfer and desktop sharing then use it too.',
            ja: 'UDP が使えないときの同じメディアの TCP による代替経路で、ファイル転送やデスクトップ共有もこれを使います。',
        },
    },
    cmsReplication: {
        service: 'Central Management Store replication', address: 'internal', direction: 'inbound', peer: 'cms', ...tcp(4443), protocol: 'HTTPS',
        purpose: {
            en: 'The Central Management Store replicates configuration changes to the Edge server over HTTPS.',
            ja: '中央管理ストアが構成の変更を HTTPS でエッジ サーバーへ複製します。',
        },
    },
    cls1: centralizedLogging(50001),
    cls2: centralizedLogging(50002),
    cls3: centralizedLogging(50003),

    // Reverse proxy: its Internet-facing listener, then its internal side.
    proxyHttp: {
        service: 'Reverse proxy listener', condition: 'optional', address: 'external', direction: 'inbound', peer: 'any', ...tcp(80), protocol: 'HTTP',
        purpose: {
            en: 'Optional: sends http:// requests on to HTTPS; also needed for Office Web Apps conferencing and mobile autodiscover when the publishing certificate stays unchanged.',
            ja: '任意。http:// の要求を HTTPS へ振り向けます。公開ルールの証明書を変えない場合の Office Web Apps 会議やモバイルの自動検出にも必要です。',
        },
    },
    proxyHttps: {
        service: 'Reverse proxy listener', address: 'external', direction: 'inbound', peer: 'any', ...tcp(443), protocol: 'HTTPS',
        purpose: {
            en: 'The published web services for external users: address book, autodiscover, updates, meeting content, group expansion, Office Web Apps, dial-in and meeting pages.',
            ja: '外部ユーザー向けに公開する Web サービスです。アドレス帳、自動検出、更新、会議のコンテンツ、グループの展開、Office Web Apps、ダイヤルイン会議と会議のページ。',
        },
    },
    publishHttp: {
        service: 'Reverse proxy publishing', condition: 'optional', address: 'internal', direction: 'outbound', peer: 'web-services', ...tcp(8080), protocol: 'HTTP',
        purpose: {
            en: 'What arrives on external port 80 goes on to the pools\' web services on 8080, which tells it apart from internal traffic (needed for mobile autodiscover without a new certificate).',
            ja: '外部の 80 番に届いた通信をプールの Web サービスの 8080 番へ転送し、内部の通信と区別させます (証明書を変えずにモバイルの自動検出を使う場合に必要)。',
        },
    },
    publishHttps: {
        service: 'Reverse proxy publishing', address: 'internal', direction: 'outbound', peer: 'web-services', ...tcp(4443), protocol: 'HTTPS',
        purpose: {
            en: 'What arrives on external port 443 goes on to the pools\' external web services on 4443, which tells it apart from internal traffic.',
            ja: '外部の 443 番に届いた通信をプールの外部 Web サービスの 4443 番へ転送し、内部の通信と区別させます。',
        },
    },
    officeWebApps: {
        service: 'Reverse proxy publishing', address: 'internal', direction: 'outbound', peer: 'officewebapps', ...tcp(443), protocol: 'HTTPS',
        purpose: {
            en: 'Office Web Apps Server, reached on HTTPS 443, for meeting content.',
            ja: '会議のコンテンツのため、HTTPS 443 で Office Web Apps Server に接続します。',
        },
    },
} satisfies Record<string, Row>;

// Where the hardware-load-balancing tables say something else than the rows above.
const STUN_UDP_OUT_HLB: Row = {
    ...ROW.stunUdpOut,
    purpose: {
        en: 'STUN/TURN from the A/V Edge over UDP: media between Edge servers and Edge pools, learning another Edge\'s version, federation.',
        ja: '音声ビデオ エッジからの UDP の STUN/TURN です。エッジ サーバー間やエッジ プール間のメディア、相手のエッジのバージョンの確認、フェデレーションに使います。',
    },
};
const MEDIA_UDP_FROM_FRONT_ENDS: Row = { ...ROW.mediaUdp, peer: 'frontend-servers' };
const MEDIA_TCP_FROM_FRONT_ENDS: Row = { ...ROW.mediaTcp, peer: 'frontend-servers' };

/** A table's rows in the document's order, each with an id naming its table, address, transport, ports and direction. */
function tableOf(table: Table, rows: Row[]): PerimeterEntry[] {
    return rows.map((row) => {
        const ports = row.from === row.to ? `${row.from}` : `${row.from}-${row.to}`;
        const id = `${table.table}.${row.address}.${row.transport.toLowerCase()}.${ports}.${row.direction === 'inbound' ? 'in' : 'out'}`;
        return { id, ...table, ...row };
    });
}

export const PERIMETER_CATALOGUE: readonly PerimeterEntry[] = [
    // External port firewall summary table.
    ...tableOf(EXTERNAL, [
        ROW.xmppIn, ROW.crl, ROW.dnsTcp, ROW.dnsUdp, ROW.clientSip, ROW.federationIn, ROW.federationOut, ROW.webConferencing,
        ROW.relayTcp, ROW.relayUdp, ROW.stunUdpOut, ROW.stunUdpIn, ROW.stunTcpIn, ROW.stunTcpOut,
    ]),
    // Internal port firewall summary table.
    ...tableOf(INTERNAL, [
        ROW.xmppGateway, ROW.nextHopIn, ROW.nextHopOut, ROW.psom, ROW.mediaAuthentication, ROW.mediaUdp, ROW.mediaTcp, ROW.cmsReplication,
        ROW.cls1, ROW.cls2, ROW.cls3,
    ]),
    // Hardware load balancers, each Edge server's own addresses: external, then internal.
    ...tableOf(HLB_EXTERNAL, [
        ROW.crl, ROW.dnsTcp, ROW.dnsUdp, ROW.relayTcp, ROW.relayUdp, STUN_UDP_OUT_HLB, ROW.stunUdpIn, ROW.stunTcpIn, ROW.stunTcpOut,
    ]),
    ...tableOf(HLB_INTERNAL, [
        ROW.xmppGateway, ROW.cmsReplication, ROW.psom, MEDIA_UDP_FROM_FRONT_ENDS, MEDIA_TCP_FROM_FRONT_ENDS, ROW.cls1, ROW.cls2, ROW.cls3,
    ]),
    // Hardware load balancers, the virtual IPs. The documentation only recommends routing
    // through the internal one for Exchange 2007/2010 UM and legacy clients.
    ...tableOf(VIP_EXTERNAL, [
        ROW.xmppIn, ROW.xmppOut, ROW.clientSip, ROW.federationIn, ROW.federationOut, ROW.webConferencing, ROW.stunUdpIn, ROW.stunTcpIn,
    ]),
    ...tableOf(VIP_INTERNAL, [ROW.nextHopIn, ROW.nextHopOut, ROW.mediaAuthentication, ROW.mediaUdp, ROW.mediaTcp]),
    // Reverse proxy.
    ...tableOf(REVERSE_PROXY, [ROW.proxyHttp, ROW.proxyHttps, ROW.publishHttp, ROW.publishHttps, ROW.officeWebApps]),
];
