import { describe, expect, it } from 'vitest';
import { diagnoseOnly, site } from '../../helpers.js';

const diagnose = diagnoseOnly('invalid-fqdn', 'duplicate-fqdn');

const pool = (fqdn: string) => site(`  frontend pool p { fqdn "${fqdn}" server a 10.0.0.1 }`);

describe('FQDN syntax', () => {
    it.each(['fepool01.contoso.com', 'a.b', 'x-1.y-2.example', `${'a'.repeat(63)}.example.com`, 'POOL.Contoso.COM'])(
        'accepts the host name %s',
        async (fqdn) => {
            expect(await diagnose(pool(fqdn))).toEqual([]);
        },
    );

    it.each([
        ['a single label', 'fepool01', 'not fully qualified'],
        ['an underscore', 'fe_01.contoso.com', "label 'fe_01'"],
        ['a leading hyphen', '-fe.contoso.com', "label '-fe'"],
        ['a trailing hyphen', 'fe-.contoso.com', "label 'fe-'"],
        ['a space', 'fe 01.contoso.com', "label 'fe 01'"],
        ['a URL', 'https://fe.contoso.com', "label 'https://fe'"],
        ['a port', 'fe.contoso.com:443', "label 'com:443'"],
        ['a wildcard', '*.contoso.com', "label '*'"],
        ['two dots', 'fe..contoso.com', 'empty label'],
        ['a trailing dot', 'fe.contoso.com.', 'empty label'],
        ['an address', '10.0.0.1', 'all-digit label'],
        ['an empty string', '', 'empty'],
        ['a label over 63 characters', `${'a'.repeat(64)}.example.com`, '64 characters'],
        ['over 253 characters', `${'abcdefghi.'.repeat(26)}com`, 'at most 253'],
        ['a non-ASCII letter', 'fé.contoso.com', "label 'fé'"],
        ['a shell metacharacter', 'fe$(x).contoso.com', 'label'],
    ])('rejects %s, at the string', async (_case, fqdn, words) => {
        const found = await diagnose(pool(fqdn));
        expect(found.map((d) => [d.severity, d.code, d.text])).toEqual([['error', 'invalid-fqdn', `"${fqdn}"`]]);
        expect(found[0].message).toContain(words);
    });
});

describe('duplicate FQDNs', () => {
    it('reports a second pool or file share with the same DNS name, ignoring case', async () => {
        const found = await diagnose(
            site('  frontend pool p { fqdn "pool.contoso.com" server a 10.0.0.1 }\n  fileshare f { fqdn "POOL.contoso.com" server b 10.0.0.2 }'),
        );
        expect(found.map((d) => [d.code, d.text, d.line])).toEqual([['duplicate-fqdn', '"POOL.contoso.com"', 4]]);
        expect(found[0].message).toContain('frontend pool p at line 3');
    });

    it('accepts distinct FQDNs', async () => {
        expect(
            await diagnose(site('  frontend pool p { fqdn "p.contoso.com" server a 10.0.0.1 }\n  fileshare f { fqdn "f.contoso.com" server b 10.0.0.2 }')),
        ).toEqual([]);
    });
});
