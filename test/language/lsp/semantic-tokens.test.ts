import { EmptyFileSystem } from 'langium';
import { AllSemanticTokenModifiers } from 'langium/lsp';
import { expectSemanticToken, highlightHelper, type DecodedSemanticTokensWithRanges } from 'langium/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { SemanticTokenTypes } from 'vscode-languageserver';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';

const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);

// Each `<|…|>` marks one token; the comment after the line names its range index.
const text = `topology <|Contoso|>                                  // 0
site <|Redmond|> {                                     // 1
  subnet <|clients|> <|10.20.0.0/16|>                  // 2 3
  gateway <|pstn1|> <|10.0.3.200|>                     // 4 5
  <|frontend|> pool <|fe01|> {                         // 6 7
    fqdn <|"fe01.contoso.example"|>                    // 8
    edition <|enterprise|>                             // 9
    server <|fe01a|> <|10.0.1.11|>                     // 10 11
    colocate <|mediation|>                             // 12
    hosts <|cms|>                                      // 13
    loadbalancing <|dns|>                              // 14
    gateway <|pstn1|>                                  // 15
    media <|audio|> <|50000|>-<|50019|>                // 16 17 18
    port <|sip-tls|> <|5071|>                          // 19 20
  }
  <|edge|> pool <|edge01|> { server <|edge01a|> internal <|10.0.9.10|> external <|203.0.113.10|> }   // 21 22 23 24 25
  fileshare <|fs01|> { server fs01a 10.0.7.11 }        // 26
  reverseproxy <|rp01|> 10.1.0.5                       // 27
  loadbalancer <|lbfe|> for <|fe01|> { vip <|10.0.1.100|> ports <|443|>, <|80|> }   // 28 29 30 31 32
  clients { subnet <|clients|> }                       // 33
}
`;

let tokens: DecodedSemanticTokensWithRanges;
beforeAll(async () => {
    tokens = await highlightHelper(sfbtopo)(text);
});

/** The single token covering range `index`: its type and the names of its modifiers. */
function tokenAt(index: number): { type: string; modifiers: string[] } {
    const [start, end] = tokens.ranges[index];
    const found = tokens.tokens.filter((t) => t.offset === start && t.offset + t.text.length === end);
    expect(found, `one token at range ${index}`).toHaveLength(1);
    const modifiers = Object.entries(AllSemanticTokenModifiers)
        .filter(([, bit]) => (found[0].tokenModifiers & bit) !== 0)
        .map(([name]) => name);
    return { type: found[0].tokenType, modifiers };
}

const declaration = ['declaration'];

describe('semantic tokens', () => {
    it('mark the role keyword of a pool, and the role after `colocate`, as a type', () => {
        expectSemanticToken(tokens, { rangeIndex: 6, tokenType: SemanticTokenTypes.type });
        expect(tokenAt(6)).toEqual({ type: 'type', modifiers: [] });
        expect(tokenAt(21)).toEqual({ type: 'type', modifiers: [] });
        expect(tokenAt(12)).toEqual({ type: 'type', modifiers: [] });
    });

    it('mark a pool name declaration as a class declaration', () => {
        expectSemanticToken(tokens, { rangeIndex: 7, tokenType: SemanticTokenTypes.class });
        expect(tokenAt(7)).toEqual({ type: 'class', modifiers: declaration });
        expect(tokenAt(22)).toEqual({ type: 'class', modifiers: declaration });
    });

    it('mark every other declared name with a fitting type and the declaration modifier', () => {
        expect(tokenAt(0)).toEqual({ type: 'namespace', modifiers: declaration }); // topology
        expect(tokenAt(1)).toEqual({ type: 'namespace', modifiers: declaration }); // site
        expect(tokenAt(2)).toEqual({ type: 'enum', modifiers: declaration }); // subnet, even when the name is a keyword
        expect(tokenAt(4)).toEqual({ type: 'interface', modifiers: declaration }); // gateway
        expect(tokenAt(10)).toEqual({ type: 'variable', modifiers: declaration }); // server
        expect(tokenAt(23)).toEqual({ type: 'variable', modifiers: declaration }); // edge server
        expect(tokenAt(26)).toEqual({ type: 'struct', modifiers: declaration }); // file share
        expect(tokenAt(27)).toEqual({ type: 'interface', modifiers: declaration }); // reverse proxy
        expect(tokenAt(28)).toEqual({ type: 'function', modifiers: declaration }); // load balancer
    });

    it('mark references with the type of their target, without the declaration modifier', () => {
        expectSemanticToken(tokens, { rangeIndex: 29, tokenType: SemanticTokenTypes.class });
        expect(tokenAt(29)).toEqual({ type: 'class', modifiers: [] }); // for fe01
        expect(tokenAt(15)).toEqual({ type: 'interface', modifiers: [] }); // gateway pstn1
        expect(tokenAt(33)).toEqual({ type: 'enum', modifiers: [] }); // subnet clients
    });

    it('mark host addresses and CIDRs alike, apart from numbers and strings', () => {
        expectSemanticToken(tokens, { rangeIndex: 11, tokenType: SemanticTokenTypes.regexp });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.regexp });
        for (const address of [3, 5, 11, 24, 25, 30]) {
            expect(tokenAt(address), `range ${address}`).toEqual({ type: 'regexp', modifiers: [] });
        }
    });

    it('mark port numbers as numbers: media ranges, load balancer ports and port overrides', () => {
        expectSemanticToken(tokens, { rangeIndex: 20, tokenType: SemanticTokenTypes.number });
        for (const port of [17, 18, 20, 31, 32]) {
            expect(tokenAt(port), `range ${port}`).toEqual({ type: 'number', modifiers: [] });
        }
    });

    it('mark the service key after `port` as a property', () => {
        expectSemanticToken(tokens, { rangeIndex: 19, tokenType: SemanticTokenTypes.property });
    });

    it('mark option values as enum members', () => {
        expectSemanticToken(tokens, { rangeIndex: 9, tokenType: SemanticTokenTypes.enumMember });
        for (const option of [9, 13, 14, 16]) {
            expect(tokenAt(option), `range ${option}`).toEqual({ type: 'enumMember', modifiers: [] });
        }
    });

    it('mark FQDNs as strings', () => {
        expectSemanticToken(tokens, { rangeIndex: 8, tokenType: SemanticTokenTypes.string });
    });

    it('give roles, names, addresses and ports distinct types', () => {
        const types = [6, 7, 11, 20].map((i) => tokenAt(i).type);
        expect(new Set(types).size).toBe(4);
    });

    it('leave other keywords, unmarked names and punctuation to the TextMate grammar', () => {
        const covered = new Set(tokens.tokens.map((t) => t.offset));
        // Every token is one of the marked ranges, except the unmarked file share server and the reverse proxy address.
        const unmarked = tokens.tokens.filter((t) => !tokens.ranges.some(([start]) => start === t.offset)).map((t) => t.text);
        expect(unmarked).toEqual(['fs01a', '10.0.7.11', '10.1.0.5']);
        expect(covered.size).toBe(tokens.tokens.length);
        expect(tokens.ranges.every(([start]) => covered.has(start))).toBe(true);
    });

    it('are offered with a legend of standard types and modifiers', () => {
        const legend = sfbtopo.lsp.SemanticTokenProvider!.semanticTokensOptions.legend;
        const standard = Object.values(SemanticTokenTypes) as string[];
        for (const type of ['type', 'class', 'namespace', 'variable', 'enum', 'interface', 'struct', 'function', 'regexp', 'number', 'property', 'enumMember', 'string']) {
            expect(legend.tokenTypes).toContain(type);
            expect(standard).toContain(type);
        }
        expect(legend.tokenModifiers).toContain('declaration');
    });
});

describe('semantic tokens of the perimeter', () => {
    const perimeter = `topology T
site S {
  director pool <|dir01|> { server d1 10.0.2.1 }                                        // 0
  edge pool e {
    nexthop <|dir01|>                                                                   // 1
    server e1 internal <|10.0.9.11|> <|access|> <|203.0.113.21|> <|webconf|> <|203.0.113.22|> <|av|> <|172.16.0.23|> nat <|198.51.100.23|>   // 2-9
  }
  loadbalancer lb for e { vip internal <|10.0.9.100|> vip <|access|> <|192.0.2.100|> vip external <|192.0.2.101|> }   // 10-13
  reverseproxy rp 10.0.8.10 external <|203.0.113.80|>                                   // 14
}
`;
    let marked: DecodedSemanticTokensWithRanges;
    beforeAll(async () => {
        marked = await highlightHelper(sfbtopo)(perimeter);
    });
    const at = (index: number) => {
        const [start, end] = marked.ranges[index];
        return marked.tokens.filter((t) => t.offset === start && t.offset + t.text.length === end).map((t) => t.tokenType);
    };

    it('mark the next hop as a reference to a pool', () => {
        expect(at(1)).toEqual(['class']);
    });

    it('mark every Edge, NAT, VIP and listener address as an address', () => {
        for (const index of [2, 4, 6, 8, 9, 10, 12, 13, 14]) expect(at(index), `range ${index}`).toEqual(['regexp']);
    });

    it('mark the Edge services as services, on servers and on VIPs, and leave `internal`, `external` and `nat` to the grammar', () => {
        for (const index of [3, 5, 7, 11]) expect(at(index), `range ${index}`).toEqual(['property']);
        const keywords = marked.tokens.filter((t) => ['internal', 'external', 'nat', 'nexthop'].includes(t.text));
        expect(keywords).toEqual([]);
    });
});
