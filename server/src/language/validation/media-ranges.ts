import type { Clients, MediaRange, Pool } from '../generated/ast.js';
import { defaultMediaEntry } from '../../catalogue/queries.js';
import type { MediaKind } from '../../catalogue/types.js';
import { effectiveServerPorts, isUsableRange, portText, transportsMeet } from '../../model/effective-ports.js';
import { poolFacts, roleContext } from '../../model/pool-facts.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';
import { lineOf } from './topology-contents.js';
import { withArticle } from '../l10n/english.js';

/** Media ports below 1024 are reserved for system services. */
const LOWEST_MEDIA_PORT = 1024;
/** The seed asks for at least 20 ports in each client media range. */
const CLIENT_MEDIA_MINIMUM = 20;

const bounds = (range: MediaRange) => ({ first: range.range.first, last: range.range.last ?? range.range.first });
const size = (range: MediaRange) => bounds(range).last - bounds(range).first + 1;

export function checkClientMedia(clients: Clients, report: Reporter): void {
    const ranges = clients.statements.filter((s): s is MediaRange => s.$type === 'MediaRange');
    const checked = checkKindsAndBounds(ranges, report);
    for (const range of checked) {
        if (size(range) < CLIENT_MEDIA_MINIMUM) {
            report('error', IssueCodes.ClientMediaTooSmall, {
                en: `The client ${range.kind} range ${rangeText(range)} has ${size(range)} port${size(range) === 1 ? '' : 's'}; clients need at least ${CLIENT_MEDIA_MINIMUM} per media kind.`,
                ja: `クライアントの ${range.kind} 範囲 ${rangeText(range)} は ${size(range)} ポートです。メディアの種類ごとに ${CLIENT_MEDIA_MINIMUM} ポート以上必要です。`,
            }, { node: range, property: 'range' });
        }
    }
    checked.forEach((range, index) => {
        const other = checked.slice(0, index).find((earlier) => bounds(earlier).first <= bounds(range).last && bounds(range).first <= bounds(earlier).last);
        if (other) {
            report('warning', IssueCodes.MediaRangesOverlap, {
                en: `The client ${range.kind} range ${rangeText(range)} overlaps the ${other.kind} range ${rangeText(other)} at line ${lineOf(other)}; give each media kind ports of its own.`,
                ja: `クライアントの ${range.kind} 範囲 ${rangeText(range)} は ${lineOf(other)} 行目の ${other.kind} 範囲 ${rangeText(other)} と重なっています。メディアの種類ごとに別のポートを割り当ててください。`,
            }, { node: range, property: 'range' });
        }
    });
}

export function checkPoolMedia(pool: Pool, report: Reporter): void {
    const facts = poolFacts(pool);
    if (facts.media.length === 0) return; // no range to check; the catalogue lookups below are the costly part
    const context = roleContext(facts);
    const applicable = facts.media.filter((range) => {
        if (range.kind === undefined || defaultMediaEntry(context, range.kind as MediaKind)) return true;
        report('error', IssueCodes.MediaKindNotForRole, {
            en: `${withArticle(pool.role, true)} pool has no ${range.kind} media range to override: ${MEDIA_OWNERS.en}.`,
            ja: `${pool.role} プールには上書きできる ${range.kind} のメディア範囲がありません。${MEDIA_OWNERS.ja}。`,
        }, { node: range, property: 'kind' });
        return false;
    });
    const checked = checkKindsAndBounds(applicable, report);
    // Ports the pool itself moved are checked from the `port` statement, so each collision is reported once.
    const fixed = effectiveServerPorts(facts).filter((port) => !port.entry.media && !port.moved);
    for (const range of checked) {
        const media = defaultMediaEntry(context, range.kind as MediaKind)!;
        const { first, last } = bounds(range);
        const hit = fixed.find((port) => port.from <= last && first <= port.to && transportsMeet(port.entry.transport, media.transport));
        if (hit) {
            const service = hit.entry.key ?? hit.entry.service;
            report('error', IssueCodes.MediaCollidesWithPort, {
                en: `The ${range.kind} range ${rangeText(range)} takes port ${portText(hit.from, hit.to)} (${hit.entry.transport}), which the ${service} service of ${withArticle(pool.role)} pool already uses; move the range clear of it (the default is ${portText(media.from, media.to)}).`,
                ja: `${range.kind} 範囲 ${rangeText(range)} は、${pool.role} プールの ${service} サービスが使うポート ${portText(hit.from, hit.to)} (${hit.entry.transport}) と重なります。範囲をずらしてください (既定値は ${portText(media.from, media.to)})。`,
            }, { node: range, property: 'range' });
        }
    }
}

const MEDIA_OWNERS = {
    en: 'audio belongs to internal servers, video and appsharing to frontend pools, and filetransfer only to clients',
    ja: 'audio は内部サーバー、video と appsharing は frontend プール、filetransfer はクライアントだけのものです',
};

/** Reports repeated kinds and ranges below 1024; returns the ranges fit for further checks. */
function checkKindsAndBounds(ranges: MediaRange[], report: Reporter): MediaRange[] {
    const usable: MediaRange[] = [];
    const firstOfKind = new Map<string, MediaRange>();
    for (const range of ranges) {
        const earlier = firstOfKind.get(range.kind);
        if (earlier) {
            report('error', IssueCodes.DuplicateMediaKind, {
                en: `The ${range.kind} range is already given at line ${lineOf(earlier)}; give each media kind once.`,
                ja: `${range.kind} の範囲は ${lineOf(earlier)} 行目で既に指定されています。メディアの種類ごとに 1 回だけ書きます。`,
            }, { node: range, property: 'kind' });
            continue;
        }
        firstOfKind.set(range.kind, range);
        if (!isUsableRange(range)) continue; // bounds and order are reported on the range itself
        if (bounds(range).first < LOWEST_MEDIA_PORT) {
            report('error', IssueCodes.MediaRangeBounds, {
                en: `The ${range.kind} range ${rangeText(range)} starts below ${LOWEST_MEDIA_PORT}; media ports lie within ${LOWEST_MEDIA_PORT}-65535.`,
                ja: `${range.kind} 範囲 ${rangeText(range)} は ${LOWEST_MEDIA_PORT} 未満から始まっています。メディアのポートは ${LOWEST_MEDIA_PORT}-65535 の範囲に置きます。`,
            }, { node: range, property: 'range' });
            continue;
        }
        usable.push(range);
    }
    return usable;
}

function rangeText(range: MediaRange): string {
    const { first, last } = bounds(range);
    return portText(first, last);
}
