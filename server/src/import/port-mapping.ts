import type { MediaKind } from '../catalogue/types.js';
import type { ImportedPort } from './imported-topology.js';

/**
 * Which catalogue service (the key `port SERVICE N` takes) a listening port of the topology
 * XML is: by the component that owns it, its usage, and where needed the interface side or
 * protocol. Only listeners the catalogue has a row for are here; every other port of the
 * XML is reported as unmapped with its line.
 */
interface PortRule {
    owner?: string;
    usage: string;
    side?: string;
    protocol?: string;
    key: string;
}

const PORT_RULES: readonly PortRule[] = [
    { owner: 'Registrar', usage: 'SipServer', key: 'sip-tls' },
    // Every component's internal web listener shares the Front End's 444.
    { usage: 'WebServer', key: 'web-internal-https' },
    { owner: 'IMConf', usage: 'SipServer', key: 'im-conferencing' },
    { owner: 'DataConf', usage: 'PsomClient', key: 'web-conferencing' },
    { owner: 'AVConf', usage: 'SipServer', key: 'av-conferencing' },
    { owner: 'AppSharingConf', usage: 'SipServer', key: 'appsharing' },
    { owner: 'OCSWebSite', usage: 'WebSite', side: 'Primary', protocol: 'Http', key: 'web-http' },
    { owner: 'OCSWebSite', usage: 'WebSite', side: 'Primary', protocol: 'Https', key: 'web-https' },
    { owner: 'OCSWebSite', usage: 'WebSite', side: 'External', protocol: 'Http', key: 'web-external' },
    { owner: 'OCSWebSite', usage: 'WebSite', side: 'External', protocol: 'Https', key: 'web-reverse-proxy' },
    { owner: 'Reach', usage: 'PsomServer', side: 'Primary', key: 'web-mtls-8060' },
    { owner: 'Reach', usage: 'PsomServer', side: 'External', key: 'web-mtls-8061' },
    { owner: 'McxService', usage: 'SipServer', key: 'mobility-sip-5086' },
    { owner: 'McxServiceExternal', usage: 'SipServer', key: 'mobility-sip-5087' },
    { owner: 'MediationServer', usage: 'SipServer', key: 'mediation' },
];

/** Media listeners: `Port` is the first port, `Range` how many follow it. */
const MEDIA_USAGES: Readonly<Record<string, MediaKind>> = {
    AudioCommunication: 'audio',
    VideoCommunication: 'video',
    AppSharingCommunication: 'appsharing',
};

export type PortMeaning = { kind: 'service'; key: string } | { kind: 'media'; media: MediaKind; first: number; last: number } | undefined;

export function portMeaning(port: ImportedPort): PortMeaning {
    const media = MEDIA_USAGES[port.usage];
    if (media !== undefined && port.range !== undefined) return { kind: 'media', media, first: port.port, last: port.port + port.range };
    const rule = PORT_RULES.find(
        (candidate) =>
            candidate.usage === port.usage &&
            (candidate.owner === undefined || candidate.owner === port.owner) &&
            (candidate.side === undefined || candidate.side === port.side) &&
            (candidate.protocol === undefined || candidate.protocol.toLowerCase() === port.protocol.toLowerCase()),
    );
    return rule ? { kind: 'service', key: rule.key } : undefined;
}
