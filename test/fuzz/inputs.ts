// fast-check arbitraries for the fuzzer: texts that a language server may be handed
// while someone types, pastes or opens the wrong file.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { bigTopology } from './big-topology.js';

const example = (name: string) => readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8');

/** Valid topologies that mutations start from: the examples and a few generated ones. */
export const SEEDS: readonly string[] = [
    example('contoso.sfbtopo'),
    example('branch.sfbtopo'),
    example('multisite.sfbtopo'),
    bigTopology(8),
    'topology T\nsite S {\n  subnet n 10.0.0.0/8\n  loadbalancer lb for fe01 { vip 10.0.1.100 ports 80, 443, 4443, 8080 }\n  clients { subnet n media audio 50039-50020 }\n}\n',
];

const KEYWORDS = [
    'topology', 'site', 'subnet', 'pool', 'frontend', 'director', 'mediation', 'persistentchat', 'officewebapps', 'edge',
    'exchangeum', 'fqdn', 'edition', 'enterprise', 'standard', 'server', 'internal', 'external', 'colocate', 'hosts', 'cms',
    'loadbalancing', 'dns', 'hardware', 'gateway', 'media', 'audio', 'video', 'appsharing', 'filetransfer', 'port', 'ports',
    'fileshare', 'reverseproxy', 'loadbalancer', 'for', 'vip', 'clients',
];
const PUNCTUATION = ['{', '}', ',', '-', '/', '.', '"', '/*', '*/', '//'];
const NAMES = ['fe01', 'fe01a', 'edge01', 'pstn1', 'lb', 'n', 'sip-tls', 'web-external', 'wcf', 'S', 'T', 'x_y-z'];
const VALUES = [
    '10.0.1.11', '10.0.0.0/8', '10.0.0.1/8', '203.0.113.10', '10.0.0.300', '1.2.3.4.5', '0.0.0.0/0', '10.0.0.0/33', '999.1/99',
    '80', '443', '0', '65535', '65536', '50020-50039', '50039-50020', '99999999999999999999', '1e3', '"fe.contoso.com"', '""',
    '"a b"', '"-bad-.example"', '/* c */', '// c',
];
const SEPARATORS = [' ', ' ', ' ', '\n', '\n', '\t', '\r\n', '', '  \n\n'];

/** Characters that editors and parsers trip over: RTL marks, NUL, lone surrogates, BOM, odd line breaks. */
export const NASTY = [
    '\u0000', '\u200F', '\u200E', '\u202E', '\u202B', '\u2066', '\u2069', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF',
    '\r', '\r\n', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C', '\u00A0', '\u3000', '\u0301', '\u{1F600}', 'ｆｅ', 'é',
    'ß', 'İ', '\u0627\u0644', '\u05D0', '\\', '"', '{', '}', '\t', '\uFFFD', '\uFFFF',
];

const token = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...KEYWORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
    { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
    { weight: 3, arbitrary: fc.constantFrom(...VALUES) },
    { weight: 1, arbitrary: fc.constantFrom(...NASTY) },
);

/** Random soup of the language's own tokens, sometimes behind a proper header. */
export const tokenSoup: fc.Arbitrary<string> = fc
    .tuple(fc.boolean(), fc.array(fc.tuple(token, fc.constantFrom(...SEPARATORS)), { maxLength: 160 }))
    .map(([header, tokens]) => (header ? 'topology T\n' : '') + tokens.map(([t, s]) => t + s).join(''));

export type Mutation = (text: string) => string;

const lines = (text: string) => text.split('\n');

/** One random edit of a text: lines or characters deleted, duplicated, swapped, inserted, or the text cut off. */
export function mutation(random: fc.Arbitrary<number>): fc.Arbitrary<Mutation> {
    // Each mutation takes a fraction in [0, 1) and applies it to whatever text it gets.
    const at = (text: string, f: number) => Math.floor(f * (text.length + 1));
    const line = (text: string, f: number) => Math.floor(f * lines(text).length);
    return fc.oneof(
        random.map((f) => (text: string) => { const l = lines(text); l.splice(line(text, f), 1); return l.join('\n'); }),
        random.map((f) => (text: string) => { const l = lines(text); const i = line(text, f); l.splice(i, 0, l[i] ?? ''); return l.join('\n'); }),
        fc.tuple(random, random).map(([f, g]) => (text: string) => {
            const l = lines(text);
            const [i, j] = [line(text, f), line(text, g)];
            [l[i], l[j]] = [l[j], l[i]];
            return l.join('\n');
        }),
        random.map((f) => (text: string) => { const i = at(text, f); return text.slice(0, i) + text.slice(i + 1); }),
        random.map((f) => (text: string) => { const i = at(text, f); return text.slice(0, i + 1) + text.slice(i); }),
        random.map((f) => (text: string) => { const i = at(text, f); return text.slice(0, i) + text.charAt(i + 1) + text.charAt(i) + text.slice(i + 2); }),
        random.map((f) => (text: string) => text.slice(0, at(text, f))),
        fc.tuple(random, token).map(([f, t]) => (text: string) => { const i = at(text, f); return `${text.slice(0, i)}${t}${text.slice(i)}`; }),
        fc.tuple(random, random).map(([f, g]) => (text: string) => {
            // Delete a span of up to 40 characters.
            const i = at(text, f);
            return text.slice(0, i) + text.slice(i + Math.floor(g * 40));
        }),
    );
}

/**
 * A place in a text as a fraction in [0, 1), evenly spread: `fc.double` picks evenly among
 * representable doubles, nearly all of them tiny, which put almost every edit at the start.
 */
export const fraction = fc.integer({ min: 0, max: 2 ** 32 - 1 }).map((n) => n / 2 ** 32);

/** A valid topology with a few lines or characters deleted, duplicated, swapped, inserted or cut off. */
export const mutatedTopology: fc.Arbitrary<string> = fc
    .tuple(fc.constantFrom(...SEEDS), fc.array(mutation(fraction), { minLength: 1, maxLength: 6 }))
    .map(([seed, mutations]) => mutations.reduce((text, mutate) => mutate(text), seed));

/** A topology cut off at a random position (every position is tried in the bounded test too). */
export const truncatedTopology: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...SEEDS), fraction).map(([seed, f]) => seed.slice(0, Math.floor(f * (seed.length + 1))));

const nastyChar = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...NASTY) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }) });

/** Random Unicode: a valid topology sprinkled with nasty characters, or nothing but them. */
export const unicodeNoise: fc.Arbitrary<string> = fc.oneof(
    fc.tuple(fc.constantFrom(...SEEDS), fc.array(fc.tuple(fraction, nastyChar), { minLength: 1, maxLength: 12 })).map(([seed, inserts]) =>
        inserts.reduce((text, [f, c]) => {
            const i = Math.floor(f * (text.length + 1));
            return text.slice(0, i) + c + text.slice(i);
        }, seed),
    ),
    fc.array(nastyChar, { maxLength: 200 }).map((chars) => chars.join('')),
    fc.string({ unit: 'binary', maxLength: 300 }).map((s) => `topology ${s}`),
    fc.array(fc.constantFrom('\uD800', '\uDC00', '\u0000', 'a', ' ', '\n', '{', '}'), { maxLength: 300 }).map((chars) => `topology T\nsite S {\n${chars.join('')}\n}\n`),
);

/** Very long lines, names, strings, numbers and comments in otherwise valid places. */
export const longParts: fc.Arbitrary<string> = fc
    .tuple(fc.integer({ min: 1_000, max: 40_000 }), fc.constantFrom('name', 'fqdn', 'number', 'address', 'comment', 'line', 'ports', 'statements'))
    .map(([n, where]) => {
        const name = 'a'.repeat(n);
        const digits = '9'.repeat(Math.min(n, 5_000));
        switch (where) {
            case 'name':
                return `topology ${name}\nsite ${name} {\n  frontend pool ${name} {\n    server ${name}x 10.0.1.11\n    hosts cms\n  }\n  loadbalancer lb for ${name} { vip 10.0.1.100 }\n}\n`;
            case 'fqdn':
                return `topology T\nsite S {\n  frontend pool fe {\n    fqdn "${'x.'.repeat(n >> 1)}com"\n    server a 10.0.1.11\n    hosts cms\n  }\n}\n`;
            case 'number':
                return `topology T\nsite S {\n  mediation pool m {\n    server a 10.0.1.11\n    port sip-tls ${digits}\n    media audio ${digits}-${digits}1\n  }\n  loadbalancer lb for m { vip 10.0.1.100 ports ${digits}, 1 }\n}\n`;
            case 'address':
                return `topology T\nsite S {\n  subnet s ${'1.'.repeat(n >> 2)}1/${digits}\n  gateway g 10.${digits}.0.1\n}\n`;
            case 'comment':
                return `// ${name}\ntopology T /* ${name}\n ${name} */ site S {}\n`;
            case 'line':
                // A long line of many statements; a long line of one token is `name` and `comment`.
                return `topology T ${Array.from({ length: Math.min(n >> 4, 600) }, (_, i) => `site s${i} {}`).join(' ')} // ${name}\n`;
            case 'ports':
                return `topology T\nsite S {\n  frontend pool fe { server a 10.0.1.11 hosts cms loadbalancing dns }\n  loadbalancer lb for fe { vip 10.0.1.100 ports ${Array.from({ length: n >> 3 }, (_, i) => i % 65536).join(', ')} }\n}\n`;
            default:
                return `topology T\nsite S {\n  frontend pool fe {\n    server a 10.0.1.11\n${'    hosts cms\n'.repeat(n >> 5)}  }\n}\n`;
        }
    });

/**
 * Deeply nested or unbalanced braces, alone or inside a topology. Up to 500 levels: each
 * level is a syntax error, and Chevrotain's error recovery costs some 0.3 to 0.7 ms of CPU
 * per error (it builds exceptions with stack traces), so some 1,500 errors and more take
 * longer than the 1 s budget. That is the parser library's cost, linear in the errors.
 */
export const deepNesting: fc.Arbitrary<string> = fc
    .tuple(fc.integer({ min: 1, max: 500 }), fc.constantFrom('braces', 'open', 'close', 'sites', 'pools', 'comments'), fc.constantFrom(...SEEDS), fraction)
    .map(([depth, shape, seed, f]) => {
        const nest = (() => {
            switch (shape) {
                case 'braces':
                    return '{'.repeat(depth) + '}'.repeat(depth);
                case 'open':
                    return '{\n'.repeat(depth);
                case 'close':
                    return '}'.repeat(depth);
                case 'sites':
                    return 'site s {\n'.repeat(depth) + '}\n'.repeat(depth);
                case 'pools':
                    return 'frontend pool p {\n'.repeat(depth) + '}'.repeat(depth);
                default:
                    return '/*'.repeat(depth) + '*/'.repeat(depth);
            }
        })();
        const i = Math.floor(f * (seed.length + 1));
        return seed.slice(0, i) + nest + seed.slice(i);
    });

/** Every kind of input, the cheap ones more often. */
export const fuzzInput: fc.Arbitrary<string> = fc.oneof(
    { weight: 3, arbitrary: tokenSoup },
    { weight: 5, arbitrary: mutatedTopology },
    { weight: 2, arbitrary: truncatedTopology },
    { weight: 3, arbitrary: unicodeNoise },
    { weight: 1, arbitrary: longParts },
    { weight: 1, arbitrary: deepNesting },
);

/** Where to hover, complete and format: fractions of the text, plus a few positions off its end. */
export const probes: fc.Arbitrary<number[]> = fc.array(fraction, { minLength: 1, maxLength: 4 });
