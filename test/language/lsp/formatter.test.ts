import { readdirSync, readFileSync } from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { expectFormatting, parseHelper } from 'langium/test';
import { describe, expect, it } from 'vitest';
import type { FormattingOptions, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';

const services = createSfbtopoServices(EmptyFileSystem).sfbtopo;
const formatting = expectFormatting(services);
const parse = parseHelper(services);

const examplesDir = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(examplesDir).filter((name) => name.endsWith('.sfbtopo'));

/** Formats `text` (or only `range` of it) and returns the result. */
async function format(text: string, range?: Range, options: FormattingOptions = { insertSpaces: true, tabSize: 4 }): Promise<string> {
    const document = await parse(text);
    const formatter = services.lsp.Formatter!;
    const textDocument = { uri: document.uri.toString() };
    const edits = await (range
        ? formatter.formatDocumentRange(document, { textDocument, options, range })
        : formatter.formatDocument(document, { textDocument, options }));
    return TextDocument.applyEdits(document.textDocument, edits);
}

const lines = (...text: string[]): string => text.map((line) => `${line}\n`).join('');

// Everything crammed together, random indentation, tabs, runs of spaces and of blank lines.
const messy =
    '\n\n   topology   Contoso   \n\n\n\n' +
    '  site Redmond{subnet servers   10.0.0.0/16\tsubnet clients 10.20.0.0/16' +
    '\n\n\n\n\t\tfrontend   pool fe01{ fqdn "fepool01.contoso.com" edition\tenterprise server fe01a 10.0.1.11 ' +
    'server fe01b 10.0.1.12 colocate mediation hosts cms loadbalancing dns\n\n\n}' +
    'edge pool edge01 {server edge01a   internal 10.0.9.10 external    203.0.113.10\n' +
    '\t\t\t\tmedia audio 50000 - 50999 port sip-tls\t 5100}\n' +
    'fileshare fs01{fqdn "fs01.contoso.com"\n\n\n\n\n   server fs01a 10.0.7.11}' +
    '   gateway pstn1 10.0.3.200  reverseproxy rp01    10.1.0.5\n\n\n' +
    'loadbalancer lbfe for fe01{vip 10.0.1.100 ports 443 ,4443,80}loadbalancer lbedge for edge01 {\n\n  vip 10.0.9.100\n\n}' +
    'clients{subnet clients media audio 50020-50039\n\n\n        media video 50040 -50059}}site Lisbon{}   \n\n\n';

const canonical = lines(
    'topology Contoso',
    '',
    'site Redmond {',
    '  subnet servers 10.0.0.0/16',
    '  subnet clients 10.20.0.0/16',
    '',
    '  frontend pool fe01 {',
    '    fqdn "fepool01.contoso.com"',
    '    edition enterprise',
    '    server fe01a 10.0.1.11',
    '    server fe01b 10.0.1.12',
    '    colocate mediation',
    '    hosts cms',
    '    loadbalancing dns',
    '  }',
    '  edge pool edge01 {',
    '    server edge01a internal 10.0.9.10 external 203.0.113.10',
    '    media audio 50000-50999',
    '    port sip-tls 5100',
    '  }',
    '  fileshare fs01 {',
    '    fqdn "fs01.contoso.com"',
    '',
    '    server fs01a 10.0.7.11',
    '  }',
    '  gateway pstn1 10.0.3.200',
    '  reverseproxy rp01 10.1.0.5',
    '',
    '  loadbalancer lbfe for fe01 { vip 10.0.1.100 ports 443, 4443, 80 }',
    '  loadbalancer lbedge for edge01 { vip 10.0.9.100 }',
    '  clients {',
    '    subnet clients',
    '    media audio 50020-50039',
    '',
    '    media video 50040-50059',
    '  }',
    '}',
    'site Lisbon {',
    '}',
);

describe('formatter', () => {
    it('formats a messy file to the canonical layout', async () => {
        await formatting({ before: messy, after: canonical, disposeAfterCheck: true });
    });

    it('is idempotent', async () => {
        const once = await format(messy);
        expect(await format(once)).toBe(once);
    });

    it.each(examples)('leaves examples/%s unchanged', async (name) => {
        const text = readFileSync(new URL(name, examplesDir), 'utf8');
        await formatting({ before: text, after: text, disposeAfterCheck: true });
    });

    it('indents two spaces per level whatever the editor asks for', async () => {
        expect(await format(messy, undefined, { insertSpaces: false, tabSize: 8 })).toBe(canonical);
    });

    it('keeps the line breaks of a CRLF file', async () => {
        const crlf = (text: string) => text.replace(/\n/g, '\r\n');
        expect(await format(crlf(messy))).toBe(crlf(canonical));
    });

    it('keeps comments, indented with their block', async () => {
        const before =
            '\n\n// head comment\n\n\n\ntopology   Contoso\n\n\n\n' +
            '\t\tsite Redmond   {\n\n\n' +
            '        // subnets\n' +
            '\t  subnet servers 10.0.0.0/16     // the server VLAN\n' +
            'frontend pool fe01   {\n\n' +
            '// the pool\'s name\n' +
            '    fqdn   "fepool01.contoso.com"\n' +
            '\t\t\t/* a block\n' +
            '\t\t\t   comment */\n' +
            '       server fe01a 10.0.1.11\n' +
            '               // last in the pool\n\n\n' +
            '  }\n' +
            '\t// between\n\n\n\n' +
            '      // pools\n' +
            '    director pool dir01 {   // after the brace\n' +
            '   server dir01a 10.0.2.11\n' +
            '}\n' +
            'loadbalancer lb for dir01 { // so the body is a block\n' +
            'vip 10.0.2.100 }\n' +
            '}\n';
        const after = lines(
            '// head comment',
            '',
            'topology Contoso',
            '',
            'site Redmond {',
            '  // subnets',
            '  subnet servers 10.0.0.0/16 // the server VLAN',
            '  frontend pool fe01 {',
            '    // the pool\'s name',
            '    fqdn "fepool01.contoso.com"',
            '    /* a block',
            '       comment */',
            '    server fe01a 10.0.1.11',
            '    // last in the pool',
            '  }',
            '  // between',
            '',
            '  // pools',
            '  director pool dir01 { // after the brace',
            '    server dir01a 10.0.2.11',
            '  }',
            '  loadbalancer lb for dir01 { // so the body is a block',
            '    vip 10.0.2.100',
            '  }',
            '}',
        );
        await formatting({ before, after, disposeAfterCheck: true });
        expect(await format(after)).toBe(after);
    });

    it('formats only the given range: one pool of a messy file', async () => {
        const before = lines(
            'topology   Contoso',
            'site Redmond {',
            '      frontend pool fe01 {',
            '  fqdn    "fepool01.contoso.com"',
            '        server fe01a    10.0.1.11',
            '}',
            '        director pool dir01 {',
            '\t\tfqdn   "dirpool01.contoso.com"',
            '',
            '',
            '',
            '            server dir01a\t10.0.2.11   server dir01b 10.0.2.12',
            '      }',
            '    gateway   pstn1 10.0.3.200',
            '}',
        );
        const after = lines(
            'topology   Contoso',
            'site Redmond {',
            '      frontend pool fe01 {',
            '  fqdn    "fepool01.contoso.com"',
            '        server fe01a    10.0.1.11',
            '}',
            '  director pool dir01 {',
            '    fqdn "dirpool01.contoso.com"',
            '',
            '    server dir01a 10.0.2.11',
            '    server dir01b 10.0.2.12',
            '  }',
            '    gateway   pstn1 10.0.3.200',
            '}',
        );
        // Lines 7 to 13 (1-based): the director pool, from its header to its `}`.
        const range: Range = { start: { line: 6, character: 0 }, end: { line: 12, character: 7 } };
        await formatting({ before, after, range, disposeAfterCheck: true });
    });

    it('does not throw on a file with a syntax error, and leaves it alone', async () => {
        const broken = 'topology   Contoso\nsite Redmond {\n   frontend pool fe01 {\n  server\n}\n  subnet }}} 10.0.0.0/16\n';
        await expect(format(broken)).resolves.toBe(broken);
        const range: Range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
        await expect(format(broken, range)).resolves.toBe(broken);
        await expect(format('site {{ }')).resolves.toBe('site {{ }');
        await expect(format('')).resolves.toBe('');
    });
});
