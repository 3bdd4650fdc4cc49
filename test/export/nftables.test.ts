// Golden files: test/export/golden/<example>/sfbtopo.nft is the expected export of
// examples/<example>.sfbtopo, byte for byte. After an intended change to the output,
// regenerate with `UPDATE_GOLDEN=1 npx vitest run test/export` and review the diff.
//
// Every generated ruleset is also checked with `nft -c -f` (Debian package `nftables`,
// installed by .ci/run; it needs root or CAP_NET_ADMIN, as nft asks the kernel over
// netlink even in check mode). When nft is missing or cannot reach netlink, these tests
// FAIL, unless SFBTOPO_SKIP_NFT=1 is set: then they print a warning and pass.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nftComment, nftIdentifier, nftLineComment, NftNames, NFT_COMMENT_MAX } from '../../server/src/export/quoting/nftables.js';
import { renderNftables } from '../../server/src/export/renderers/nftables.js';
import { resolveTopology } from '../../server/src/model/resolved-topology.js';
import { buildRuleSet } from '../../server/src/rules/rule-model.js';
import type { RuleSet } from '../../server/src/rules/rule.js';
import { check, readRepoFile, repoRoot } from '../helpers.js';
import { expectGolden } from './golden.js';

const examples = readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.sfbtopo')).sort();

async function ruleSetOf(text: string, path = '/virtual/test.sfbtopo'): Promise<RuleSet> {
    const { document, diagnostics } = await check(text, path);
    expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    return buildRuleSet(resolveTopology(document.parseResult.value));
}


const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-nft-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** nft's answers that mean "this sandbox cannot check", not "the ruleset is wrong". */
const NO_NETLINK = /Operation not permitted|Permission denied|cache initialization failed|Could not (open|receive|send)|socket/i;

/** nft lives in /usr/sbin, which a non-root PATH may lack. */
const NFT = ['/usr/sbin/nft', '/sbin/nft'].find((path) => existsSync(path)) ?? 'nft';

/** Runs `nft -c -f` on a ruleset; `skipped` when this environment cannot check and SFBTOPO_SKIP_NFT=1 allows it (see top). */
function nftCheck(label: string, content: string): { skipped: true } | { skipped: false; status: number | null; stderr: string } {
    const file = join(scratch, `${label.replace(/[^A-Za-z0-9_.-]/g, '_')}.nft`);
    writeFileSync(file, content);
    const run = spawnSync(NFT, ['-c', '-f', file], { encoding: 'utf8', timeout: 15_000 });
    const environmentProblem =
        run.error !== undefined
            ? `nft could not be started (${run.error.message}): install the Debian package nftables`
            : run.status !== 0 && NO_NETLINK.test(run.stderr)
              ? `nft -c cannot reach netlink here (needs root or CAP_NET_ADMIN): ${run.stderr.trim()}`
              : undefined;
    if (environmentProblem) {
        if (process.env.SFBTOPO_SKIP_NFT === '1') {
            console.warn(`WARNING: ${label}: nft -c -f NOT RUN (SFBTOPO_SKIP_NFT=1): ${environmentProblem}`);
            return { skipped: true };
        }
        expect.fail(`${label}: ${environmentProblem}. Set SFBTOPO_SKIP_NFT=1 to skip this check knowingly.`);
    }
    return { skipped: false, status: run.status, stderr: run.stderr };
}

function expectNftAccepts(label: string, content: string): void {
    const result = nftCheck(label, content);
    if (result.skipped) return;
    expect(result.stderr, `nft -c -f rejected ${label}`).toBe('');
    expect(result.status).toBe(0);
}

it('nft -c -f really checks: it rejects a ruleset that uses an undefined set', () => {
    const result = nftCheck('negative-control', 'table inet sfbtopo_check {\n    chain forward {\n        ip daddr @missing accept\n    }\n}\n');
    if (result.skipped) return;
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/missing/);
});

describe.each(examples)('nftables export of %s', (example) => {
    const render = async () => renderNftables(await ruleSetOf(readRepoFile(`examples/${example}`), `/examples/${example}`), { sourceFile: example });

    it('matches its golden files: sfbtopo.nft, and one file per perimeter firewall that has rules', async () => {
        const rules = await ruleSetOf(readRepoFile(`examples/${example}`), `/examples/${example}`);
        const files = renderNftables(rules, { sourceFile: example });
        const has = (firewall: string) => rules.firewall.some((rule) => rule.firewall === firewall);
        expect(files.map((file) => file.name)).toEqual([
            'sfbtopo.nft',
            ...(has('perimeter-external') ? ['sfbtopo-perimeter-external.nft'] : []),
            ...(has('perimeter-internal') ? ['sfbtopo-perimeter-internal.nft'] : []),
        ]);
        for (const file of files) expectGolden(example, file.name, file.content);
    });

    it('is accepted by nft -c -f, every file', async () => {
        for (const file of await render()) expectNftAccepts(`${example}-${file.name}`, file.content);
    });

    it('has one accept per firewall rule in its firewall\'s file, none for IPsec exceptions, and every set it uses', async () => {
        const rules = await ruleSetOf(readRepoFile(`examples/${example}`), `/examples/${example}`);
        const files = renderNftables(rules, { sourceFile: example });
        const firewallOf: Record<string, string> = {
            'sfbtopo.nft': 'internal',
            'sfbtopo-perimeter-external.nft': 'perimeter-external',
            'sfbtopo-perimeter-internal.nft': 'perimeter-internal',
        };
        const tables = new Set<string>();
        let total = 0;
        for (const { name, content } of files) {
            const own = rules.firewall.filter((rule) => rule.firewall === firewallOf[name]);
            const accepts = content.split('\n').filter((line) => /^\s+ip |^\s+(tcp|udp|meta) /.test(line));
            expect(accepts).toHaveLength(own.length);
            total += accepts.length;
            for (const [index, rule] of own.entries()) {
                expect(accepts[index]).toMatch(new RegExp(` accept comment "${rule.id.replace(/[.]/g, '\\.')}"$`));
                expect(accepts[index]).toContain(`${rule.transport.toLowerCase()} dport ${rule.ports}`);
            }
            expect(content).not.toContain('ipsec.');
            const defined = new Set([...content.matchAll(/^ {4}set (\S+) \{$/gm)].map((m) => m[1]));
            const used = new Set([...content.matchAll(/@(\w+)/g)].map((m) => m[1]));
            expect([...used].filter((name) => !defined.has(name))).toEqual([]);
            expect([...defined].filter((name) => !used.has(name))).toEqual([]);
            for (const name of defined) expect(name).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
            const table = /^table inet (\w+) \{$/m.exec(content)?.[1];
            expect(table).toBeDefined();
            tables.add(table!);
        }
        expect(total).toBe(rules.firewall.length);
        expect(tables.size).toBe(files.length);
    });
});

describe('nftables NAT comments', () => {
    it('names the public address above each rule to a translated A/V Edge address, matching the private one', async () => {
        const rules = await ruleSetOf(readRepoFile('examples/perimeter.sfbtopo'), '/examples/perimeter.sfbtopo');
        const external = renderNftables(rules, { sourceFile: 'perimeter.sfbtopo' }).find((file) => file.name === 'sfbtopo-perimeter-external.nft')!;
        const lines = external.content.split('\n');
        const translated = rules.firewall.filter((rule) => rule.nat);
        expect(translated.length).toBeGreaterThan(0);
        for (const rule of translated) {
            const at = lines.findIndex((line) => line.endsWith(`comment "${rule.id}"`));
            expect(at).toBeGreaterThan(0);
            expect(lines[at - 1]).toMatch(/^ {8}# NAT: /);
            expect(lines[at - 1]).toContain('198.51.100.23 (private 172.16.100.23)');
            expect(lines[at - 1]).toMatch(rule.direction === 'outbound' ? /before SNAT/ : /translated \(private\) destination, as the forward chain sees it after DNAT/);
        }
        const untranslated = lines.filter((line) => /accept comment/.test(line)).length - translated.length;
        expect(lines.filter((line) => line.includes('# NAT: '))).toHaveLength(translated.length);
        expect(untranslated).toBeGreaterThan(0);
        // The public address is only ever named in comments: the sets and matches hold the private one.
        expect(lines.filter((line) => line.includes('198.51.100.23') && !/^\s*#/.test(line))).toEqual([]);
        expect(lines.some((line) => /elements = \{ .*172\.16\.100\.23/.test(line))).toBe(true);
    });
});

describe('nftables names and quoting', () => {
    it('derives identifiers from topology names, - and anything else becoming _', () => {
        expect(nftIdentifier('pool', 'osk-fe')).toBe('pool_osk_fe');
        expect(nftIdentifier('vip', 'a.b c')).toBe('vip_a_b_c');
        expect(() => nftIdentifier('1pool', 'x')).toThrow(/start with a letter/);
    });

    it('makes colliding names unique, deterministically', () => {
        const names = new NftNames();
        expect(['pool_a_b', 'pool_a_b', 'pool_a_b_2', 'POOL_A_B'].map((n) => names.unique(n))).toEqual(['pool_a_b', 'pool_a_b_2', 'pool_a_b_2_2', 'POOL_A_B_3']);
    });

    it('keeps comments to a safe charset and nft length', () => {
        expect(nftComment('Osaka/osk-fe/server.frontend.443-web/tcp')).toBe('"Osaka/osk-fe/server.frontend.443-web/tcp"');
        expect(nftComment('a "b"\\\n;{}#日本')).toBe('"a__b_________"');
        expect(nftComment('x'.repeat(300))).toHaveLength(NFT_COMMENT_MAX + 2);
        expect(nftLineComment('line\nbreak 日本')).toBe('# line?break ??');
    });

    it('disambiguates pools whose names differ only by - and _, and nft accepts the result', async () => {
        const rules = await ruleSetOf(
            [
                'topology T',
                'site S {',
                '  director pool a-b {',
                '    server d1 10.0.0.11',
                '  }',
                '  director pool a_b {',
                '    server d2 10.0.0.12',
                '  }',
                '  clients {',
                '    subnet c',
                '  }',
                '  subnet c 10.0.16.0/20',
                '}',
                '',
            ].join('\n'),
        );
        const content = renderNftables(rules, { sourceFile: 'collide.sfbtopo' })[0].content;
        expect(content).toContain('set pool_a_b {');
        expect(content).toContain('set pool_a_b_2 {');
        expect(content).toMatch(/ip daddr @pool_a_b udp dport 1434 accept comment "S\/a-b\//);
        expect(content).toMatch(/ip daddr @pool_a_b_2 udp dport 1434 accept comment "S\/a_b\//);
        expect(content).toContain('set clients_S {');
        expectNftAccepts('collide', content);
    });
});
