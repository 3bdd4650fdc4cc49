// Golden files: test/export/golden/<example>/rules.json is the expected export of
// examples/<example>.sfbtopo, byte for byte. After an intended change to the output,
// regenerate with `UPDATE_GOLDEN=1 npx vitest run test/export` and review the diff.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE_TABLES } from '../../server/src/catalogue/tables.js';
import { renderJson } from '../../server/src/export/renderers/json.js';
import { repoRoot } from '../helpers.js';
import { ruleSetOf, expectGolden } from './golden.js';

const examples = readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.sfbtopo')).sort();


const ADDRESS = /^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/;
const PORTS = /^(any|\d{1,5}(-\d{1,5})?)$/;

describe.each(examples)('json export of %s', (example) => {
    it('matches its golden file', async () => {
        const files = renderJson(await ruleSetOf(example), { sourceFile: example });
        expect(files.map((file) => file.name)).toEqual(['rules.json']);
        expect(files[0].content.endsWith('}\n')).toBe(true);
        expectGolden(example, 'rules.json', files[0].content);
    });

    it('parses, and every rule carries the fields spec §4 requires', async () => {
        const rules = await ruleSetOf(example);
        const json = JSON.parse(renderJson(rules, { sourceFile: example })[0].content);
        expect(json.topology).toBe(rules.topology);
        expect(json.firewall.length).toBeGreaterThan(0);
        expect(json.ipsec.length).toBeGreaterThan(0);
        const ids = new Set<string>();
        for (const [kind, list] of [['firewall', json.firewall], ['ipsec', json.ipsec]] as const) {
            for (const rule of list) {
                expect(typeof rule.id).toBe('string');
                expect(ids.has(rule.id), `duplicate id ${rule.id}`).toBe(false);
                ids.add(rule.id);
                expect(typeof rule.site).toBe('string');
                for (const side of [rule.source, rule.destination]) {
                    if (side !== 'any') {
                        expect(Array.isArray(side) && side.length > 0, `${rule.id}: endpoints`).toBe(true);
                        for (const address of side) expect(address).toMatch(ADDRESS);
                    }
                }
                expect(['TCP', 'UDP']).toContain(rule.transport);
                expect(rule.ports).toMatch(PORTS);
                expect(['inbound', 'outbound', 'any']).toContain(rule.direction);
                expect(typeof rule.service).toBe('string');
                expect(rule.table === 'ipsec').toBe(kind === 'ipsec');
                expect(CATALOGUE_TABLES.map((t) => t.table)).toContain(rule.table);
                expect(typeof rule.role).toBe('string');
            }
        }
    });
});

describe('json export in blocks of rules', () => {
    it.each([0, 1, 255, 256, 257, 700])('%i firewall rules: the text JSON.stringify gives for the whole model', async (count) => {
        const example = await ruleSetOf(examples[0]);
        const firewall = Array.from({ length: count }, (_, n) => example.firewall[n % example.firewall.length]);
        const content = renderJson({ ...example, firewall }, { sourceFile: 'x.sfbtopo' })[0].content;
        const parsed = JSON.parse(content);
        expect(parsed.firewall.map((rule: { id: string }) => rule.id)).toEqual(firewall.map((rule) => rule.id));
        const { sfbtopoHash, ...model } = parsed;
        expect(sfbtopoHash).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(content.replace(/^ {2}"sfbtopoHash": .*\n/m, '')).toBe(`${JSON.stringify(model, null, 2)}\n`);
    });
});

describe('json export of unusual texts and optional fields', () => {
    it('writes what JSON.stringify writes, for every character a text may hold and every optional field', async () => {
        const example = await ruleSetOf('perimeter.sfbtopo');
        const odd = 'q"uote \\ back\tslash\n\u0001 \u2028 日本 \ud800 end';
        const [first, second] = example.firewall;
        const firewall = [
            { ...first, site: odd, service: odd, purpose: { en: odd, ja: odd }, sourcePorts: '1024-65535', host: undefined },
            { ...second, nat: [{ address: '10.0.0.1', public: odd }], destination: [] as string[] },
            ...example.firewall.filter((rule) => rule.nat),
        ];
        expect(firewall.length).toBeGreaterThan(2);
        const content = renderJson({ ...example, topology: odd, firewall }, { sourceFile: 'x.sfbtopo' })[0].content;
        const { sfbtopoHash, ...model } = JSON.parse(content);
        expect(sfbtopoHash).toMatch(/^sha256:[0-9a-f]{64}$/);
        expect(model.firewall[0].site).toBe(odd);
        expect(content.replace(/^ {2}"sfbtopoHash": .*\n/m, '')).toBe(`${JSON.stringify(model, null, 2)}\n`);
    });
});
