import { isClients, isPool, type MediaRange } from '../../generated/ast.js';
import { clientMediaEntry, defaultMediaEntry } from '../../../catalogue/queries.js';
import type { MediaKind } from '../../../catalogue/types.js';
import { portText } from '../../../model/effective-ports.js';
import { poolFacts, roleContext } from '../../../model/pool-facts.js';
import type { Markdown } from './markdown.js';

/** Parameter stems of Set-CsConferencingConfiguration for each client media kind. */
const CLIENT_PARAMETERS: Record<MediaKind, string> = {
    audio: 'ClientAudioPort',
    video: 'ClientVideoPort',
    appsharing: 'ClientAppSharingPort',
    filetransfer: 'ClientFileTransferPort',
};

/** Parameter stems of the server-side cmdlets for each server media kind. */
const SERVER_PARAMETERS: Partial<Record<MediaKind, string>> = { audio: 'AudioPort', video: 'VideoPort', appsharing: 'AppSharingPort' };

/** Size, default, minimum and the PowerShell that applies a media range. */
export function mediaHover(md: Markdown, media: MediaRange): Markdown {
    const kind = media.kind as MediaKind;
    const first = media.range?.first;
    const last = media.range?.last ?? first;
    const size = first !== undefined && last !== undefined ? last - first + 1 : undefined;
    md.heading({ en: `${kind} media ports ${first !== undefined ? portText(first, last!) : ''}`, ja: `${kind} のメディア ポート ${first !== undefined ? portText(first, last!) : ''}` });
    if (size !== undefined) md.say({ en: `${size} port${size === 1 ? '' : 's'}.`, ja: `${size} ポート。` });
    const owner = media.$container;
    if (isClients(owner)) {
        const entry = clientMediaEntry(kind);
        const stem = CLIENT_PARAMETERS[kind];
        md.say({
            en: `Clients pick their ${kind} ports from this range. Without it they may use any port in ${entry ? portText(entry.from, entry.to) : '1024-65535'}. Each range needs at least 20 ports.`,
            ja: `クライアントはこの範囲から ${kind} のポートを選びます。指定がなければ ${entry ? portText(entry.from, entry.to) : '1024-65535'} の任意のポートを使います。各範囲には 20 ポート以上必要です。`,
        });
        md.say({ en: 'Applied with:', ja: '適用するコマンド:' });
        md.say(['```powershell', `Set-CsConferencingConfiguration -ClientMediaPortRangeEnabled $true -${stem} ${first ?? 'FIRST'} -${stem}Range ${size ?? 'COUNT'}`, '```'].join('\n'));
        return md;
    }
    if (!isPool(owner)) return md;
    const facts = poolFacts(owner);
    const entry = defaultMediaEntry(roleContext(facts), kind);
    if (entry) {
        md.say({
            en: `Overrides the catalogue default ${portText(entry.from, entry.to)} (${entry.transport}) of the ${entry.service} on this pool's servers.`,
            ja: `このプールのサーバーについて、${entry.service} のカタログ既定値 ${portText(entry.from, entry.to)} (${entry.transport}) を上書きします。`,
        });
    }
    const stem = SERVER_PARAMETERS[kind];
    const fqdn = facts.fqdns[0]?.value ?? 'POOL-FQDN';
    const cmdlets = owner.role === 'mediation' ? ['Set-CsMediationServer'] : owner.role === 'frontend' ? ['Set-CsConferenceServer', ...(kind === 'audio' ? ['Set-CsApplicationServer'] : [])] : [];
    const services: Record<string, string> = { 'Set-CsMediationServer': 'MediationServer', 'Set-CsConferenceServer': 'ConferencingServer', 'Set-CsApplicationServer': 'ApplicationServer' };
    if (stem && cmdlets.length > 0) {
        md.say({ en: 'Applied with:', ja: '適用するコマンド:' });
        md.say(['```powershell', ...cmdlets.map((cmdlet) => `${cmdlet} -Identity "${services[cmdlet]}:${fqdn}" -${stem}Start ${first ?? 'FIRST'} -${stem}Count ${size ?? 'COUNT'}`), '```'].join('\n'));
    }
    return md;
}
