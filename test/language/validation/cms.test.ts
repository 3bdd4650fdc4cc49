import { describe, expect, it } from 'vitest';
import { check, diagnose, diagnoseOnly, site, summary } from '../../helpers.js';

const cms = diagnoseOnly('cms-duplicate', 'cms-missing', 'duplicate-statement', 'option-not-for-role');

describe('a realistic topology', () => {
    it('has no diagnostics with one CMS across two sites', async () => {
        const text = `topology Contoso
site Redmond {
  frontend pool fe01 {
    fqdn "fe01.contoso.com"
    server fe01a 10.0.1.11
    hosts cms
  }
}
site Dublin {
  frontend pool fe02 {
    fqdn "fe02.contoso.com"
    server fe02a 10.1.1.11
  }
  director pool dir02 {
    fqdn "dir02.contoso.com"
    server dir02a 10.1.2.11
  }
}
`;
        expect(await diagnose(text)).toEqual([]);
    });
});

describe('the Central Management Store', () => {
    it('accepts exactly one `hosts cms`', async () => {
        expect(await cms(site('  frontend pool a { server a1 10.0.0.1 hosts cms }\n  frontend pool b { server b1 10.0.0.2 }'))).toEqual([]);
    });

    it('rejects a second `hosts cms` in another pool, at the second, naming the first pool', async () => {
        const text = `topology T
site S {
  frontend pool a { server a1 10.0.0.1 hosts cms }
}
site U {
  frontend pool b { server b1 10.0.0.2 hosts cms }
}
`;
        const found = await cms(text);
        expect(summary(found)).toEqual([['error', 'cms-duplicate', 'hosts cms', 6]]);
        expect(found[0].message).toContain('pool a at line 3 already does');
    });

    it('reports a repeated `hosts cms` in the same pool as a repeated statement, not as a second CMS', async () => {
        const found = await cms(site('  frontend pool a { server a1 10.0.0.1\n    hosts cms\n    hosts cms\n  }'));
        expect(summary(found)).toEqual([['error', 'duplicate-statement', 'hosts cms', 5]]);
    });

    it('warns at the topology name when no pool hosts the CMS', async () => {
        const found = await cms(site('  frontend pool a { server a1 10.0.0.1 }'));
        expect(summary(found)).toEqual([['warning', 'cms-missing', 'T', 1]]);
        expect(found[0].message).toContain('No frontend pool says `hosts cms`');
    });

    it('does not count `hosts cms` outside a Front End pool', async () => {
        const found = await cms(site('  frontend pool a { server a1 10.0.0.1 }\n  director pool d { server d1 10.0.0.2 hosts cms }'));
        expect(summary(found)).toEqual([
            ['warning', 'cms-missing', 'T', 1],
            ['error', 'option-not-for-role', 'hosts cms', 4],
        ]);
    });

    it('does not ask for a CMS in a topology without Front End pools', async () => {
        expect(await cms(site('  director pool d { server d1 10.0.0.2 }'))).toEqual([]);
    });
});

describe('messages in Japanese', () => {
    it('writes the message in Japanese when the locale is ja', async () => {
        const text = site('  frontend pool a { server a1 10.0.0.1 hosts cms }\n  frontend pool b { server b1 10.0.0.2 hosts cms }');
        const checked = await check(text, undefined, 'ja');
        const duplicate = checked.diagnostics.find((d) => d.code === 'cms-duplicate');
        expect(duplicate?.message).toBe(
            '中央管理ストアを持てるプールは 1 つだけで、3 行目のプール a が既に持っています。この `hosts cms` を削除してください。',
        );
    });

    it('writes the missing-CMS warning in Japanese', async () => {
        const checked = await check(site('  frontend pool a { server a1 10.0.0.1 }'), undefined, 'ja');
        const missing = checked.diagnostics.find((d) => d.code === 'cms-missing');
        expect(missing?.message).toContain('`hosts cms` を持つ frontend プールがありません');
    });
});
