// Port catalogue for Skype for Business Server, transcribed from the five tables of the "port and protocol
// requirements for servers" seed page; the purposes are our own bilingual summaries.

import type { SeedEntry } from './types.js';

/** How the seed names itself: every row below comes from it. */
export const SEED_DOCUMENT = 'seed:000_bfb2592f6b08a9aa';

export const CATALOGUE: readonly SeedEntry[] = [
    // ---- Table 1: server ports by role (server) ----
    {
        id: 'server.all-servers.1434', table: 'server', role: 'all-servers', service: 'SQL Browser',
        key: 'sql-browser', from: 1434, to: 1434, transport: 'UDP',
        purpose: {
            en: 'SQL Browser lookups for the local replica of the Central Management Store database.',
            ja: 'ローカルに複製された中央管理ストアのデータベースを、SQL ブラウザー経由で見つけるために使います。',
        },
    },
    {
        id: 'server.frontend.5060', table: 'server', role: 'frontend', service: 'Front-End service',
        key: 'sip', from: 5060, to: 5060, transport: 'TCP',
        purpose: {
            en: 'Optional plain-TCP SIP for static routes to trusted services such as a remote call control server.',
            ja: '任意。リモート通話制御サーバーなど、信頼済みサービスへの静的ルートで TCP 上の SIP を使う場合に開きます。',
        },
    },
    {
        id: 'server.frontend.5061', table: 'server', role: 'frontend', service: 'Front-End service',
        key: 'sip-tls', from: 5061, to: 5061, transport: 'TCP', protocol: 'TLS',
        purpose: {
            en: 'Main SIP port: MTLS between servers (Mediation included), TLS with clients; Monitoring uses it too.',
            ja: 'プールの主要な SIP ポートです。サーバー間 (仲介サーバーを含む) は MTLS、クライアントとは TLS で通信し、'
                + '監視サーバーとの通信にも使われます。',
        },
    },
    {
        id: 'server.frontend.444', table: 'server', role: 'frontend', service: 'Front-End service',
        key: 'web-internal-https', from: 444, to: 444, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'HTTPS between the conferencing focus and individual servers; Survivable Branch Appliances also '
                + 'use it to reach the Front End.',
            ja: '会議の状態を管理するフォーカスと各サーバーとの HTTPS 通信に使います。'
                + '存続可能ブランチ アプライアンスからの接続にも使われます。',
        },
    },
    {
        id: 'server.frontend.135', table: 'server', role: 'frontend', service: 'Front-End service',
        key: 'dcom', from: 135, to: 135, transport: 'TCP', protocol: 'DCOM/RPC',
        purpose: {
            en: 'DCOM-based administrative operations such as moving users, User Replicator and address book sync.',
            ja: 'ユーザーの移動、ユーザー レプリケーターやアドレス帳の同期など、DCOM を使う管理操作に必要です。',
        },
    },
    {
        id: 'server.frontend.5062', table: 'server', role: 'frontend', service: 'IM Conferencing service',
        key: 'im-conferencing', from: 5062, to: 5062, transport: 'TCP',
        purpose: {
            en: 'Receives SIP requests for instant messaging (IM) conferences.',
            ja: 'インスタント メッセージング (IM) 会議の SIP 要求を受け付けます。',
        },
    },
    {
        id: 'server.frontend.8057', table: 'server', role: 'frontend', service: 'Web Conferencing service',
        key: 'web-conferencing', from: 8057, to: 8057, transport: 'TCP', protocol: 'TLS',
        purpose: {
            en: 'Accepts PSOM (Persistent Shared Object Model) connections from clients for web conferencing content.',
            ja: 'Web 会議のコンテンツ用に、クライアントからの PSOM (永続共有オブジェクト モデル) 接続を待ち受けます。',
        },
    },
    {
        id: 'server.frontend.8058', table: 'server', role: 'frontend',
        service: 'Web Conferencing Compatibility service',
        key: 'web-conferencing-compat', from: 8058, to: 8058, transport: 'TCP', protocol: 'TLS',
        purpose: {
            en: 'Accepts PSOM connections from Live Meeting clients and from earlier versions of the product.',
            ja: 'Live Meeting クライアントや旧バージョンの製品からの PSOM 接続を待ち受けます。',
        },
    },
    {
        id: 'server.frontend.5063', table: 'server', role: 'frontend', service: 'Audio/Video Conferencing service',
        key: 'av-conferencing', from: 5063, to: 5063, transport: 'TCP',
        purpose: {
            en: 'Receives SIP requests for audio/video conferences.',
            ja: '音声ビデオ会議の SIP 要求を受け付けます。',
        },
    },
    {
        id: 'server.frontend.57501-65535', table: 'server', role: 'frontend',
        service: 'Audio/Video Conferencing service',
        from: 57501, to: 65535, transport: 'TCP/UDP', media: 'video',
        purpose: {
            en: 'Media port range for video in audio/video conferences.',
            ja: '音声ビデオ会議でビデオのメディアに使うポート範囲です。',
        },
    },
    {
        id: 'server.frontend.80', table: 'server', role: 'frontend', service: 'Web Compatibility service',
        key: 'web-http', from: 80, to: 80, transport: 'TCP', protocol: 'HTTP',
        purpose: {
            en: 'Plain HTTP from the Front End to the web farm FQDN of the IIS web components, when HTTPS is not used.',
            ja: 'HTTPS を使わない場合に、フロント エンド サーバーから IIS Web コンポーネントの Web ファーム FQDN へ'
                + ' HTTP で接続します。',
        },
    },
    {
        id: 'server.frontend.443-web', table: 'server', role: 'frontend', service: 'Web Compatibility service',
        key: 'web-https', from: 443, to: 443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'HTTPS from the Front End to the web farm FQDN of the IIS web components.',
            ja: 'フロント エンド サーバーから IIS Web コンポーネントの Web ファーム FQDN へ HTTPS で接続します。',
        },
    },
    {
        id: 'server.frontend.8080', table: 'server', role: 'frontend', service: 'Web Compatibility service',
        key: 'web-external', from: 8080, to: 8080, transport: 'TCP', protocol: 'HTTP',
        purpose: {
            en: 'Port the web components use for external access.',
            ja: '外部アクセス用の Web コンポーネントが使うポートです。',
        },
    },
    {
        id: 'server.frontend.4443', table: 'server', role: 'frontend', service: 'Web Server components',
        key: 'web-reverse-proxy', from: 4443, to: 4443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'HTTPS from the reverse proxy (including autodiscover sign-in) and HTTPS between Front End pools.',
            ja: 'リバース プロキシからの HTTPS (自動検出によるサインインを含む) と、フロント エンド プール間の'
                + ' HTTPS 通信に使います。',
        },
    },
    {
        id: 'server.frontend.8060', table: 'server', role: 'frontend', service: 'Web Server components',
        key: 'web-mtls-8060', from: 8060, to: 8060, transport: 'TCP', protocol: 'MTLS',
        purpose: {
            en: 'Mutual-TLS port of the Front End web server components; the source gives no further detail.',
            ja: 'フロント エンド サーバーの Web サーバー コンポーネントが使う MTLS ポートです (詳細な用途は記載なし)。',
        },
    },
    {
        id: 'server.frontend.8061', table: 'server', role: 'frontend', service: 'Web Server components',
        key: 'web-mtls-8061', from: 8061, to: 8061, transport: 'TCP', protocol: 'MTLS',
        purpose: {
            en: 'Second mutual-TLS port of the Front End web server components; the source gives no further detail.',
            ja: 'Web サーバー コンポーネントが使うもう一つの MTLS ポートです (詳細な用途は記載なし)。',
        },
    },
    {
        id: 'server.frontend.5086', table: 'server', role: 'frontend', service: 'Mobility Services component',
        key: 'mobility-sip-5086', from: 5086, to: 5086, transport: 'TCP', protocol: 'MTLS',
        purpose: {
            en: 'SIP port for internal Mobility Services processes.',
            ja: 'Mobility Services の内部処理が使う SIP ポートです。',
        },
    },
    {
        id: 'server.frontend.5087', table: 'server', role: 'frontend', service: 'Mobility Services component',
        key: 'mobility-sip-5087', from: 5087, to: 5087, transport: 'TCP', protocol: 'MTLS',
        purpose: {
            en: 'Second SIP port for internal Mobility Services processes.',
            ja: 'Mobility Services の内部処理が使う 2 つ目の SIP ポートです。',
        },
    },
    {
        id: 'server.frontend.443-mobility', table: 'server', role: 'frontend', service: 'Mobility Services component',
        key: 'mobility-https', from: 443, to: 443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'HTTPS port of the Mobility Services component, which serves mobile clients.',
            ja: 'モバイル クライアント向けの Mobility Services コンポーネントが使う HTTPS ポートです。',
        },
    },
    {
        id: 'server.frontend.5064', table: 'server', role: 'frontend',
        service: 'Conferencing Attendant service (dial-in conferencing)',
        key: 'conferencing-attendant', from: 5064, to: 5064, transport: 'TCP',
        purpose: {
            en: 'Receives SIP requests for dial-in conferencing.',
            ja: 'ダイヤルイン会議の SIP 要求を受け付けます。',
        },
    },
    {
        id: 'server.frontend.5072', table: 'server', role: 'frontend',
        service: 'Conferencing Attendant service (dial-in conferencing)',
        key: 'conferencing-attendant-answer', from: 5072, to: 5072, transport: 'TCP',
        purpose: {
            en: 'Receives incoming SIP requests for the Conferencing Attendant (dial-in conferencing).',
            ja: '会議アテンダント (ダイヤルイン会議) への着信 SIP 要求を受け付けます。',
        },
    },
    {
        id: 'server.frontend.colocated-mediation.5070', table: 'server', role: 'frontend',
        condition: 'colocated-mediation', service: 'Mediation service',
        key: 'mediation', from: 5070, to: 5070, transport: 'TCP',
        purpose: {
            en: 'With Mediation collocated, the Mediation service receives requests from the Front End on this port.',
            ja: '仲介サービスを併置している場合に、フロント エンドからの要求を仲介サービスが受け付けます。',
        },
    },
    {
        id: 'server.frontend.colocated-mediation.5067', table: 'server', role: 'frontend',
        condition: 'colocated-mediation', service: 'Mediation service',
        key: 'mediation-gateway-tls', from: 5067, to: 5067, transport: 'TCP', protocol: 'TLS',
        purpose: {
            en: 'With Mediation collocated, receives SIP requests from PSTN gateways over TLS.',
            ja: '仲介サービスを併置している場合に、PSTN ゲートウェイからの SIP 要求を TLS で受け付けます。',
        },
    },
    {
        id: 'server.frontend.colocated-mediation.5068', table: 'server', role: 'frontend',
        condition: 'colocated-mediation', service: 'Mediation service',
        key: 'mediation-gateway-tcp', from: 5068, to: 5068, transport: 'TCP',
        purpose: {
            en: 'With Mediation collocated, receives SIP requests from PSTN gateways over plain TCP.',
            ja: '仲介サービスを併置している場合に、PSTN ゲートウェイからの SIP 要求を TCP で受け付けます。',
        },
    },
    {
        id: 'server.frontend.colocated-mediation.5081', table: 'server', role: 'frontend',
        condition: 'colocated-mediation', service: 'Mediation service',
        key: 'mediation-to-gateway', from: 5081, to: 5081, transport: 'TCP',
        purpose: {
            en: 'With Mediation collocated, sends SIP requests to PSTN gateways over plain TCP.',
            ja: '仲介サービスを併置している場合に、PSTN ゲートウェイへ SIP 要求を TCP で送信します。',
        },
    },
    {
        id: 'server.frontend.colocated-mediation.5082', table: 'server', role: 'frontend',
        condition: 'colocated-mediation', service: 'Mediation service',
        key: 'mediation-to-gateway-tls', from: 5082, to: 5082, transport: 'TCP', protocol: 'TLS',
        purpose: {
            en: 'With Mediation collocated, sends SIP requests to PSTN gateways over TLS.',
            ja: '仲介サービスを併置している場合に、PSTN ゲートウェイへ SIP 要求を TLS で送信します。',
        },
    },
    {
        id: 'server.frontend.5065', table: 'server', role: 'frontend', service: 'Application Sharing service',
        key: 'appsharing', from: 5065, to: 5065, transport: 'TCP',
        purpose: {
            en: 'Receives SIP requests for application sharing.',
            ja: 'アプリケーション共有の SIP 要求を受け付けます。',
        },
    },
    {
        id: 'server.frontend.49152-65535', table: 'server', role: 'frontend', service: 'Application Sharing service',
        from: 49152, to: 65535, transport: 'TCP', media: 'appsharing',
        purpose: {
            en: 'Media port range for application sharing.',
            ja: 'アプリケーション共有のメディアに使うポート範囲です。',
        },
    },
    {
        id: 'server.frontend.5073', table: 'server', role: 'frontend', service: 'Conferencing Announcement service',
        key: 'conferencing-announcement', from: 5073, to: 5073, transport: 'TCP',
        purpose: {
            en: 'Receives incoming SIP requests for the Conferencing Announcement service used in dial-in conferences.',
            ja: 'ダイヤルイン会議で使う会議アナウンス サービスへの着信 SIP 要求を受け付けます。',
        },
    },
    {
        id: 'server.frontend.5075', table: 'server', role: 'frontend', service: 'Call Park service',
        key: 'call-park', from: 5075, to: 5075, transport: 'TCP',
        purpose: {
            en: 'Receives SIP requests for the Call Park application.',
            ja: 'コール パーク アプリケーションの SIP 要求を受け付けます。',
        },
    },
    {
        id: 'server.frontend.5076', table: 'server', role: 'frontend', service: 'Audio Test service',
        key: 'audio-test', from: 5076, to: 5076, transport: 'TCP',
        purpose: {
            en: 'Receives SIP requests for the Audio Test service.',
            ja: 'オーディオ テスト サービスの SIP 要求を受け付けます。',
        },
    },
    {
        id: 'server.frontend.5066', table: 'server', role: 'frontend', service: 'Enhanced 9-1-1 gateway',
        key: 'e911-gateway', from: 5066, to: 5066, transport: 'TCP',
        purpose: {
            en: 'Used towards the outbound Enhanced 9-1-1 (E9-1-1) gateway.',
            ja: '発信側の Enhanced 9-1-1 (E9-1-1) ゲートウェイとの通信に使います。',
        },
    },
    {
        id: 'server.frontend.5071', table: 'server', role: 'frontend', service: 'Response Group service',
        key: 'response-group', from: 5071, to: 5071, transport: 'TCP',
        purpose: {
            en: 'Receives SIP requests for the Response Group application.',
            ja: '応答グループ アプリケーションの SIP 要求を受け付けます。',
        },
    },
    {
        id: 'server.frontend.8404', table: 'server', role: 'frontend', service: 'Response Group service',
        key: 'response-group-mtls', from: 8404, to: 8404, transport: 'TCP', protocol: 'MTLS',
        purpose: {
            en: 'Receives SIP requests for the Response Group application over MTLS.',
            ja: '応答グループ アプリケーションの SIP 要求を MTLS で受け付けます。',
        },
    },
    {
        id: 'server.frontend.5080', table: 'server', role: 'frontend', service: 'Bandwidth Policy service',
        key: 'bandwidth-policy', from: 5080, to: 5080, transport: 'TCP',
        purpose: {
            en: 'Call admission control by the Bandwidth Policy service for A/V Edge TURN traffic.',
            ja: '帯域幅ポリシー サービスが、音声ビデオ エッジの TURN トラフィックの通話受付管理に使います。',
        },
    },
    {
        id: 'server.frontend.445', table: 'server', role: 'frontend', service: 'File share access',
        key: 'file-share', from: 445, to: 445, transport: 'TCP', protocol: 'SMB',
        purpose: {
            en: 'SMB access to the file share for address book files, meeting content and other stored items.',
            ja: 'ファイル共有からアドレス帳、会議コンテンツなどの保存データを取得するための SMB 接続です。',
        },
    },
    {
        id: 'server.frontend.448', table: 'server', role: 'frontend', service: 'Bandwidth Policy service',
        key: 'bandwidth-policy-448', from: 448, to: 448, transport: 'TCP',
        purpose: {
            en: 'Call admission control by the Bandwidth Policy service.',
            ja: '帯域幅ポリシー サービスによる通話受付管理に使います。',
        },
    },
    {
        id: 'server.frontend.cms.445', table: 'server', role: 'frontend', condition: 'cms',
        service: 'Master Replicator Agent service',
        key: 'master-replicator', from: 445, to: 445, transport: 'TCP',
        purpose: {
            en: 'The Master Replicator Agent pushes configuration data from the Central Management Store to servers.',
            ja: 'マスター レプリケーター エージェントが、中央管理ストアの構成データを各サーバーへ配布します。',
        },
    },
    {
        id: 'server.all-servers.1434-2', table: 'server', role: 'all-servers', service: 'SQL Browser',
        key: 'sql-browser', from: 1434, to: 1434, transport: 'UDP',
        purpose: {
            en: 'SQL Browser for the local SQL Server instance holding the replicated Central Management Store data.',
            ja: '中央管理ストアの複製データを保持するローカルの SQL Server インスタンスを、SQL ブラウザーで参照します。',
        },
    },
    {
        id: 'server.internal-servers.49152-57500', table: 'server', role: 'internal-servers',
        service: 'Media (various)',
        from: 49152, to: 57500, transport: 'TCP/UDP', media: 'audio',
        purpose: {
            en: 'Audio media range on every internal server that terminates audio: Front End conferencing services '
                + '(Conferencing Attendant, Conferencing Announcement, A/V Conferencing) and Mediation.',
            ja: 'オーディオを終端するすべての内部サーバー (会議アテンダント、会議アナウンス、音声ビデオ会議を'
                + '実行するフロント エンド サーバーと仲介サーバー) の音声メディア用ポート範囲です。',
        },
    },
    {
        id: 'server.officewebapps.443', table: 'server', role: 'officewebapps', service: 'Office Web Apps Server',
        key: 'https', from: 443, to: 443, transport: 'TCP',
        purpose: {
            en: 'Connection between Skype for Business Server and Office Web Apps Server.',
            ja: 'Skype for Business Server と Office Web Apps Server の間の接続に使います。',
        },
    },
    {
        id: 'server.director.5060', table: 'server', role: 'director', service: 'Front-End service',
        key: 'sip', from: 5060, to: 5060, transport: 'TCP',
        purpose: {
            en: 'Optional plain-TCP SIP for static routes to trusted services such as a remote call control server.',
            ja: '任意。リモート通話制御サーバーなど、信頼済みサービスへの静的ルートで TCP 上の SIP を使う場合に開きます。',
        },
    },
    {
        id: 'server.director.444', table: 'server', role: 'director', service: 'Front-End service',
        key: 'web-internal-https', from: 444, to: 444, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Traffic between Front End and Director, including publishing client certificates to the Front End '
                + 'or validating ones already issued.',
            ja: 'フロント エンド サーバーとディレクター間の通信です。クライアント証明書のフロント エンドへの発行や、'
                + '発行済み証明書の検証にも使います。',
        },
    },
    {
        id: 'server.director.80', table: 'server', role: 'director', service: 'Web Compatibility service',
        key: 'web-http', from: 80, to: 80, transport: 'TCP',
        purpose: {
            en: 'First contact from the Director to the web farm FQDN; normal traffic then moves to HTTPS on port 443.',
            ja: 'ディレクターから Web ファーム FQDN への最初の接続に使い、その後の通常の通信はポート 443 の HTTPS'
                + ' に移ります。',
        },
    },
    {
        id: 'server.director.443', table: 'server', role: 'director', service: 'Web Compatibility service',
        key: 'web-https', from: 443, to: 443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'HTTPS from the Director to the web farm FQDN of the IIS web components.',
            ja: 'ディレクターから IIS Web コンポーネントの Web ファーム FQDN へ HTTPS で接続します。',
        },
    },
    {
        id: 'server.director.5061', table: 'server', role: 'director', service: 'Front-End service',
        key: 'sip-tls', from: 5061, to: 5061, transport: 'TCP',
        purpose: {
            en: 'SIP for internal server-to-server traffic and for client connections.',
            ja: 'サーバー間の内部通信と、クライアントからの接続に使う SIP ポートです。',
        },
    },
    {
        id: 'server.mediation.5070', table: 'server', role: 'mediation', service: 'Mediation service',
        key: 'mediation', from: 5070, to: 5070, transport: 'TCP',
        purpose: {
            en: 'The Mediation Server receives requests from Front End Servers on this port.',
            ja: '仲介サーバーが、フロント エンド サーバーからの要求をこのポートで受け付けます。',
        },
    },
    {
        id: 'server.mediation.5067', table: 'server', role: 'mediation', service: 'Mediation service',
        key: 'mediation-gateway-tls', from: 5067, to: 5067, transport: 'TCP', protocol: 'TLS',
        purpose: {
            en: 'Receives SIP requests from PSTN gateways over TLS.',
            ja: 'PSTN ゲートウェイからの SIP 要求を TLS で受け付けます。',
        },
    },
    {
        id: 'server.mediation.5068', table: 'server', role: 'mediation', service: 'Mediation service',
        key: 'mediation-gateway-tcp', from: 5068, to: 5068, transport: 'TCP',
        purpose: {
            en: 'Receives SIP requests from PSTN gateways over plain TCP.',
            ja: 'PSTN ゲートウェイからの SIP 要求を TCP で受け付けます。',
        },
    },
    {
        id: 'server.mediation.5070-2', table: 'server', role: 'mediation', service: 'Mediation service',
        key: 'mediation', from: 5070, to: 5070, transport: 'TCP', protocol: 'MTLS',
        purpose: {
            en: 'SIP requests from Front End Servers to the Mediation Server, secured with MTLS.',
            ja: 'フロント エンド サーバーから仲介サーバーへの SIP 要求を MTLS で受け付けます。',
        },
    },
    {
        id: 'server.persistentchat.5041', table: 'server', role: 'persistentchat', service: 'Persistent Chat SIP',
        key: 'sip', from: 5041, to: 5041, transport: 'TCP', protocol: 'MTLS',
        purpose: {
            en: 'SIP port of the Persistent Chat Front End Server, secured with MTLS.',
            ja: '常設チャット フロント エンド サーバーの SIP ポートです (MTLS)。',
        },
    },
    {
        id: 'server.persistentchat.881', table: 'server', role: 'persistentchat', service: 'Persistent Chat WCF',
        key: 'wcf', from: 881, to: 881, transport: 'TCP', protocol: 'TLS/MTLS',
        purpose: {
            en: 'Windows Communication Foundation (WCF) traffic of Persistent Chat, over TLS or MTLS.',
            ja: '常設チャットの Windows Communication Foundation (WCF) 通信に使います (TLS または MTLS)。',
        },
    },
    {
        id: 'server.persistentchat.443', table: 'server', role: 'persistentchat',
        service: 'Persistent Chat File Transfer service',
        key: 'file-transfer', from: 443, to: 443, transport: 'TCP', protocol: 'TLS',
        purpose: {
            en: 'Used by the Persistent Chat File Transfer service, over TLS.',
            ja: '常設チャットのファイル転送サービスが TLS で使います。',
        },
    },

    // ---- Table 2: hardware load balancer ports, hardware load balancing only (lb-hardware) ----
    {
        id: 'lb-hardware.frontend.5061', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 5061, to: 5061, transport: 'TCP', protocol: 'TLS',
        purpose: {
            en: 'Spreads SIP traffic across the servers of the Front End pool.',
            ja: 'フロント エンド プールの各サーバーへ SIP 通信を振り分けます。',
        },
    },
    {
        id: 'lb-hardware.frontend.444', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 444, to: 444, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Balances HTTPS to port 444 of the Front End pool (focus and server-to-server traffic).',
            ja: 'フロント エンド プールのポート 444 への HTTPS 通信 (フォーカスやサーバー間通信) を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.135', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 135, to: 135, transport: 'TCP', protocol: 'DCOM/RPC',
        purpose: {
            en: 'Balances DCOM/RPC traffic of administrative operations such as moving users.',
            ja: 'ユーザーの移動などの管理操作で使う DCOM/RPC 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.80', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 80, to: 80, transport: 'TCP', protocol: 'HTTP',
        purpose: {
            en: 'Balances plain HTTP traffic to the Front End web services.',
            ja: 'フロント エンドの Web サービスへの HTTP 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.8080', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 8080, to: 8080, transport: 'TCP',
        purpose: {
            en: 'Clients and devices fetching the root certificate from the pool, and NTLM-authenticated clients.',
            ja: 'クライアントやデバイスがプールからルート証明書を取得する通信と、NTLM で認証される通信に使います。',
        },
    },
    {
        id: 'lb-hardware.frontend.443', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 443, to: 443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Balances HTTPS traffic to the Front End web services.',
            ja: 'フロント エンドの Web サービスへの HTTPS 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.4443', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 4443, to: 4443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Balances HTTPS arriving from the reverse proxy across the Front End pool.',
            ja: 'リバース プロキシから届く HTTPS 通信をフロント エンド プールへ振り分けます。',
        },
    },
    {
        id: 'lb-hardware.frontend.5072', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 5072, to: 5072, transport: 'TCP',
        purpose: {
            en: 'Balances SIP traffic for the Conferencing Attendant (dial-in conferencing).',
            ja: '会議アテンダント (ダイヤルイン会議) 向けの SIP 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.5073', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 5073, to: 5073, transport: 'TCP',
        purpose: {
            en: 'Balances SIP traffic for the Conferencing Announcement service.',
            ja: '会議アナウンス サービス向けの SIP 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.5075', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 5075, to: 5075, transport: 'TCP',
        purpose: {
            en: 'Balances SIP traffic for the Call Park application.',
            ja: 'コール パーク アプリケーション向けの SIP 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.5076', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 5076, to: 5076, transport: 'TCP',
        purpose: {
            en: 'Balances SIP traffic for the Audio Test service.',
            ja: 'オーディオ テスト サービス向けの SIP 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.5071', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 5071, to: 5071, transport: 'TCP',
        purpose: {
            en: 'Balances SIP traffic for the Response Group application.',
            ja: '応答グループ アプリケーション向けの SIP 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.5080', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 5080, to: 5080, transport: 'TCP',
        purpose: {
            en: 'Balances Bandwidth Policy service traffic (call admission control for A/V Edge TURN traffic).',
            ja: '帯域幅ポリシー サービス (音声ビデオ エッジの TURN 通信の通話受付管理) への通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.448', table: 'lb-hardware', role: 'frontend', service: 'Front End load balancer',
        from: 448, to: 448, transport: 'TCP',
        purpose: {
            en: 'Balances Bandwidth Policy service traffic used for call admission control.',
            ja: '通話受付管理に使う帯域幅ポリシー サービスへの通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.mediation.5070', table: 'lb-hardware', role: 'mediation', service: 'Mediation load balancer',
        from: 5070, to: 5070, transport: 'TCP',
        purpose: {
            en: 'Balances requests from Front End Servers across the Mediation pool.',
            ja: 'フロント エンド サーバーから仲介プールへの要求を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.frontend.colocated-mediation.5070', table: 'lb-hardware', role: 'frontend',
        condition: 'colocated-mediation', service: 'Front End load balancer',
        from: 5070, to: 5070, transport: 'TCP',
        purpose: {
            en: 'When the Front End pool also runs Mediation, balances the requests sent to its Mediation service.',
            ja: 'フロント エンド プールが仲介サーバーを兼ねる場合に、その仲介サービスへの要求を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.director.443', table: 'lb-hardware', role: 'director', service: 'Director load balancer',
        from: 443, to: 443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Balances HTTPS traffic to the Director web services.',
            ja: 'ディレクターの Web サービスへの HTTPS 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.director.444', table: 'lb-hardware', role: 'director', service: 'Director load balancer',
        from: 444, to: 444, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Balances HTTPS traffic between Front End and Director.',
            ja: 'フロント エンド サーバーとディレクター間の HTTPS 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.director.5061', table: 'lb-hardware', role: 'director', service: 'Director load balancer',
        from: 5061, to: 5061, transport: 'TCP',
        purpose: {
            en: 'Balances SIP traffic from servers and clients across the Director pool.',
            ja: 'サーバーやクライアントからディレクター プールへの SIP 通信を負荷分散します。',
        },
    },
    {
        id: 'lb-hardware.director.4443', table: 'lb-hardware', role: 'director', service: 'Director load balancer',
        from: 4443, to: 4443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Balances HTTPS arriving from the reverse proxy across the Director pool.',
            ja: 'リバース プロキシから届く HTTPS 通信をディレクター プールへ振り分けます。',
        },
    },

    // ---- Table 3: hardware load balancer ports with DNS load balancing (lb-dns) ----
    {
        id: 'lb-dns.frontend.80', table: 'lb-dns', role: 'frontend', service: 'Front End load balancer',
        from: 80, to: 80, transport: 'TCP', protocol: 'HTTP',
        purpose: {
            en: 'Even with DNS load balancing, web traffic needs a hardware load balancer; this one is plain HTTP.',
            ja: 'DNS 負荷分散でも Web 通信にはハードウェア ロード バランサーが必要です。これは HTTP 通信用です。',
        },
    },
    {
        id: 'lb-dns.frontend.443', table: 'lb-dns', role: 'frontend', service: 'Front End load balancer',
        from: 443, to: 443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Even with DNS load balancing, HTTPS to the Front End web services goes through the hardware balancer.',
            ja: 'DNS 負荷分散でも、フロント エンドの Web サービスへの HTTPS はハードウェア ロード バランサーを通ります。',
        },
    },
    {
        id: 'lb-dns.frontend.8080', table: 'lb-dns', role: 'frontend', service: 'Front End load balancer',
        from: 8080, to: 8080, transport: 'TCP',
        purpose: {
            en: 'Clients and devices fetching the root certificate from the pool, and NTLM-authenticated clients.',
            ja: 'クライアントやデバイスがプールからルート証明書を取得する通信と、NTLM で認証される通信に使います。',
        },
    },
    {
        id: 'lb-dns.frontend.4443', table: 'lb-dns', role: 'frontend', service: 'Front End load balancer',
        from: 4443, to: 4443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Balances HTTPS arriving from the reverse proxy across the Front End pool.',
            ja: 'リバース プロキシから届く HTTPS 通信をフロント エンド プールへ振り分けます。',
        },
    },
    {
        id: 'lb-dns.director.443', table: 'lb-dns', role: 'director', service: 'Director load balancer',
        from: 443, to: 443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Even with DNS load balancing, HTTPS to the Director web services goes through the hardware balancer.',
            ja: 'DNS 負荷分散でも、ディレクターの Web サービスへの HTTPS はハードウェア ロード バランサーを通ります。',
        },
    },
    {
        id: 'lb-dns.director.4443', table: 'lb-dns', role: 'director', service: 'Director load balancer',
        from: 4443, to: 4443, transport: 'TCP', protocol: 'HTTPS',
        purpose: {
            en: 'Balances HTTPS arriving from the reverse proxy across the Director pool.',
            ja: 'リバース プロキシから届く HTTPS 通信をディレクター プールへ振り分けます。',
        },
    },

    // ---- Table 4: client ports (client) ----
    {
        id: 'client.client.67-68', table: 'client', role: 'client', service: 'DHCP (registrar discovery)',
        from: 67, to: 68, transport: 'UDP', protocol: 'DHCP',
        purpose: {
            en: 'Finds the registrar FQDN through DHCP when the DNS SRV lookup fails and nothing is set manually.',
            ja: 'DNS SRV による検索が失敗し、手動設定もない場合に、DHCP でレジストラーの FQDN を見つけます。',
        },
    },
    {
        id: 'client.client.443-sip', table: 'client', role: 'client', service: 'SIP over TLS (external access)',
        from: 443, to: 443, transport: 'TCP', protocol: 'TLS',
        purpose: {
            en: 'Client-to-server SIP for users connecting from outside the organization.',
            ja: '組織の外から接続するユーザーのクライアントとサーバー間の SIP 通信に使います。',
        },
    },
    {
        id: 'client.client.443-psom', table: 'client', role: 'client', service: 'Web conferencing (external access)',
        from: 443, to: 443, transport: 'TCP', protocol: 'PSOM/TLS',
        purpose: {
            en: 'Lets external users take part in web conferencing sessions.',
            ja: '外部ユーザーが Web 会議セッションに参加するときに使います。',
        },
    },
    {
        id: 'client.client.443-av', table: 'client', role: 'client', service: 'A/V media over TCP (external access)',
        from: 443, to: 443, transport: 'TCP', protocol: 'STUN/MSTURN',
        purpose: {
            en: 'Lets external users reach A/V sessions and their media over TCP.',
            ja: '外部ユーザーが TCP で音声ビデオ セッションとそのメディアにアクセスするときに使います。',
        },
    },
    {
        id: 'client.client.3478', table: 'client', role: 'client', service: 'A/V media over UDP (external access)',
        from: 3478, to: 3478, transport: 'UDP', protocol: 'STUN/MSTURN',
        purpose: {
            en: 'Lets external users reach A/V sessions and their media over UDP.',
            ja: '外部ユーザーが UDP で音声ビデオ セッションとそのメディアにアクセスするときに使います。',
        },
    },
    {
        id: 'client.client.5061', table: 'client', role: 'client', service: 'SIP over MTLS (external access)',
        from: 5061, to: 5061, transport: 'TCP', protocol: 'MTLS',
        purpose: {
            en: 'Client-to-server SIP for users connecting from outside the organization, over MTLS.',
            ja: '組織の外から接続するユーザーのクライアントとサーバー間の SIP 通信に、MTLS で使います。',
        },
    },
    {
        id: 'client.client.6891-6901', table: 'client', role: 'client', service: 'File transfer with earlier clients',
        from: 6891, to: 6901, transport: 'TCP',
        purpose: {
            en: 'File transfers between Skype for Business clients and earlier client versions.',
            ja: 'Skype for Business クライアントと旧バージョンのクライアントとの間のファイル転送に使います。',
        },
    },
    {
        id: 'client.client.1024-65535-audio', table: 'client', role: 'client', service: 'Client audio media',
        from: 1024, to: 65535, transport: 'TCP/UDP', media: 'audio',
        purpose: {
            en: 'Client audio port range; at least 20 ports are needed. It can be narrowed with the client media '
                + 'port settings of CsConferencingConfiguration.',
            ja: 'クライアントの音声用ポート範囲で、20 ポート以上が必要です。CsConferencingConfiguration の'
                + 'クライアント メディア ポート設定で絞り込めます。',
        },
    },
    {
        id: 'client.client.1024-65535-video', table: 'client', role: 'client', service: 'Client video media',
        from: 1024, to: 65535, transport: 'TCP/UDP', media: 'video',
        purpose: {
            en: 'Client video port range; at least 20 ports are needed. It can be narrowed with the client media '
                + 'port settings of CsConferencingConfiguration.',
            ja: 'クライアントのビデオ用ポート範囲で、20 ポート以上が必要です。CsConferencingConfiguration の'
                + 'クライアント メディア ポート設定で絞り込めます。',
        },
    },
    {
        id: 'client.client.1024-65535-filetransfer', table: 'client', role: 'client',
        service: 'Peer-to-peer file transfer',
        from: 1024, to: 65535, transport: 'TCP', media: 'filetransfer',
        purpose: {
            en: 'Peer-to-peer file transfer between clients; file transfer inside meetings uses PSOM instead.',
            ja: 'クライアント同士のファイル転送に使います。会議内のファイル転送には PSOM が使われます。',
        },
    },
    {
        id: 'client.client.1024-65535-appsharing', table: 'client', role: 'client', service: 'Application sharing',
        from: 1024, to: 65535, transport: 'TCP', media: 'appsharing',
        purpose: {
            en: 'Client port range for application sharing.',
            ja: 'クライアントがアプリケーション共有に使うポート範囲です。',
        },
    },
    {
        id: 'client.ip-phone.67-68', table: 'client', role: 'ip-phone', service: 'DHCP (IP phone provisioning)',
        from: 67, to: 68, transport: 'UDP', protocol: 'DHCP',
        purpose: {
            en: 'The listed Aastra, HP and Polycom IP phones use DHCP to locate the certificate, provisioning and '
                + 'registrar FQDNs.',
            ja: '一覧にある Aastra、HP、Polycom の IP 電話が、証明書やプロビジョニング FQDN、レジストラー FQDN を'
                + ' DHCP で探します。',
        },
    },

    // ---- Table 5: IPsec exceptions (ipsec) ----
    {
        id: 'ipsec.edge-internal.inbound', table: 'ipsec', role: 'edge', service: 'A/V Edge internal inbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'inbound', source: 'any', destination: 'edge-internal', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic to the internal A/V Edge interface from IPsec so media setup is not slowed down.',
            ja: '内部の音声ビデオ エッジ宛ての通信を IPsec の対象外にし、メディア接続の遅延を防ぎます。',
        },
    },
    {
        id: 'ipsec.edge-external.inbound', table: 'ipsec', role: 'edge', service: 'A/V Edge external inbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'inbound', source: 'any', destination: 'edge-external', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic to the external A/V Edge interface from IPsec so media setup is not slowed down.',
            ja: '外部の音声ビデオ エッジ宛ての通信を IPsec の対象外にし、メディア接続の遅延を防ぎます。',
        },
    },
    {
        id: 'ipsec.edge-internal.outbound', table: 'ipsec', role: 'edge', service: 'A/V Edge internal outbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'outbound', source: 'edge-internal', destination: 'any', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic leaving the internal A/V Edge interface from IPsec, without authentication.',
            ja: '内部の音声ビデオ エッジから送信される通信を、認証なしで IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.edge-external.outbound', table: 'ipsec', role: 'edge', service: 'A/V Edge external outbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'outbound', source: 'edge-external', destination: 'any', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic leaving the external A/V Edge interface from IPsec, without authentication.',
            ja: '外部の音声ビデオ エッジから送信される通信を、認証なしで IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.mediation.inbound', table: 'ipsec', role: 'mediation', service: 'Mediation inbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'inbound', source: 'any', destination: 'mediation', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic to Mediation Servers from IPsec, so media ports are not delayed by negotiation.',
            ja: '仲介サーバー宛ての通信を IPsec の対象外にし、ネゴシエーションによるメディアの遅延を防ぎます。',
        },
    },
    {
        id: 'ipsec.mediation.outbound', table: 'ipsec', role: 'mediation', service: 'Mediation outbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'outbound', source: 'mediation', destination: 'any', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic sent by Mediation Servers from IPsec, without authentication.',
            ja: '仲介サーバーから送信される通信を、認証なしで IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.conferencing-attendant.inbound', table: 'ipsec', role: 'frontend',
        service: 'Conferencing Attendant inbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'inbound', source: 'any', destination: 'conferencing-attendant', sourcePorts: 'any',
        destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic to Front End Servers running Conferencing Attendant from IPsec.',
            ja: '会議アテンダントを実行するフロント エンド サーバー宛ての通信を IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.conferencing-attendant.outbound', table: 'ipsec', role: 'frontend',
        service: 'Conferencing Attendant outbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'outbound', source: 'conferencing-attendant', destination: 'any', sourcePorts: 'any',
        destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic sent by Front End Servers running Conferencing Attendant from IPsec.',
            ja: '会議アテンダントを実行するフロント エンド サーバーから送信される通信を IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.av-conferencing.inbound', table: 'ipsec', role: 'frontend', service: 'A/V Conferencing inbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'inbound', source: 'any', destination: 'av-conferencing', sourcePorts: 'any',
        destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic to the Front End Servers hosting A/V conferencing from IPsec.',
            ja: '音声ビデオ会議を提供するフロント エンド サーバー宛ての通信を IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.av-conferencing.outbound', table: 'ipsec', role: 'frontend', service: 'A/V Conferencing outbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'outbound', source: 'av-conferencing', destination: 'any', sourcePorts: 'any',
        destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic sent by the Front End Servers hosting A/V conferencing from IPsec.',
            ja: '音声ビデオ会議を提供するフロント エンド サーバーから送信される通信を IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.exchangeum.inbound', table: 'ipsec', role: 'exchangeum', service: 'Exchange UM inbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'inbound', source: 'any', destination: 'exchangeum', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic to Exchange Unified Messaging servers from IPsec.',
            ja: 'Exchange ユニファイド メッセージング宛ての通信を IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.appsharing.inbound', table: 'ipsec', role: 'frontend', service: 'Application Sharing inbound',
        from: 1, to: 65535, transport: 'TCP',
        direction: 'inbound', source: 'any', destination: 'appsharing', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt TCP traffic to application sharing servers from IPsec.',
            ja: 'アプリケーション共有サーバー宛ての TCP 通信を IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.appsharing.outbound', table: 'ipsec', role: 'frontend', service: 'Application Sharing outbound',
        from: 1, to: 65535, transport: 'TCP',
        direction: 'outbound', source: 'appsharing', destination: 'any', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt TCP traffic sent by application sharing servers from IPsec.',
            ja: 'アプリケーション共有サーバーから送信される TCP 通信を IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.exchangeum.outbound', table: 'ipsec', role: 'exchangeum', service: 'Exchange UM outbound',
        from: 1, to: 65535, transport: 'TCP/UDP',
        direction: 'outbound', source: 'exchangeum', destination: 'any', sourcePorts: 'any', destinationPorts: 'any',
        purpose: {
            en: 'Exempt traffic sent by Exchange Unified Messaging servers from IPsec.',
            ja: 'Exchange ユニファイド メッセージングから送信される通信を IPsec の対象外にします。',
        },
    },
    {
        id: 'ipsec.client.any', table: 'ipsec', role: 'client', service: 'Client media',
        from: 1, to: 65535, transport: 'UDP',
        direction: 'any', source: 'any', destination: 'any', sourcePorts: 'client-media', destinationPorts: 'any',
        purpose: {
            en: 'Exempt UDP traffic whose source port is in the client media range from IPsec, without authentication.',
            ja: '送信元ポートがクライアントのメディア用ポート範囲にある UDP 通信を、認証なしで IPsec の対象外にします。',
        },
    },
];
