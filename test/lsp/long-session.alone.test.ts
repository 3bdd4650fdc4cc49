// A long edit session over `sfbtopo lsp --stdio` (run alone: see vitest.alone.config.ts),
// started as VS Code starts the server: a 1,000-pool document, 2,000 random incremental
// edits (typing, deleting, pasting) with hovers and completions in between. At the end the
// server's diagnostics must be those of a fresh parse of the final text, no request may
// have failed, and the server may not have grown by a fifth.
//
// Memory: the resident set size must grow less than a fifth from right after the first
// build to the end, both measured once the server has been idle long enough to collect
// its garbage (server/src/workspace/idle-collection.ts), as it is between an
// administrator's bursts of typing; the live heap (after a full collection, through
// gc-probe.cjs) likewise. The RSS at the pauses, in the middle of the bursts, is printed.
//
// The edits go out as `didChange` notifications of one to BATCH (default 19) range
// changes each, as an editor sends what was typed while the server was busy;
// LONG_SESSION_BATCH=1 sends one edit at a time.
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import {
    CompletionRequest,
    DidChangeTextDocumentNotification,
    DidOpenTextDocumentNotification,
    HoverRequest,
    type Position,
} from 'vscode-languageserver-protocol/node.js';
import { TextDocument } from 'langium';
import { check, problemsOf } from '../helpers.js';
import { bigTopology } from '../fuzz/big-topology.js';
import { startLspServer, type LspServer } from '../fuzz/lsp-server.js';
import { IDLE_MS } from '../../server/src/workspace/idle-collection.js';

const EDITS = Number(process.env.LONG_SESSION_EDITS ?? 2_000);
const BATCH = Number(process.env.LONG_SESSION_BATCH ?? 19);
/** After this many notifications the user stops to hover and ask for completion, waiting for the answers. */
const PAUSE_EVERY = 10;

/** A small seeded PRNG (mulberry32), so that a failing session can be replayed. */
function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const WORDS = ['server ', 'fe01b ', '10.0.1.12', '\n    ', 'port sip-tls 5100', 'loadbalancing dns', '{', '}', 'media audio 50020-50039', '// note', 'gateway ', 'x'];

/** The next edit at the cursor: mostly typing and deleting, sometimes a paste, sometimes a jump elsewhere. */
function nextEdit(text: string, cursor: number, rnd: () => number): { start: number; end: number; inserted: string } {
    const roll = rnd();
    let start = cursor;
    let end = cursor;
    let inserted = '';
    if (roll < 0.55) {
        // Typing: one character of a word.
        const word = WORDS[Math.floor(rnd() * WORDS.length)];
        inserted = word[Math.floor(rnd() * word.length)];
    } else if (roll < 0.8) {
        // Backspace, or deleting a selection of up to a line.
        start = Math.max(0, cursor - (rnd() < 0.7 ? 1 : Math.floor(rnd() * 60)));
    } else if (roll < 0.92) {
        // Pasting a block copied from elsewhere in the document.
        const from = Math.floor(rnd() * text.length);
        inserted = text.slice(from, from + Math.floor(rnd() * 400));
    } else {
        // Replacing a selection with a word.
        end = Math.min(text.length, cursor + Math.floor(rnd() * 20));
        inserted = WORDS[Math.floor(rnd() * WORDS.length)];
    }
    return { start, end, inserted };
}

let server: LspServer | undefined;
afterEach(() => server?.stop());

describe('a long edit session over sfbtopo lsp --stdio', () => {
    it(`keeps diagnostics right and memory flat over ${EDITS} incremental edits of a 1,000-pool document`, async () => {
        server = await startLspServer({ gcProbe: true });
        const { connection } = server;
        // A file URI, so that diagnostics naming the document compare equal to the command line's.
        const path = '/virtual/long-session.sfbtopo';
        const uri = `file://${path}`;
        const rnd = random(Number(process.env.LONG_SESSION_SEED ?? 8));
        let document = TextDocument.create(uri, 'sfbtopo', 1, bigTopology(1_000));

        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'sfbtopo', version: 1, text: document.getText() },
        });
        expect(problemsOf((await server.diagnostics(uri, { timeoutMs: 60_000 })).diagnostics)).toEqual([]);
        await settle();
        const rssAfterFirstBuild = server.rss();
        const heapAfterFirstBuild = await server.liveHeap();

        const started = performance.now();
        const failures: string[] = [];
        const rssAtPauses: number[] = [];
        let requests = 0;
        let notifications = 0;
        let cursor = Math.floor(rnd() * document.getText().length);
        for (let edits = 0; edits < EDITS; ) {
            // Each change's range is in the text as the changes before it in the notification left it.
            const changes: Array<{ range: { start: Position; end: Position }; text: string }> = [];
            let text = document.getText();
            const count = Math.min(EDITS - edits, 1 + Math.floor(rnd() * BATCH));
            for (let k = 0; k < count; k++) {
                if (rnd() < 0.05) cursor = Math.floor(rnd() * (text.length + 1));
                const edit = nextEdit(text, cursor, rnd);
                const before = TextDocument.create(uri, 'sfbtopo', 0, text);
                changes.push({ range: { start: before.positionAt(edit.start), end: before.positionAt(edit.end) }, text: edit.inserted });
                text = text.slice(0, edit.start) + edit.inserted + text.slice(edit.end);
                cursor = edit.start + edit.inserted.length;
            }
            edits += count;
            document = TextDocument.update(document, changes, document.version + 1);
            if (document.getText() !== text) throw new Error('the test applied its own changes wrongly');
            await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: document.version }, contentChanges: changes });
            notifications++;

            if (notifications % PAUSE_EVERY === 0) {
                const at = () => document.positionAt(Math.floor(rnd() * (document.getText().length + 1)));
                const asked = [
                    connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at() }),
                    connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: document.positionAt(cursor) }),
                    connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at() }),
                ];
                requests += asked.length;
                const settled = await Promise.allSettled(asked);
                for (const outcome of settled) if (outcome.status === 'rejected') failures.push(`after edit ${edits}: ${String(outcome.reason)}`);
                rssAtPauses.push(server.rss());
            }
        }

        // The server's last word on the final text must be what a fresh parse of it says.
        const expected = JSON.parse(JSON.stringify((await check(document.getText(), path)).diagnostics));
        const since = Math.max(0, server.published.length - 1);
        const final = await server.diagnostics(uri, { since, timeoutMs: 120_000, test: (p) => sameDiagnostics(p.diagnostics, expected) });
        // Nothing later may contradict it: give a stale build time to publish, then look again.
        await settle();
        const last = server.published.filter((p) => p.uri === uri).at(-1)!;
        const seconds = (performance.now() - started) / 1000;
        const rssAtEnd = server.rss();
        const heapAtEnd = await server.liveHeap();
        const growth = (to: number, from: number) => `${(((to - from) / from) * 100).toFixed(1)}%`;
        console.log(
            `long session: ${EDITS} edits in ${notifications} notifications and ${requests} requests in ${seconds.toFixed(1)} s; ` +
                `${document.getText().length} characters and ${expected.length} diagnostics at the end; ` +
                `live heap ${mb(heapAfterFirstBuild)} after the first build, ${mb(heapAtEnd)} at the end (${growth(heapAtEnd, heapAfterFirstBuild)}); ` +
                `RSS ${mb(rssAfterFirstBuild)} after the first build, ${mb(rssAtEnd)} at the end (${growth(rssAtEnd, rssAfterFirstBuild)}); ` +
                `at the pauses ${rssAtPauses.map(mb).join(' ')}`,
        );

        expect(failures).toEqual([]);
        expect(final.diagnostics).toEqual(expected);
        expect(last.diagnostics).toEqual(expected);
        expect(heapAtEnd).toBeLessThan(heapAfterFirstBuild * 1.2);
        expect(rssAtEnd).toBeLessThan(rssAfterFirstBuild * 1.2);
    }, 600_000);
});

/** Waits until the server has been idle long enough to have collected its garbage (twice). */
function settle(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 2 * IDLE_MS + 3_000));
}

function sameDiagnostics(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
