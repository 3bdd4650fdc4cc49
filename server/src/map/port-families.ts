import type { Bilingual } from '../catalogue/types.js';
import type { Rule } from '../rules/rule.js';

// Edge labels of the topology map: a rule's ports grouped by what usually runs on
// them ("SIP 5061", "HTTPS 443, 4443", "media 49152-65535"), so that a flow between
// two boxes reads in one line per family instead of one line per rule.

export interface PortFamily {
    key: string;
    title: Bilingual;
}

const FAMILIES = {
    sip: { key: 'sip', title: { en: 'SIP', ja: 'SIP' } },
    https: { key: 'https', title: { en: 'HTTPS', ja: 'HTTPS' } },
    http: { key: 'http', title: { en: 'HTTP', ja: 'HTTP' } },
    psom: { key: 'psom', title: { en: 'PSOM', ja: 'PSOM' } },
    smb: { key: 'smb', title: { en: 'SMB', ja: 'SMB' } },
    sql: { key: 'sql', title: { en: 'SQL', ja: 'SQL' } },
    rpc: { key: 'rpc', title: { en: 'RPC', ja: 'RPC' } },
    dhcp: { key: 'dhcp', title: { en: 'DHCP', ja: 'DHCP' } },
    stun: { key: 'stun', title: { en: 'STUN', ja: 'STUN' } },
    media: { key: 'media', title: { en: 'media', ja: 'メディア' } },
    fileTransfer: { key: 'file-transfer', title: { en: 'file transfer', ja: 'ファイル転送' } },
    tcp: { key: 'tcp', title: { en: 'TCP', ja: 'TCP' } },
    udp: { key: 'udp', title: { en: 'UDP', ja: 'UDP' } },
} satisfies Record<string, PortFamily>;

/** Label order: signalling first, then web, infrastructure, media, and the rest by transport. */
const ORDER: PortFamily[] = [
    FAMILIES.sip,
    FAMILIES.https,
    FAMILIES.http,
    FAMILIES.psom,
    FAMILIES.smb,
    FAMILIES.sql,
    FAMILIES.rpc,
    FAMILIES.dhcp,
    FAMILIES.stun,
    FAMILIES.media,
    FAMILIES.fileTransfer,
    FAMILIES.tcp,
    FAMILIES.udp,
];

/** Single well-known ports (and short ranges) of Skype for Business Server, by family. */
const KNOWN: Array<{ from: number; to: number; family: PortFamily }> = [
    { from: 67, to: 68, family: FAMILIES.dhcp },
    { from: 80, to: 80, family: FAMILIES.http },
    { from: 8080, to: 8080, family: FAMILIES.http },
    { from: 135, to: 135, family: FAMILIES.rpc },
    { from: 443, to: 444, family: FAMILIES.https },
    { from: 4443, to: 4443, family: FAMILIES.https },
    { from: 445, to: 445, family: FAMILIES.smb },
    { from: 1433, to: 1434, family: FAMILIES.sql },
    { from: 3478, to: 3478, family: FAMILIES.stun },
    { from: 5041, to: 5041, family: FAMILIES.sip },
    { from: 5060, to: 5087, family: FAMILIES.sip },
    { from: 8057, to: 8058, family: FAMILIES.psom },
    { from: 6891, to: 6901, family: FAMILIES.fileTransfer },
];

/** A port range this wide is a media range (RTP/RTCP, application sharing, file transfer). */
const MEDIA_MIN_SPAN = 20;

export interface PortSpanText {
    from: number;
    to: number;
}

/** `5061` → 5061..5061, `49152-57500` → 49152..57500, `any` → 0..65535; undefined when unreadable. */
export function parsePorts(ports: string): PortSpanText | undefined {
    if (ports === 'any') return { from: 0, to: 65535 };
    const match = /^(\d+)(?:-(\d+))?$/.exec(ports.trim());
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    return from <= to ? { from, to } : { from: to, to: from };
}

/** The family a rule's destination ports belong to. */
export function portFamily(rule: Pick<Rule, 'ports' | 'transport'>): PortFamily {
    const span = parsePorts(rule.ports);
    if (span) {
        const known = KNOWN.find((k) => span.from >= k.from && span.to <= k.to);
        if (known) return known.family;
        if (span.to - span.from + 1 >= MEDIA_MIN_SPAN && span.from >= 1024) return FAMILIES.media;
    }
    return rule.transport === 'UDP' ? FAMILIES.udp : FAMILIES.tcp;
}

/**
 * One label line per family, in a fixed order: `SIP 5067, 5068`, `media 51000-51159`.
 * Ranges that touch or overlap are merged (`51000-51039` + `51040-51079` → `51000-51079`);
 * single ports stay listed one by one.
 */
export function portLabelLines(rules: ReadonlyArray<Pick<Rule, 'ports' | 'transport'>>, pick: (text: Bilingual) => string): string[] {
    const byFamily = new Map<string, PortSpanText[]>();
    const unreadable = new Map<string, Set<string>>();
    for (const rule of rules) {
        const family = portFamily(rule);
        const span = parsePorts(rule.ports);
        if (span) {
            byFamily.set(family.key, [...(byFamily.get(family.key) ?? []), span]);
        } else {
            unreadable.set(family.key, (unreadable.get(family.key) ?? new Set()).add(rule.ports));
        }
    }
    const lines: string[] = [];
    for (const family of ORDER) {
        const spans = byFamily.get(family.key);
        const odd = unreadable.get(family.key);
        if (!spans && !odd) continue;
        const texts = [...mergeSpans(spans ?? []).map(spanText), ...[...(odd ?? [])].sort()];
        lines.push(`${pick(family.title)} ${texts.join(', ')}`);
    }
    return lines;
}

function mergeSpans(spans: PortSpanText[]): PortSpanText[] {
    const sorted = [...spans].sort((a, b) => a.from - b.from || a.to - b.to);
    const merged: PortSpanText[] = [];
    for (const span of sorted) {
        const last = merged[merged.length - 1];
        const isRange = (s: PortSpanText) => s.to > s.from;
        if (last && last.from === span.from && last.to === span.to) continue;
        if (last && span.from <= last.to + 1 && (isRange(last) || isRange(span))) {
            last.to = Math.max(last.to, span.to);
        } else {
            merged.push({ ...span });
        }
    }
    return merged;
}

function spanText(span: PortSpanText): string {
    if (span.from === 0 && span.to === 65535) return 'any';
    return span.from === span.to ? String(span.from) : `${span.from}-${span.to}`;
}

/** Sort key of a port column: by first port, then last; `any` last. */
export function comparePorts(a: string, b: string): number {
    const x = parsePorts(a);
    const y = parsePorts(b);
    if (!x || !y) return x ? -1 : y ? 1 : compareText(a, b);
    if (a === 'any' || b === 'any') return a === b ? 0 : a === 'any' ? 1 : -1;
    return x.from - y.from || x.to - y.to || compareText(a, b);
}

/** Code-unit order: the same on every machine, whatever its locale. */
export function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
