import { distance } from 'fastest-levenshtein';
import type { Pool, PortOverride } from '../generated/ast.js';
import { serverEntriesFor } from '../../catalogue/queries.js';
import { effectiveServerPorts, portText, transportsMeet } from '../../model/effective-ports.js';
import { poolFacts, roleContext } from '../../model/pool-facts.js';
import { IssueCodes } from './issue-codes.js';
import { HIGHEST_PORT, LOWEST_PORT } from './port-ranges.js';
import type { Reporter } from './report.js';
import { lineOf } from './topology-contents.js';
import { withArticle } from '../l10n/english.js';

/** `port SERVICE NUMBER`: the service exists for the role, and the new port is free on the server. */
export function checkPortOverrides(pool: Pool, report: Reporter): void {
    const facts = poolFacts(pool);
    if (facts.ports.length === 0) return; // nothing moved; the catalogue lookups below are the costly part
    const keys = [...new Set(serverEntriesFor(roleContext(facts)).flatMap((entry) => (entry.key ? [entry.key] : [])))];
    const effective = effectiveServerPorts(facts);
    const firstForService = new Map<string, PortOverride>();
    for (const override of facts.ports) {
        if (override.service === undefined || override.port === undefined) continue; // a parse error points here
        if (!keys.includes(override.service)) {
            const suggestions = closest(override.service, keys);
            report('error', IssueCodes.UnknownService, {
                en: `${withArticle(pool.role, true)} pool has no service '${override.service}' with a fixed port${suggestions.length ? `; did you mean ${suggestions.map((s) => `'${s}'`).join(' or ')}?` : '.'} ${keys.length ? `Services of this pool: ${keys.join(', ')}.` : 'The catalogue lists no fixed server ports for this role.'}`,
                ja: `${pool.role} プールには固定ポートを持つサービス '${override.service}' がありません${suggestions.length ? `。${suggestions.map((s) => `'${s}'`).join(' または ')} ではありませんか?` : '。'} ${keys.length ? `このプールのサービス: ${keys.join(', ')}。` : 'カタログにはこの役割のサーバー固定ポートがありません。'}`,
            }, { node: override, property: 'service', data: { suggestions } });
            continue;
        }
        const earlier = firstForService.get(override.service);
        if (earlier) {
            report('error', IssueCodes.DuplicateStatement, {
                en: `The port of ${override.service} is already set at line ${lineOf(earlier)}; set it once.`,
                ja: `${override.service} のポートは ${lineOf(earlier)} 行目で既に指定されています。1 回だけ書きます。`,
            }, { node: override });
            continue;
        }
        firstForService.set(override.service, override);
        if (override.port < LOWEST_PORT || override.port > HIGHEST_PORT) {
            report('error', IssueCodes.PortOutOfRange, {
                en: `Port ${override.port} does not exist: TCP and UDP ports run from ${LOWEST_PORT} to ${HIGHEST_PORT}.`,
                ja: `ポート ${override.port} は存在しません。TCP と UDP のポートは ${LOWEST_PORT} から ${HIGHEST_PORT} までです。`,
            }, { node: override, property: 'port' });
            continue;
        }
        const moved = effective.find((port) => port.entry.key === override.service)!;
        const clash = effective.find(
            (other) =>
                other.entry.key !== override.service &&
                other.from <= override.port &&
                override.port <= other.to &&
                transportsMeet(other.entry.transport, moved.entry.transport),
        );
        if (clash) {
            const name = clash.entry.key ?? `${clash.entry.media} media`;
            report('error', IssueCodes.PortOverrideCollision, {
                en: `Moving ${override.service} to port ${override.port} collides with ${name} (${portText(clash.from, clash.to)} ${clash.entry.transport}) on the same servers; choose a free port.`,
                ja: `${override.service} をポート ${override.port} に移すと、同じサーバーの ${name} (${portText(clash.from, clash.to)} ${clash.entry.transport}) と衝突します。空いているポートを選んでください。`,
            }, { node: override, property: 'port' });
        }
    }
}

/** Up to three known names close enough to be what was meant. */
function closest(name: string, candidates: string[]): string[] {
    return candidates
        .map((candidate) => ({ candidate, score: distance(name, candidate) }))
        .filter(({ candidate, score }) => score <= Math.max(2, Math.floor(candidate.length / 3)))
        .sort((a, b) => a.score - b.score)
        .slice(0, 3)
        .map(({ candidate }) => candidate);
}
