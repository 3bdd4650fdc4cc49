import { describe, expect, it } from 'vitest';
import { mergeRepeats } from '../../server/src/rules/rule-builder.js';
import type { Rule } from '../../server/src/rules/rule.js';

const rule = (service: string, fields: Partial<Rule> = {}): Rule => ({
    id: `S/p/${service}/tcp`,
    site: 'S',
    source: 'any',
    destination: ['10.0.0.1', '10.0.0.2'],
    transport: 'TCP',
    ports: '443',
    direction: 'inbound',
    service,
    table: 'server',
    role: 'frontend',
    firewall: 'internal',
    host: 'p',
    catalogueId: service,
    purpose: { en: `${service} en`, ja: `${service} ja` },
    ...fields,
});

describe('mergeRepeats', () => {
    it('merges rules that open the same thing, by the addresses in their lists rather than the lists themselves', () => {
        const merged = mergeRepeats([rule('a'), rule('b', { destination: ['10.0.0.1', '10.0.0.2'] }), rule('a')]);
        expect(merged).toHaveLength(1);
        expect(merged[0].service).toBe('a + b');
        expect(merged[0].purpose).toEqual({ en: 'a en / b en', ja: 'a ja / b ja' });
        expect(merged[0].id).toBe('S/p/a/tcp');
    });

    it('keeps apart rules that differ in any field that decides what they open', () => {
        const variants: Partial<Rule>[] = [
            { site: 'T' },
            { host: undefined },
            { host: 'q' },
            { source: ['any'] },
            { source: ['10.0.0.9'] },
            { destination: ['10.0.0.2', '10.0.0.1'] },
            { destination: 'any' },
            { transport: 'UDP' },
            { ports: '444' },
            { sourcePorts: '50000-50019' },
            { direction: 'outbound' },
        ];
        const merged = mergeRepeats([rule('a'), ...variants.map((fields, index) => rule(`v${index}`, fields))]);
        expect(merged.map((r) => r.service)).toEqual(['a', ...variants.map((_, index) => `v${index}`)]);
    });

    it('keeps the order of first appearance, a merged rule in the place of its first', () => {
        const merged = mergeRepeats([rule('a'), rule('x', { ports: '80' }), rule('b'), rule('y', { ports: '80' }), rule('z', { ports: '81' })]);
        expect(merged.map((r) => r.service)).toEqual(['a + b', 'x + y', 'z']);
    });
});
