import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem, TextDocument, type LangiumDocument } from 'langium';
import { expectFindReferences, expectFoldings, expectGoToDefinition, expectHighlight, expectSymbols, parseHelper } from 'langium/test';
import { afterEach, describe, expect, it } from 'vitest';
import { CompletionItemKind, ErrorCodes, FoldingRangeKind, SymbolKind, type DocumentSymbol, type WorkspaceEdit } from 'vscode-languageserver';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';
import { diagnose, repoRoot } from '../../helpers.js';

const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);
const parse = parseHelper(sfbtopo);

// Two sites; the gateway, the subnet and the pool are each referenced from the other site.
const topology = `topology Contoso
site Redmond {
  subnet servers 10.0.0.0/16
  subnet users 10.20.0.0/16
  gateway pstn1 10.0.3.200

  frontend pool fe01 {
    fqdn "fe01.contoso.example"
    server fe01a 10.0.1.11
    server fe01b 10.0.1.12
    server fe01c 10.0.1.13
    loadbalancing dns
  }

  mediation pool med01 {
    server med01a 10.0.3.11
    gateway pstn1
  }
}
/* Tokyo serves the
   Asian offices and
   links back to Redmond. */
site Tokyo {
  mediation pool med02 {
    server med02a 10.1.3.11
    gateway pstn1
  }
  edge pool edge01 { server edge01a internal 10.1.9.10 external 203.0.113.10 }
  fileshare fs01 { server fs01a 10.1.7.11 }
  reverseproxy rp01 10.1.0.5
  loadbalancer lbfe for fe01 { vip 10.0.1.100 }
  clients { subnet users }
}
`;

/** Marks the `n`-th occurrence (0-based) of `word` in `text` with a cursor `<|>` or a range `<|word|>`. */
function mark(text: string, word: string, n: number, how: 'cursor' | 'range' | 'both'): string {
    let at = -1;
    for (let i = 0; i <= n; i++) {
        at = text.indexOf(word, at + 1);
        if (at < 0) throw new Error(`no occurrence ${n} of ${word}`);
    }
    const marked = how === 'cursor' ? `<|>${word}` : how === 'range' ? `<|${word}|>` : `<|<|>${word}|>`;
    return text.slice(0, at) + marked + text.slice(at + word.length);
}

const documents: LangiumDocument[] = [];
afterEach(async () => {
    await sfbtopo.shared.workspace.DocumentBuilder.update([], documents.splice(0).map((d) => d.uri));
});

async function open(text: string): Promise<LangiumDocument> {
    const document = await parse(text);
    documents.push(document);
    return document;
}

function positionOf(document: LangiumDocument, word: string, n = 0, shift = 0) {
    const text = document.textDocument.getText();
    let at = -1;
    for (let i = 0; i <= n; i++) at = text.indexOf(word, at + 1);
    expect(at, `occurrence ${n} of ${word}`).toBeGreaterThanOrEqual(0);
    return document.textDocument.positionAt(at + shift);
}

async function rename(document: LangiumDocument, word: string, n: number, newName: string): Promise<WorkspaceEdit | undefined> {
    return sfbtopo.lsp.RenameProvider!.rename(document, {
        textDocument: { uri: document.uri.toString() },
        position: positionOf(document, word, n, 1),
        newName,
    });
}

function applied(document: LangiumDocument, edit: WorkspaceEdit | undefined): string {
    expect(edit?.changes).toBeDefined();
    expect(Object.keys(edit!.changes!)).toEqual([document.uri.toString()]);
    const edits = edit!.changes![document.uri.toString()];
    return TextDocument.applyEdits(TextDocument.create('file:///x.sfbtopo', 'sfbtopo', 1, document.textDocument.getText()), edits);
}

describe('go to definition', () => {
    it('leads from `for fe01` to the pool name', async () => {
        const text = mark(mark(topology, 'fe01', 5, 'cursor'), 'fe01', 0, 'range');
        expect(text).toContain('for <|>fe01');
        await expectGoToDefinition(sfbtopo)({ text, index: 0, rangeIndex: 0, disposeAfterCheck: true });
    });

    it('leads from a pool `gateway` link in another site to the gateway, and from `subnet users` to the subnet', async () => {
        let text = mark(mark(topology, 'pstn1', 2, 'cursor'), 'pstn1', 0, 'range');
        await expectGoToDefinition(sfbtopo)({ text, index: 0, rangeIndex: 0, disposeAfterCheck: true });
        text = mark(mark(topology, 'users', 1, 'cursor'), 'users', 0, 'range');
        await expectGoToDefinition(sfbtopo)({ text, index: 0, rangeIndex: 0, disposeAfterCheck: true });
    });
});

describe('find references', () => {
    const allPstn1 = mark(mark(mark(topology, 'pstn1', 2, 'range'), 'pstn1', 1, 'range'), 'pstn1', 0, 'range');

    it('of a gateway include the declaration and every `gateway` link, in both sites', async () => {
        await expectFindReferences(sfbtopo)({ text: allPstn1.replace('<|pstn1|> 10.0.3.200', '<|<|>pstn1|> 10.0.3.200'), includeDeclaration: true, disposeAfterCheck: true });
        // The same set, asked from a link.
        await expectFindReferences(sfbtopo)({ text: allPstn1.replace('<|pstn1|>\n  }\n  edge', '<|<|>pstn1|>\n  }\n  edge'), includeDeclaration: true, disposeAfterCheck: true });
    });

    it('without the declaration are only the links', async () => {
        const text = mark(mark(topology, 'pstn1', 2, 'range'), 'pstn1', 1, 'range').replace('gateway pstn1 10.0.3.200', 'gateway <|>pstn1 10.0.3.200');
        await expectFindReferences(sfbtopo)({ text, includeDeclaration: false, disposeAfterCheck: true });
    });
});

describe('document highlight', () => {
    it('marks a pool declaration and its reference', async () => {
        const text = mark(mark(topology, 'fe01', 5, 'range'), 'fe01', 0, 'both');
        await expectHighlight(sfbtopo)({ text, index: 0, rangeIndex: [0, 1], disposeAfterCheck: true });
    });

    it('marks a gateway declaration and all its links, asked from a link', async () => {
        const text = mark(mark(mark(topology, 'pstn1', 2, 'range'), 'pstn1', 1, 'both'), 'pstn1', 0, 'range');
        await expectHighlight(sfbtopo)({ text, index: 0, rangeIndex: [0, 1, 2], disposeAfterCheck: true });
    });
});

const kindNames: Record<number, string> = Object.fromEntries(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

/** `name [Kind] detail` for each symbol, children indented. */
function outline(symbols: DocumentSymbol[] | undefined, depth = 0): string[] {
    return (symbols ?? []).flatMap((s) => [
        `${'  '.repeat(depth)}${s.name} [${kindNames[s.kind]}]${s.detail ? ` ${s.detail}` : ''}`,
        ...outline(s.children, depth + 1),
    ]);
}

describe('outline', () => {
    it('nests topology › site › pools and site-level declarations › servers, with details', async () => {
        await expectSymbols(sfbtopo)({
            text: topology,
            disposeAfterCheck: true,
            assert: (symbols) => {
                expect(outline(symbols)).toEqual([
                    'Contoso [Package]',
                    '  Redmond [Namespace]',
                    '    servers [Enum] 10.0.0.0/16',
                    '    users [Enum] 10.20.0.0/16',
                    '    pstn1 [Interface] 10.0.3.200',
                    '    fe01 [Class] frontend · 3 servers',
                    '      fe01a [Variable] 10.0.1.11',
                    '      fe01b [Variable] 10.0.1.12',
                    '      fe01c [Variable] 10.0.1.13',
                    '    med01 [Class] mediation · 1 server',
                    '      med01a [Variable] 10.0.3.11',
                    '  Tokyo [Namespace]',
                    '    med02 [Class] mediation · 1 server',
                    '      med02a [Variable] 10.1.3.11',
                    '    edge01 [Class] edge · 1 server',
                    '      edge01a [Variable] internal 10.1.9.10 · external 203.0.113.10',
                    // One external address: the three Edge services listen on it.
                    '        Access Edge [Property] 203.0.113.10',
                    '        Web Conferencing Edge [Property] 203.0.113.10',
                    '        A/V Edge [Property] 203.0.113.10',
                    '    fs01 [Struct] 1 server',
                    '      fs01a [Variable] 10.1.7.11',
                    '    rp01 [Interface] 10.1.0.5',
                    '    lbfe [Function] for fe01 · VIP 10.0.1.100',
                ]);
                // The whole declaration is the symbol's range; its name is the selection.
                const fe01 = symbols[0].children![0].children![3];
                expect(fe01.name).toBe('fe01');
                expect(fe01.range.start).toEqual({ line: 6, character: 2 });
                expect(fe01.range.end).toEqual({ line: 12, character: 3 });
                expect(fe01.selectionRange).toEqual({ start: { line: 6, character: 16 }, end: { line: 6, character: 20 } });
            },
        });
    });

    it('gives the same kinds to workspace symbols and completion items', () => {
        const kinds = sfbtopo.shared.lsp.NodeKindProvider;
        const description = { type: 'Gateway', name: 'g', documentUri: undefined as never, path: '' };
        expect(kinds.getSymbolKind(description)).toBe(SymbolKind.Interface);
        expect(kinds.getCompletionItemKind({ ...description, type: 'Pool' })).toBe(CompletionItemKind.Class);
    });

    it('writes details in Japanese when the client is Japanese', async () => {
        sfbtopo.l10n.Locale.current = 'ja';
        try {
            await expectSymbols(sfbtopo)({
                text: topology,
                disposeAfterCheck: true,
                assert: (symbols) => {
                    const redmond = symbols[0].children![0];
                    expect(redmond.children![3].detail).toBe('frontend · サーバー 3 台');
                    expect(symbols[0].children![1].children!.at(-1)!.detail).toBe('fe01 用 · VIP 10.0.1.100');
                },
            });
        } finally {
            sfbtopo.l10n.Locale.current = 'en';
        }
    });
});

describe('folding', () => {
    it('folds every `{ … }` block of three lines or more, keeping the closing brace visible, and multi-line comments', async () => {
        await expectFoldings(sfbtopo)({
            text: topology,
            disposeAfterCheck: true,
            assert: (foldings) => {
                expect(foldings.map((f) => [f.startLine, f.endLine, f.kind])).toEqual([
                    [1, 17, undefined], // site Redmond
                    [6, 11, undefined], // frontend pool fe01
                    [14, 16, undefined], // mediation pool med01
                    [19, 20, FoldingRangeKind.Comment], // the comment, its last line left visible
                    [22, 31, undefined], // site Tokyo
                    [23, 25, undefined], // mediation pool med02
                ]);
            },
        });
    });
});

describe('rename', () => {
    it('renames a pool from its declaration, with the `for` reference in the other site', async () => {
        const document = await open(topology);
        const text = applied(document, await rename(document, 'fe01 {', 0, 'fe-pool01'));
        expect(text).toBe(topology.replace('pool fe01 {', 'pool fe-pool01 {').replace('for fe01', 'for fe-pool01'));
        // Server names that merely start with the old name are left alone.
        expect(text).toContain('server fe01a 10.0.1.11');
    });

    it('renames a gateway from a link in another site, with the declaration and every link', async () => {
        const document = await open(topology);
        const text = applied(document, await rename(document, 'pstn1', 2, 'sbc01'));
        expect(text).toBe(topology.replaceAll('pstn1', 'sbc01'));
        expect((await diagnose(text)).filter((d) => d.code === 'linking-error' || d.code === 'duplicate-name')).toEqual([]);
    });

    it('renames a subnet from `clients { subnet … }`', async () => {
        const document = await open(topology);
        const text = applied(document, await rename(document, 'users', 1, 'tokyo-users'));
        expect(text).toBe(topology.replace('subnet users 10.20', 'subnet tokyo-users 10.20').replace('subnet users }', 'subnet tokyo-users }'));
    });

    it('renames a declaration without references, and allows changing only the letter case of the name itself', async () => {
        const document = await open(topology);
        expect(applied(document, await rename(document, 'fe01b', 0, 'fe01x'))).toBe(topology.replace('fe01b', 'fe01x'));
        expect(applied(document, await rename(document, 'fe01 {', 0, 'FE01'))).toBe(topology.replace('pool fe01', 'pool FE01').replace('for fe01', 'for FE01'));
    });

    it('accepts a keyword as the new name, as the grammar does', async () => {
        const document = await open(topology);
        const text = applied(document, await rename(document, 'users', 0, 'clients'));
        expect(text).toContain('clients { subnet clients }');
        const reparsed = await open(text);
        expect(reparsed.parseResult.parserErrors).toEqual([]);
        expect((await diagnose(text)).filter((d) => d.code === 'linking-error' || d.code === 'duplicate-name')).toEqual([]);
    });

    it('is refused when the new name is already used by a declaration of the same kind', async () => {
        const document = await open(topology);
        await expect(rename(document, 'med02', 0, 'med01')).rejects.toMatchObject({
            code: ErrorCodes.InvalidParams,
            message: "Cannot rename 'med02' to 'med01': the mediation pool 'med01' at line 15 already has that name. Every site, pool, server, subnet, gateway, reverse proxy, load balancer and file share needs its own name, whatever the letter case.",
        });
    });

    it('is refused when the new name differs from another name only in letter case', async () => {
        const document = await open(topology);
        await expect(rename(document, 'med02', 0, 'FE01')).rejects.toMatchObject({
            code: ErrorCodes.InvalidParams,
            message: expect.stringContaining("the frontend pool 'fe01' at line 7 already has that name (differing only in letter case)"),
        });
    });

    it('is refused when the new name is used by a declaration of another kind, also from a reference', async () => {
        const document = await open(topology);
        // A pool renamed to a gateway's name, from the `for` reference.
        await expect(rename(document, 'fe01', 5, 'pstn1')).rejects.toMatchObject({ message: expect.stringContaining("the gateway 'pstn1' at line 5 already has that name") });
        // A gateway renamed to a server's name, from a link.
        await expect(rename(document, 'pstn1', 1, 'Med02A')).rejects.toMatchObject({ message: expect.stringContaining("the server 'med02a' at line 25 already has that name") });
        // A subnet renamed to a site's name.
        await expect(rename(document, 'users', 1, 'tokyo')).rejects.toMatchObject({ message: expect.stringContaining("the site 'Tokyo' at line 23 already has that name (differing only in letter case)") });
    });

    it('is refused for a name the grammar does not accept', async () => {
        const document = await open(topology);
        for (const bad of ['1fe', 'fe 01', 'fe.01', '', '-fe', 'fé01']) {
            await expect(rename(document, 'fe01 {', 0, bad), bad).rejects.toMatchObject({
                code: ErrorCodes.InvalidParams,
                message: `Cannot rename 'fe01' to '${bad}': a name starts with a letter and continues with letters, digits, '-' or '_'.`,
            });
        }
    });

    it('explains a refusal in Japanese when the client is Japanese', async () => {
        const document = await open(topology);
        sfbtopo.l10n.Locale.current = 'ja';
        try {
            await expect(rename(document, 'med02', 0, 'FE01')).rejects.toMatchObject({
                message: expect.stringContaining("7 行目のfrontend プール 'fe01' が既にその名前を使っています (大文字と小文字の違いだけです)"),
            });
            await expect(rename(document, 'med02', 0, '2x')).rejects.toMatchObject({ message: expect.stringContaining('名前は英字で始め') });
        } finally {
            sfbtopo.l10n.Locale.current = 'en';
        }
    });

    it('does nothing on a keyword', async () => {
        const document = await open(topology);
        expect(await rename(document, 'pool', 0, 'x')).toBeUndefined();
    });
});

describe('prepare rename', () => {
    async function prepare(document: LangiumDocument, word: string, n: number, shift = 1) {
        return sfbtopo.lsp.RenameProvider!.prepareRename(document, { textDocument: { uri: document.uri.toString() }, position: positionOf(document, word, n, shift) });
    }
    const nameRange = (document: LangiumDocument, word: string, n: number) => ({ start: positionOf(document, word, n), end: positionOf(document, word, n, word.length) });

    it('gives the name range at a declaration, at a reference, and with the cursor right after the name', async () => {
        const document = await open(topology);
        expect(await prepare(document, 'fe01', 0)).toEqual(nameRange(document, 'fe01', 0));
        expect(await prepare(document, 'fe01', 5)).toEqual(nameRange(document, 'fe01', 5));
        expect(await prepare(document, 'fe01', 5, 4)).toEqual(nameRange(document, 'fe01', 5));
        expect(await prepare(document, 'pstn1', 2)).toEqual(nameRange(document, 'pstn1', 2));
        expect(await prepare(document, 'fe01b', 0)).toEqual(nameRange(document, 'fe01b', 0));
    });

    it('gives nothing on keywords, roles, addresses, numbers and strings', async () => {
        const document = await open(topology.replace('loadbalancing dns', 'loadbalancing dns\n    media audio 50000-50019'));
        for (const [word, n] of [['pool', 0], ['frontend', 0], ['gateway', 1], ['10.0.1.11', 0], ['50000', 0], ['fe01.contoso', 0], ['dns', 0], ['site', 0]] as const) {
            expect(await prepare(document, word, n), word).toBeUndefined();
        }
    });
});

describe('the outline of the perimeter', () => {
    it('shows each Edge server\'s services with their addresses, the NAT, the reverse proxy\'s listener and the VIP sides', async () => {
        const text = readFileSync(join(repoRoot, 'examples/perimeter.sfbtopo'), 'utf8');
        await expectSymbols(sfbtopo)({
            text,
            disposeAfterCheck: true,
            assert: (symbols) => {
                const lines = outline(symbols);
                const from = (name: string, count: number) => lines.slice(lines.findIndex((line) => line.trim().startsWith(`${name} [`))).slice(0, count);
                expect(from('ams-edge1a', 5)).toEqual([
                    '      ams-edge1a [Variable] internal 10.30.9.11',
                    '        Access Edge [Property] 203.0.113.21',
                    '        Web Conferencing Edge [Property] 203.0.113.22',
                    '        A/V Edge [Property] 172.16.100.23',
                    '        NAT [Property] 198.51.100.23 → 172.16.100.23',
                ]);
                expect(lines).toContain('    ams-rp [Interface] 10.30.8.10 · external 203.0.113.80');
                expect(lines).toContain('    utr-edge-lb [Function] for utr-edge · VIP internal 10.50.9.100 · VIP access 192.0.2.100 · VIP webconf 192.0.2.101 · VIP av 192.0.2.102');
                // The service is the symbol's name and its selection; the address is its detail.
                const server = symbols[0].children![0].children!.find((s) => s.name === 'ams-edge1')!.children!.find((s) => s.name === 'ams-edge1a')!;
                const av = server.children![2];
                expect(text.split('\n')[av.range.start.line].slice(av.selectionRange.start.character, av.selectionRange.end.character)).toBe('av 172.16.100.23');
            },
        });
    });

    it('names the Edge services in Japanese when the client is Japanese', async () => {
        sfbtopo.l10n.Locale.current = 'ja';
        try {
            const text = 'topology T\nsite S {\n  edge pool e { server e1 internal 10.0.9.1 access 203.0.113.1 webconf 203.0.113.2 av 203.0.113.3 }\n}\n';
            await expectSymbols(sfbtopo)({
                text,
                disposeAfterCheck: true,
                assert: (symbols) => {
                    expect(outline(symbols).slice(-3)).toEqual(['        アクセス エッジ [Property] 203.0.113.1', '        Web 会議エッジ [Property] 203.0.113.2', '        A/V エッジ [Property] 203.0.113.3']);
                },
            });
        } finally {
            sfbtopo.l10n.Locale.current = 'en';
        }
    });
});

describe('the outline of an unfinished topology', () => {
    it('lists the pool and the load balancer while `for` has no pool yet', async () => {
        const { EmptyFileSystem } = await import('langium');
        const { createSfbtopoServices } = await import('../../../server/src/language/sfbtopo-module.js');
        const { checkTopologies } = await import('../../../server/src/workspace/topology-documents.js');
        const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);
        const text = 'topology T\nsite S {\n  frontend pool fe01 { server fe01a 10.0.1.11 }\n  loadbalancer lb3 for \n}\n';
        const [checked] = await checkTopologies([{ path: '/virtual/unfinished.sfbtopo', text }], sfbtopo);
        const symbols = await sfbtopo.lsp.DocumentSymbolProvider!.getSymbols(checked.document, { textDocument: { uri: checked.document.uri.toString() } });
        const names = JSON.stringify(symbols);
        expect(names).toContain('"fe01"');
        expect(names).toContain('"lb3"');
    });
});
