// Unit and property tests of the PowerShell quoting that the windows-firewall,
// ipsec-powershell and probe-powershell exports rely on.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
    checkedAddress,
    checkedIdentifier,
    checkedPorts,
    normaliseLineBreaks,
    POWERSHELL_SINGLE_QUOTES,
    powershellAddresses,
    powershellComment,
    powershellQuote,
    powershellScript,
    powershellUnquote,
} from '../../server/src/export/quoting/powershell.js';

const QUOTES = new Set<string>(POWERSHELL_SINGLE_QUOTES);

/** Inside the outer quotes, every run of quote characters has even length: all are doubled. */
function quotesAllDoubled(quoted: string): boolean {
    if (quoted[0] !== "'" || quoted[quoted.length - 1] !== "'") return false;
    const inner = [...quoted.slice(1, -1)];
    let run = 0;
    for (const c of [...inner, '']) {
        if (QUOTES.has(c)) {
            run += 1;
        } else {
            if (run % 2 !== 0) return false;
            run = 0;
        }
    }
    return true;
}

describe('powershellQuote', () => {
    it.each([
        ['plain text', 'Front-End service', "'Front-End service'"],
        ['empty', '', "''"],
        ['ASCII quote', "O'Brien", "'O''Brien'"],
        ['U+2018', 'a\u2018b', "'a\u2018\u2018b'"],
        ['U+2019', 'a\u2019b', "'a\u2019\u2019b'"],
        ['U+201A', 'a\u201Ab', "'a\u201A\u201Ab'"],
        ['U+201B', 'a\u201Bb', "'a\u201B\u201Bb'"],
        ['mixed quotes side by side', "'\u2019", "'''\u2019\u2019'"],
        ['subexpression', '$(Remove-Item C:\\ -Recurse)', "'$(Remove-Item C:\\ -Recurse)'"],
        ['variable', '$env:PATH', "'$env:PATH'"],
        ['backtick', 'a`nb`', "'a`nb`'"],
        ['semicolon', 'a; Stop-Computer', "'a; Stop-Computer'"],
        ['pipe', 'a | Out-Null', "'a | Out-Null'"],
        ['ampersand', '& calc.exe', "'& calc.exe'"],
        ['percent', '%PATH% 100%', "'%PATH% 100%'"],
        ['double quotes stay', 'say "hi" \u201Chi\u201D', "'say \"hi\" \u201Chi\u201D'"],
        ['hash', '# not a comment', "'# not a comment'"],
        ['tab kept', 'a\tb', "'a\tb'"],
        ['LF', 'line 1\nline 2', "'line 1 line 2'"],
        ['CR', 'line 1\rline 2', "'line 1 line 2'"],
        ['CRLF is one break', 'line 1\r\nline 2', "'line 1 line 2'"],
        ['Unicode line separators', 'a\u2028b\u2029c\u0085d', "'a b c d'"],
        ['non-ASCII', '監視サーバー', "'監視サーバー'"],
    ])('%s', (_label, input, expected) => {
        expect(powershellQuote(input)).toBe(expected);
        expect(powershellUnquote(expected)).toBe(normaliseLineBreaks(input));
    });

    it.each([
        ['NUL', 'a\u0000b', 'U+0000'],
        ['escape', 'a\u001B[31mb', 'U+001B'],
        ['bell', '\u0007', 'U+0007'],
        ['DEL', 'a\u007F', 'U+007F'],
        ['C1 control', 'a\u009B', 'U+009B'],
    ])('refuses %s', (_label, input, code) => {
        expect(() => powershellQuote(input)).toThrow(new RegExp(`control character ${code.replace('+', '\\+')}`));
    });

    it('refuses an unpaired surrogate', () => {
        expect(() => powershellQuote('a\uD800b')).toThrow(/unpaired UTF-16 surrogate/);
    });

    it('round-trips arbitrary text, every quote character doubled (property)', () => {
        const nasty = fc.constantFrom(...POWERSHELL_SINGLE_QUOTES, '\r', '\n', '\t', '$', '`', '"', '(', ')', ';', '|', '&', '%', '#', 'a', ' ');
        const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ unit: nasty, maxLength: 40 }));
        fc.assert(
            fc.property(text, (input) => {
                // Control characters other than tab and line breaks are refused (tested above).
                fc.pre(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u0084\u0086-\u009F]/.test(input));
                const quoted = powershellQuote(input);
                expect(powershellUnquote(quoted)).toBe(normaliseLineBreaks(input));
                expect(quotesAllDoubled(quoted)).toBe(true);
                expect(quoted).not.toMatch(/[\r\n]/);
            }),
            { seed: 20_250_611, numRuns: 300 },
        );
    });

    it('refuses every string with another control character (property)', () => {
        const control = fc.constantFrom(...[...Array(32).keys(), ...Array.from({ length: 33 }, (_, i) => 0x7f + i)].filter((c) => ![9, 10, 13, 0x85].includes(c)).map((c) => String.fromCharCode(c)));
        fc.assert(
            fc.property(fc.string({ maxLength: 10 }), control, fc.string({ maxLength: 10 }), (before, c, after) => {
                expect(() => powershellQuote(before + c + after)).toThrow(/control character/);
            }),
            { seed: 20_250_611, numRuns: 100 },
        );
    });
});

describe('powershellUnquote', () => {
    it('rejects what is not one quoted string', () => {
        expect(() => powershellUnquote('abc')).toThrow();
        expect(() => powershellUnquote("'abc")).toThrow(/Unterminated/);
        expect(() => powershellUnquote("'a'b'")).toThrow(/Text after/);
    });
});

describe('validated values', () => {
    it('accepts addresses, CIDRs, ports and identifiers', () => {
        expect(checkedAddress('10.0.1.11')).toBe('10.0.1.11');
        expect(checkedAddress('10.20.0.0/16')).toBe('10.20.0.0/16');
        expect(checkedAddress('fe80::1/64')).toBe('fe80::1/64');
        expect(checkedPorts('5061')).toBe('5061');
        expect(checkedPorts('49152-57500')).toBe('49152-57500');
        expect(checkedIdentifier('lis-fe_01')).toBe('lis-fe_01');
        expect(powershellAddresses('any')).toBe("'Any'");
        expect(powershellAddresses(['10.0.0.1', '10.0.0.0/8'])).toBe("'10.0.0.1', '10.0.0.0/8'");
    });

    it.each([["10.0.0.1'; calc"], ['any'], [''], ['10.0.0.1 10.0.0.2']])('refuses the address %j', (address) => {
        expect(() => checkedAddress(address)).toThrow(/Not an address/);
    });

    it('refuses bad ports, identifiers and empty address lists', () => {
        expect(() => checkedPorts('any')).toThrow(/Not a port/);
        expect(() => checkedPorts('80,443')).toThrow(/Not a port/);
        expect(() => checkedIdentifier('../fe')).toThrow(/Not an identifier/);
        expect(() => powershellAddresses([])).toThrow(/empty address list/);
    });
});

describe('comments and script text', () => {
    it('keeps a comment on one line whatever it holds', () => {
        expect(powershellComment('from evil\r\nRemove-Item C:\\\n.sfbtopo\u0000')).toBe('# from evil Remove-Item C:\\ .sfbtopo ');
        expect(powershellComment('')).toBe('#');
    });

    it('joins lines with LF and ends with a newline; a BOM only where there is non-ASCII text', () => {
        expect(powershellScript(['# a', 'b'])).toBe('# a\nb\n');
        expect(powershellScript(['# 東京.sfbtopo'])).toBe('\uFEFF# 東京.sfbtopo\n');
    });
});
