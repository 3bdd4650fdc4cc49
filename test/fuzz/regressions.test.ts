// Failures the fuzzer found, shrunk, and kept: each must now pass the same checks as any
// fuzz input (no throw, within the 1 s budget, diagnostics inside the document).
import { EmptyFileSystem, TextDocument } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSfbtopoServices } from '../../server/src/language/sfbtopo-module.js';
import type { FuzzHarness } from './harness.js';
import { warmHarness } from './property.js';
import { bigTopology } from './big-topology.js';

let harness: FuzzHarness;
beforeAll(async () => {
    harness = await warmHarness();
}, 60_000);

describe('fuzz regressions', () => {
    // Seed 2, run 193 of `npm run fuzz`: a load balancer listing thousands of ports took 25 s
    // (4,000 ports), because the range of every `load-balancer-extra-port` warning walked the
    // whole port list again (Langium's findNodeForProperty with an index).
    it('validates a load balancer with 4,000 listed ports within the budget', async () => {
        const ports = Array.from({ length: 4_000 }, (_, i) => i % 65_536).join(', ');
        const text = `topology T\nsite S {\n  frontend pool fe { server a 10.0.1.11 hosts cms loadbalancing dns }\n  loadbalancer lb for fe { vip 10.0.1.100 ports ${ports} }\n}\n`;
        const { diagnostics } = await harness.exercise(text, [0.5]);
        const extra = diagnostics.filter((d) => d.code === 'load-balancer-extra-port');
        expect(extra.length).toBeGreaterThan(3_990);
        // Each warning still points at its own port.
        const last = extra.at(-1)!;
        expect(text.split('\n')[3].slice(last.range.start.character, last.range.end.character)).toBe(String(3_999));
    });

    // Seed 1453496169, run 3622 of `npm run fuzz -- --runs 100000`: 493 pools nested in a
    // media line took 1,055 ms of CPU (some 800 ms alone). Each of the hundreds of syntax
    // errors made Chevrotain capture a stack trace and walk the grammar again for the
    // tokens that may follow; both are now spared (server/src/language/parser/topology-parser.ts).
    it('recovers from hundreds of nested, unclosed pools within the budget', async () => {
        const seed = bigTopology(8);
        const at = seed.indexOf('50060-50079') + 1;
        const text = seed.slice(0, at) + 'frontend pool p {\n'.repeat(493) + '}'.repeat(493) + seed.slice(at);
        const { diagnostics } = await harness.exercise(text, [0.17788262525573373, 0.9528315078932792, 0.6267505427822471]);
        expect(diagnostics.filter((d) => d.code === 'parsing-error').length).toBeGreaterThan(400);
    });

    // Protocol abuse: a `didOpen` without `text` (or with a number) made the lexer throw in
    // the middle of a build, which ended the language server. Now it is an empty document.
    it('parses a document whose text is not a string as an empty one', async () => {
        const { shared } = createSfbtopoServices(EmptyFileSystem);
        for (const text of [undefined, 42, null]) {
            // What the text document manager holds after such a `didOpen`.
            const textDocument = TextDocument.create('untitled:broken.sfbtopo', 'sfbtopo', 1, text as unknown as string);
            const document = shared.workspace.LangiumDocumentFactory.fromTextDocument(textDocument);
            expect(document.parseResult.value.$type).toBe('Topology');
            shared.workspace.LangiumDocuments.addDocument(document);
            await shared.workspace.DocumentBuilder.build([document], { validation: true });
            expect(document.diagnostics?.map((d) => (d.data as { code?: string }).code)).toEqual(['parsing-error']);
            shared.workspace.LangiumDocuments.deleteDocument(document.uri);
        }
    });
});
