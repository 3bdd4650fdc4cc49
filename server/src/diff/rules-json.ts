import type { Endpoints, FirewallName, Rule, RuleSet, Translation } from '../rules/rule.js';

export type ReadRules = { ok: true; rules: RuleSet } | { ok: false; message: string };

const FIREWALLS: readonly FirewallName[] = ['internal', 'perimeter-external', 'perimeter-internal'];

/**
 * The rule set a `rules.json` export holds (spec §4), to compare a topology with what was
 * last exported. Only what a diff reads is checked; a file that is not such an export is
 * refused with the first thing wrong in it, never half read.
 */
export function readRulesJson(text: string): ReadRules {
    let data: unknown;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        return { ok: false, message: `is not JSON (${error instanceof Error ? error.message : String(error)})` };
    }
    if (!isObject(data) || typeof data.topology !== 'string' || !Array.isArray(data.firewall) || !Array.isArray(data.ipsec)) {
        return { ok: false, message: 'is not an sfbtopo rules.json: it needs "topology", "firewall" and "ipsec"' };
    }
    try {
        return { ok: true, rules: { topology: data.topology, firewall: data.firewall.map((r, i) => rule(r, `firewall[${i}]`)), ipsec: data.ipsec.map((r, i) => rule(r, `ipsec[${i}]`)) } };
    } catch (error) {
        return { ok: false, message: (error as Error).message };
    }
}

function rule(value: unknown, where: string): Rule {
    if (!isObject(value)) throw new Error(`has no rule at ${where}`);
    const text = (field: string, optional = false): string | undefined => {
        const v = value[field];
        if (typeof v === 'string') return v;
        if (optional && v === undefined) return undefined;
        throw new Error(`has no text "${field}" in the rule at ${where}`);
    };
    const endpoints = (field: string): Endpoints => {
        const v = value[field];
        if (v === 'any') return 'any';
        if (Array.isArray(v) && v.every((a) => typeof a === 'string')) return v as string[];
        throw new Error(`has a "${field}" that is neither "any" nor a list of addresses in the rule at ${where}`);
    };
    const oneOf = <T extends string>(field: string, allowed: readonly T[], fallback?: T): T => {
        const v = value[field] ?? fallback;
        if (allowed.includes(v as T)) return v as T;
        throw new Error(`has "${field}" ${JSON.stringify(v)} in the rule at ${where}; expected ${allowed.join(', ')}`);
    };
    const purpose = isObject(value.purpose) ? value.purpose : {};
    return {
        id: text('id')!,
        site: text('site')!,
        source: endpoints('source'),
        destination: endpoints('destination'),
        transport: oneOf('transport', ['TCP', 'UDP'] as const),
        ports: text('ports')!,
        sourcePorts: text('sourcePorts', true),
        direction: oneOf('direction', ['inbound', 'outbound', 'any'] as const),
        service: text('service', true) ?? '',
        table: (text('table', true) ?? '') as Rule['table'],
        role: (text('role', true) ?? '') as Rule['role'],
        // Exports from before the perimeter had one firewall.
        firewall: oneOf('firewall', FIREWALLS, 'internal'),
        nat: translations(value.nat, where),
        host: text('host', true),
        catalogueId: text('catalogueId', true) ?? '',
        purpose: { en: String(purpose.en ?? ''), ja: String(purpose.ja ?? '') },
    };
}

function translations(value: unknown, where: string): Translation[] | undefined {
    if (value === undefined) return undefined;
    if (Array.isArray(value) && value.every((t) => isObject(t) && typeof t.address === 'string' && typeof t.public === 'string')) {
        return value.map((t: { address: string; public: string }) => ({ address: t.address, public: t.public }));
    }
    throw new Error(`has a "nat" that is not a list of { address, public } in the rule at ${where}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
