import { describe, expect, it } from 'vitest';
import { groupChanges } from '../../server/src/diff/change-groups.js';
import { countChanges, diffRuleSets, type RuleDiff } from '../../server/src/diff/rule-diff.js';
import { CHANGES, CONTOSO, rulesOf } from './pairs.js';

async function diffOf(after: string): Promise<RuleDiff> {
    return diffRuleSets(await rulesOf(CONTOSO), await rulesOf(after));
}

/** `change kind id [fields]` lines: what a test compares. */
function lines(diff: RuleDiff): string[] {
    return diff.changes.map((c) => {
        if (c.change === 'changed') return `changed ${c.kind} ${c.after.id} ${c.fields.map((f) => f.field).join(',')}`;
        if (c.change === 'renamed') return `renamed ${c.kind} ${c.before.id} -> ${c.after.id}`;
        return `${c.change} ${c.kind} ${c.rule.id}`;
    });
}

describe('rule diff', () => {
    it('finds nothing between a topology and itself', async () => {
        const diff = await diffOf(CONTOSO);
        expect(diff.changes).toEqual([]);
    });

    it('server added: the pool\'s rules gain its address; rules from the Front End servers gain it as a source', async () => {
        const diff = await diffOf(CHANGES['server added']);
        const changed = diff.changes.filter((c) => c.change === 'changed');
        expect(changed.length).toBeGreaterThan(10);
        expect(diff.changes.every((c) => c.change === 'changed')).toBe(true);
        const toPool = changed.find((c) => c.change === 'changed' && c.after.id === 'Redmond/fe01/server.frontend.5061/tcp');
        expect(toPool && toPool.change === 'changed' && toPool.fields).toEqual([
            { field: 'destination', before: ['10.0.1.11', '10.0.1.12', '10.0.1.13'], after: ['10.0.1.11', '10.0.1.12', '10.0.1.13', '10.0.1.14'], added: ['10.0.1.14'], removed: [] },
        ]);
        // Office Web Apps receives from the Front End servers: its source grows.
        expect(lines(diff)).toContain('changed firewall Redmond/owa01/server.officewebapps.443/tcp source');
    });

    it('server removed: only the address that went is called out', async () => {
        const diff = await diffOf(CHANGES['server removed']);
        const rule = diff.changes.find((c) => c.change === 'changed' && c.after.id === 'Redmond/fe01/server.frontend.5061/tcp');
        expect(rule?.change === 'changed' && rule.fields).toEqual([
            { field: 'destination', before: ['10.0.1.11', '10.0.1.12', '10.0.1.13'], after: ['10.0.1.11', '10.0.1.12'], added: [], removed: ['10.0.1.13'] },
        ]);
        expect(countChanges(diff).firewall.added + countChanges(diff).firewall.removed).toBe(0);
    });

    it('pool added: its rules are added, nothing removed', async () => {
        const diff = await diffOf(CHANGES['pool added']);
        const counts = countChanges(diff);
        expect(counts.firewall.added).toBeGreaterThan(0);
        expect(counts.firewall.removed + counts.firewall.renamed).toBe(0);
        expect(lines(diff).filter((l) => l.startsWith('added')).every((l) => l.includes('/pc02'))).toBe(true);
    });

    it('pool removed: its rules are removed', async () => {
        const diff = await diffOf(CHANGES['pool removed']);
        const counts = countChanges(diff);
        expect(counts.firewall.removed).toBeGreaterThan(0);
        expect(counts.firewall.added + counts.firewall.renamed).toBe(0);
        expect(lines(diff).filter((l) => l.startsWith('removed')).every((l) => l.includes('/pc01/'))).toBe(true);
    });

    it('media range moved: the client rule and the client IPsec exception change ports, nothing else', async () => {
        const diff = await diffOf(CHANGES['media range moved']);
        expect(lines(diff)).toEqual([
            'changed firewall Redmond/clients/client.client.1024-65535-audio/tcp ports',
            'changed firewall Redmond/clients/client.client.1024-65535-audio/udp ports',
            'changed ipsec Redmond/clients-1/ipsec.client.any/udp sourcePorts',
        ]);
        const [ports, , exception] = diff.changes;
        expect(ports.change === 'changed' && ports.fields).toEqual([{ field: 'ports', before: '50020-50039', after: '50120-50139' }]);
        expect(exception.change === 'changed' && exception.fields).toEqual([{ field: 'sourcePorts', before: '50020-50039', after: '50120-50139' }]);
    });

    it('port override: the moved port is a changed rule (same id, new port)', async () => {
        const diff = await diffOf(CHANGES['port override']);
        const moved = diff.changes.filter((c) => c.change === 'changed' && c.fields.some((f) => f.field === 'ports'));
        expect(moved.length).toBeGreaterThan(0);
        for (const change of moved) {
            if (change.change !== 'changed') continue;
            expect(change.after.id).toContain('Redmond/dir01/');
            expect(change.fields.find((f) => f.field === 'ports')).toMatchObject({ before: '5060', after: '5160' });
        }
    });

    it('load balancing switched: the load balancer\'s ports for DNS load balancing give way to those for hardware', async () => {
        const diff = await diffOf(CHANGES['load balancing switched']);
        const counts = countChanges(diff);
        expect(counts.firewall.added).toBeGreaterThan(0);
        expect(lines(diff).filter((l) => l.startsWith('added')).every((l) => l.includes('Redmond/lbfe/lb-hardware'))).toBe(true);
        expect(lines(diff).filter((l) => l.startsWith('removed')).every((l) => l.includes('Redmond/lbfe/lb-dns'))).toBe(true);
    });

    it('gateway removed: the rules towards it are closed', async () => {
        const diff = await diffOf(CHANGES['gateway removed']);
        const removed = lines(diff).filter((l) => l.startsWith('removed'));
        expect(removed.length).toBeGreaterThan(0);
        expect(removed.every((l) => l.includes('med01-gateways'))).toBe(true);
        expect(countChanges(diff).firewall.added).toBe(0);
    });

    it('pool renamed: renames, not a close and an open', async () => {
        const diff = await diffOf(CHANGES['pool renamed']);
        const counts = countChanges(diff);
        expect(counts.firewall.renamed).toBeGreaterThan(0);
        expect(counts.firewall.added + counts.firewall.removed + counts.firewall.changed).toBe(0);
        expect(lines(diff)).toContain('renamed firewall Redmond/owa01/server.officewebapps.443/tcp -> Redmond/owa02/server.officewebapps.443/tcp');
    });

    it('a renamed pool whose address also changed is a close and an open', async () => {
        const after = CHANGES['pool renamed'].replace('server owa01a 10.0.5.11', 'server owa01a 10.0.5.12');
        const counts = countChanges(await diffOf(after));
        expect(counts.firewall.renamed).toBe(0);
        expect(counts.firewall.added).toBeGreaterThan(0);
        expect(counts.firewall.added).toBe(counts.firewall.removed);
    });

    it('groups by firewall, site and destination, internal firewall first and IPsec last', async () => {
        const diff = await diffOf(CHANGES['server added']);
        const groups = groupChanges(diff);
        const keys = groups.map((g) => `${g.kind}/${g.firewall}/${g.site}/${g.destination}`);
        expect(keys).toContain('firewall/internal/Redmond/fe01');
        expect(keys).toEqual([...new Set(keys)]);
        const firstIpsec = groups.findIndex((g) => g.kind === 'ipsec');
        expect(firstIpsec === -1 || groups.slice(firstIpsec).every((g) => g.kind === 'ipsec')).toBe(true);
        expect(groups.flatMap((g) => g.changes)).toHaveLength(diff.changes.length);
    });
});

describe('rule diff, rule sets as files may hold them', () => {
    it('adds the file share rule of a Front End pool added beside another, leaving the other pool\'s as it was', async () => {
        const fe02 = '  frontend pool fe02 {\n    fqdn "fe02.contoso.com"\n    edition standard\n    server fe02a 10.0.1.21\n  }\n\n';
        const twoPools = CONTOSO.replace('  frontend pool fe01 {', `${fe02}  frontend pool fe01 {`);
        expect(twoPools).not.toBe(CONTOSO);
        const diff = diffRuleSets(await rulesOf(CONTOSO), await rulesOf(twoPools));
        const shares = diff.changes.filter((c) => ('rule' in c ? c.rule : c.after).host === 'fs01');
        expect(shares.map((c) => [c.change, 'rule' in c ? c.rule.id : c.after.id])).toEqual([['added', 'Redmond/fs01-from-fe02/server.frontend.445/tcp']]);
        expect(shares[0].change === 'added' && shares[0].rule.source).toEqual(['10.0.1.21']);
    });

    it('pairs a repeated id once and reports the repeat as removed or added', async () => {
        const rules = await rulesOf(CONTOSO);
        const [first] = rules.firewall;
        const twice = { ...rules, firewall: [first, { ...first, ports: '1' }, ...rules.firewall.slice(1)] };
        const removed = diffRuleSets(twice, rules);
        expect(removed.changes.map((c) => c.change)).toEqual(['removed']);
        const added = diffRuleSets(rules, twice);
        expect(added.changes.map((c) => c.change)).toEqual(['added']);
    });
});
