import { isPool, type Server } from '../../generated/ast.js';
import { ipsecEntriesFor, serverEntriesFor } from '../../../catalogue/queries.js';
import { effectiveServerPorts } from '../../../model/effective-ports.js';
import { poolFacts, roleContext } from '../../../model/pool-facts.js';
import type { Markdown } from './markdown.js';

/** The catalogue rows that apply to one server in this topology, after the pool's overrides. */
export function serverHover(md: Markdown, server: Server): Markdown {
    const owner = server.$container;
    const addresses = [
        server.address,
        server.internal && `internal ${server.internal}`,
        server.external && `external ${server.external}`,
        ...server.services.map((service) => `${service.service} ${service.address ?? ''}`.trim()),
        server.nat && `nat ${server.nat}`,
    ].filter(Boolean).join(', ');
    md.heading({ en: `Server ${server.name}${addresses ? ` (${addresses})` : ''}`, ja: `サーバー ${server.name}${addresses ? ` (${addresses})` : ''}` });
    if (!isPool(owner)) {
        // File share servers are reached by the Front End servers over SMB.
        const smb = serverEntriesFor({ role: 'frontend', colocatedMediation: false, hostsCms: false }).filter((entry) => entry.key === 'file-share');
        return md.say({ en: `File share ${owner.name}: the Front End servers read and write it over SMB.`, ja: `ファイル共有 ${owner.name}: フロント エンド サーバーが SMB で読み書きします。` }).entries(smb);
    }
    const facts = poolFacts(owner);
    const ports = effectiveServerPorts(facts);
    const ipsec = ipsecEntriesFor(roleContext(facts));
    if (ports.length === 0 && ipsec.length === 0) {
        return md.say({ en: 'The catalogue lists no inbound ports for this role.', ja: 'この役割の受信ポートはカタログにありません。' });
    }
    if (ports.length > 0) {
        md.say({ en: `Inbound ports on this ${owner.role} server (pool ${owner.name}):`, ja: `この ${owner.role} サーバー (プール ${owner.name}) の受信ポート:` });
        md.effective(ports);
    }
    if (ipsec.length > 0) {
        md.say({ en: 'IPsec exceptions (no authentication) for this server:', ja: 'このサーバーの IPsec の例外 (認証なし):' }).entries(ipsec, () => 'any');
    }
    if (owner.role === 'edge') {
        md.say({
            en: 'Also: hover `internal`, an external address or `nat` for the perimeter firewalls\' rules at that address.',
            ja: 'ほかに: `internal`、外部アドレス、`nat` にカーソルを合わせると、そのアドレスでの境界ネットワークのファイアウォールのルールを表示します。',
        });
    }
    return md;
}
