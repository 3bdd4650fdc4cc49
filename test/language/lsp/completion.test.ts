import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import type { CompletionItem } from 'vscode-languageserver';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';
import { checkTopologies } from '../../../server/src/workspace/topology-documents.js';

const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);
let n = 0;

/** Completion items at the `<|>` marker (the marker is removed before parsing). */
async function completeAt(marked: string): Promise<CompletionItem[]> {
    const offset = marked.indexOf('<|>');
    const text = marked.replace('<|>', '');
    const [{ document }] = await checkTopologies([{ path: `/virtual/complete-${n++}.sfbtopo`, text }], sfbtopo);
    const list = await sfbtopo.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position: document.textDocument.positionAt(offset),
    });
    return list?.items ?? [];
}

const labels = async (marked: string) => (await completeAt(marked)).map((item) => item.label);
const topology = (body: string) => `topology T\nsite S {\n${body}\n}\n`;
const fe = (extra = '') => `  frontend pool fe01 {\n    server fe01a 10.0.1.11\n    server fe01b 10.0.1.12\n${extra}  }\n`;

describe('completion', () => {
    it('lists the declared pools after `for`, and nothing else', async () => {
        const found = await labels(topology(`${fe('    loadbalancing dns\n')}  director pool dir01 { server d 10.0.2.1 }\n  gateway gw 10.0.3.1\n  loadbalancer lb for <|>`));
        expect(found.sort()).toEqual(['dir01', 'fe01']);
    });

    it('lists gateways after a pool\'s `gateway` and subnets after `subnet` in clients', async () => {
        expect(await labels(topology('  gateway pstn1 10.0.3.1\n  mediation pool m { server m1 10.0.3.2 gateway <|> }'))).toEqual(['pstn1']);
        expect(await labels(topology('  subnet users 10.20.0.0/16\n  clients { subnet <|> }'))).toEqual(['users']);
    });

    it('offers the roles, the other site members and a snippet per role at a pool position', async () => {
        const items = await completeAt(topology('  <|>'));
        const names = items.map((item) => item.label);
        for (const word of ['frontend', 'director', 'mediation', 'persistentchat', 'officewebapps', 'edge', 'exchangeum', 'subnet', 'fileshare', 'gateway', 'reverseproxy', 'loadbalancer', 'clients']) {
            expect(names, word).toContain(word);
        }
        const snippet = items.find((item) => item.label === 'frontend pool')!;
        expect(snippet.insertTextFormat).toBe(2);
        expect(snippet.insertText).toContain('loadbalancing ${6|dns,hardware|}');
        expect(items.filter((item) => item.kind === 15).map((item) => item.label).sort()).toEqual(
            ['director pool', 'edge pool', 'exchangeum pool', 'frontend pool', 'mediation pool', 'officewebapps pool', 'persistentchat pool'],
        );
    });

    it('offers the statements of a pool inside it', async () => {
        const found = await labels(topology('  frontend pool p {\n    <|>\n  }'));
        expect(found).toEqual(expect.arrayContaining(['fqdn', 'edition', 'server', 'colocate', 'hosts', 'loadbalancing', 'gateway', 'media', 'port']));
    });

    it('offers `external` and `access` on the server\'s own line, not on the next one', async () => {
        const pool = (line: string) => topology(`  edge pool e {\n    server e1 internal 10.0.9.10${line}\n  }`);
        expect(await labels(pool(' <|>'))).toEqual(expect.arrayContaining(['external', 'access']));
        const below = await labels(pool('\n    <|>'));
        expect(below).not.toContain('access');
        expect(below).not.toContain('external');
        expect(below).toEqual(expect.arrayContaining(['fqdn', 'server', 'loadbalancing']));
        // Behind a comment too, and while typing the keyword.
        expect(await labels(pool(' // first leg\n    <|>'))).not.toContain('external');
        expect(await labels(pool('\n    ext<|>'))).not.toContain('external');
        // What an unfinished statement still needs is offered on the next line.
        expect((await labels(topology('  frontend pool p {\n    loadbalancing\n    <|>\n  }'))).sort()).toEqual(['dns', 'hardware']);
    });

    it('offers the media kinds after `media` and the modes after `loadbalancing`', async () => {
        expect((await labels(topology('  clients { media <|> }'))).sort()).toEqual(['appsharing', 'audio', 'filetransfer', 'video']);
        expect((await labels(topology('  frontend pool p { loadbalancing <|> }'))).sort()).toEqual(['dns', 'hardware']);
    });

    it('proposes nothing where a new name is expected', async () => {
        expect(await labels(topology('  frontend pool <|>'))).toEqual([]);
        expect(await labels(topology('  frontend pool p { server <|> }'))).toEqual([]);
    });

    it('offers the service keys of the pool\'s role after `port`, documented', async () => {
        const items = await completeAt(topology('  mediation pool m {\n    server m1 10.0.3.2\n    port <|>\n  }'));
        expect(items.map((item) => item.label).sort()).toEqual(['mediation', 'mediation-gateway-tcp', 'mediation-gateway-tls', 'sql-browser']);
        const sip = (await completeAt(topology(fe('    colocate mediation\n    port <|>\n')))).find((item) => item.label === 'sip-tls')!;
        expect(sip.detail).toBe('Front-End service · 5061 TCP');
        expect(JSON.stringify(sip.documentation)).toContain('Front End');
    });

    it('offers the catalogue ports a load balancer still lacks after `ports`', async () => {
        const body = `${fe('    loadbalancing dns\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 ports 443, <|> }`;
        const items = await completeAt(topology(body));
        expect(items.map((item) => item.label)).toEqual(['80', '8080', '4443']);
        expect(items[0].detail).toContain('HTTP');
    });
});

describe('completion of the perimeter', () => {
    const edge = (body: string, options = '') => topology(`  director pool dir01 { server d1 10.0.2.1 }\n  frontend pool fe01 { server f1 10.0.1.1 }\n  edge pool e {\n${options}    ${body}\n  }`);
    /** The words among an Edge server's that are offered. */
    const serverWords = async (marked: string) => (await labels(marked)).filter((label) => ['internal', 'external', 'access', 'webconf', 'av', 'nat'].includes(label)).sort();

    it('offers an Edge server\'s addresses in the order of a valid form', async () => {
        expect(await serverWords(edge('server e1 <|>'))).toEqual(['internal']);
        expect(await serverWords(edge('server e1 internal 10.0.9.1 <|>'))).toEqual(['access', 'external']);
        expect(await serverWords(edge('server e1 internal 10.0.9.1 access 203.0.113.1 <|>'))).toEqual(['webconf']);
        expect(await serverWords(edge('server e1 internal 10.0.9.1 access 203.0.113.1 webconf 203.0.113.2 <|>'))).toEqual(['av']);
        expect(await serverWords(edge('server e1 internal 10.0.9.1 access 203.0.113.1 webconf 203.0.113.2 av 203.0.113.3 <|>'))).toEqual(['nat']);
        // With one external address the A/V Edge listens on it, so it may be translated too.
        expect(await serverWords(edge('server e1 internal 10.0.9.1 external 203.0.113.1 <|>'))).toEqual(['nat']);
        expect(await serverWords(edge('server e1 internal 10.0.9.1 external 203.0.113.1 nat 198.51.100.1 <|>'))).toEqual([]);
        // Never on the next line: that starts a new statement.
        expect(await serverWords(edge('server e1 internal 10.0.9.1 access 203.0.113.1 webconf 203.0.113.2 av 203.0.113.3\n    <|>'))).toEqual([]);
        expect(await serverWords(edge('server e1 internal 10.0.9.1 access 203.0.113.1\n    <|>'))).toEqual([]);
        // While the keyword is being typed, too.
        expect(await serverWords(edge('server e1 internal 10.0.9.1 access 203.0.113.1 we<|>'))).toEqual(['webconf']);
    });

    it('offers no Edge words on other servers, and none after a server named like one', async () => {
        expect(await serverWords(topology('  frontend pool p {\n    server p1 <|>\n  }'))).toEqual([]);
        expect(await serverWords(topology('  frontend pool p {\n    server p1 10.0.1.1 <|>\n  }'))).toEqual([]);
        expect(await serverWords(edge('server av <|>'))).toEqual(['internal']);
    });

    it('offers `nexthop`, `federation` and `xmpp` in Edge pools only, each once', async () => {
        const edgeOnly = ['federation', 'nexthop', 'xmpp'];
        expect((await labels(edge('<|>'))).filter((label) => edgeOnly.includes(label)).sort()).toEqual(edgeOnly);
        expect((await labels(edge('<|>', '    federation\n    nexthop dir01\n'))).filter((label) => edgeOnly.includes(label))).toEqual(['xmpp']);
        const frontEnd = await labels(topology('  frontend pool p {\n    <|>\n  }'));
        expect(frontEnd).toContain('loadbalancing');
        for (const word of edgeOnly) expect(frontEnd).not.toContain(word);
    });

    it('offers the Director and Front End pools after `nexthop`, the site\'s Directors first', async () => {
        const text = `${edge('nexthop <|>')}\nsite Other {\n  director pool dir02 { server d2 10.1.2.1 }\n  mediation pool med { server m 10.1.3.1 }\n}`.replace('}\n\nsite', '}\nsite');
        const items = await completeAt(text);
        const ordered = [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => item.label);
        expect(ordered).toEqual(['dir01', 'fe01', 'dir02']);
        expect(items.find((item) => item.label === 'dir02')!.detail).toBe('director pool · site Other');
    });

    it('offers a reverse proxy\'s `external` listener on its line', async () => {
        expect(await labels(topology('  reverseproxy rp 10.0.8.10 <|>'))).toContain('external');
        expect(await labels(topology('  reverseproxy rp 10.0.8.10\n  <|>'))).not.toContain('external');
    });

    it('offers VIP sides only in an Edge pool\'s load balancer', async () => {
        const sides = async (pool: string) =>
            (await labels(topology(`  director pool dir01 { server d1 10.0.2.1 }\n  edge pool e { server e1 internal 10.0.9.1 external 203.0.113.1 }\n  loadbalancer lb for ${pool} {\n    vip <|>\n  }`))).sort();
        expect(await sides('e')).toEqual(['access', 'av', 'external', 'internal', 'webconf']);
        expect(await sides('dir01')).toEqual([]);
    });

    it('writes a new Edge pool with its next hop as a choice of the pools it may take', async () => {
        const snippet = (await completeAt(topology('  director pool dir01 { server d1 10.0.2.1 }\n  frontend pool fe01 { server f1 10.0.1.1 }\n  <|>'))).find((item) => item.label === 'edge pool')!;
        expect(snippet.insertText).toContain('  nexthop ${3|dir01,fe01|}\n  federation\n');
        expect(snippet.insertText).toContain('internal ${5:10.0.9.10} access ${6:203.0.113.10} webconf ${7:203.0.113.11} av ${8:203.0.113.12}');
        const alone = (await completeAt(topology('  <|>'))).find((item) => item.label === 'edge pool')!;
        expect(alone.insertText).toContain('nexthop ${3:dir01}');
    });
});

describe('with Langium\'s test helpers and cursor markers', () => {
    it('completes the pools after `for` and the modes after `loadbalancing`', async () => {
        const { expectCompletion } = await import('langium/test');
        const text = topology(`${fe('    loadbalancing <|>\n')}  loadbalancer lb for <|>`);
        await expectCompletion(sfbtopo)({ text, index: 0, expectedItems: ['dns', 'hardware'] });
        await expectCompletion(sfbtopo)({ text, index: 1, expectedItems: ['fe01'] });
    });
});
