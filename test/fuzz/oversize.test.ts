// Documents over the size limit: one `document-too-large` diagnostic instead of parsing
// and validation, in the command line as in the language server.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { MAX_DOCUMENT_BYTES, oversizeBytes } from '../../server/src/language/workspace/size-limit.js';
import { check, repoRoot } from '../helpers.js';
import { bigTopology } from './big-topology.js';

/** A valid topology padded with a comment to exactly `bytes` bytes of UTF-8 (`fill` is one byte or more). */
function padded(bytes: number, fill = 'x'): string {
    const head = 'topology T\nsite S { subnet n 10.0.0.0/8 }\n/* ';
    const tail = ' */\n';
    const room = bytes - Buffer.byteLength(head + tail);
    const unit = Buffer.byteLength(fill);
    return head + fill.repeat(Math.floor(room / unit)) + 'x'.repeat(room % unit) + tail;
}

describe('the size limit', () => {
    it('counts UTF-8 bytes, not characters', () => {
        expect(oversizeBytes(padded(MAX_DOCUMENT_BYTES))).toBeUndefined();
        expect(oversizeBytes(padded(MAX_DOCUMENT_BYTES + 1))).toBe(MAX_DOCUMENT_BYTES + 1);
        // Three bytes a character: fewer characters than the limit, more bytes.
        const japanese = padded(MAX_DOCUMENT_BYTES + 3, 'あ');
        expect(japanese.length).toBeLessThan(MAX_DOCUMENT_BYTES);
        expect(oversizeBytes(japanese)).toBe(MAX_DOCUMENT_BYTES + 3);
        expect(oversizeBytes(padded(MAX_DOCUMENT_BYTES, '😀'))).toBeUndefined();
        expect(oversizeBytes('\uD800'.repeat(10))).toBeUndefined();
    });

    it('validates a document at the limit as usual, and replaces validation by one diagnostic above it', async () => {
        expect((await check(padded(MAX_DOCUMENT_BYTES))).diagnostics).toEqual([]);
        const { diagnostics, document } = await check(padded(MAX_DOCUMENT_BYTES + 1) + 'this is not a topology {{{');
        expect(diagnostics).toEqual([
            expect.objectContaining({
                code: 'document-too-large',
                severity: DiagnosticSeverity.Error,
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                message: expect.stringMatching(/^This file is 4\.0 MB, over the 4 MB limit for a topology: it is not parsed or validated/),
            }),
        ]);
        // Nothing was parsed: features and exports see an empty document.
        expect(document.parseResult.value.sites).toEqual([]);
    });

    it('says so in Japanese too', async () => {
        const { diagnostics } = await check(padded(5 * 1024 * 1024), '/virtual/ja.sfbtopo', 'ja');
        expect(diagnostics[0].message).toMatch(/^このファイルは 5\.0 MB で、トポロジの上限 4 MB を超えています。/);
    });

    it('leaves a 1,000-pool topology far below the limit', () => {
        expect(Buffer.byteLength(bigTopology(1_000)) * 10).toBeLessThan(MAX_DOCUMENT_BYTES);
    });
});

describe('sfbtopo validate and export on an oversize file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sfbtopo-oversize-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'huge.sfbtopo');
    writeFileSync(file, padded(20 * 1024 * 1024));
    const cli = (...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'out/cli.cjs'), ...args], { encoding: 'utf8', timeout: 30_000 });

    it('validate prints the one diagnostic and exits 1, quickly', () => {
        const started = Date.now();
        const run = cli('validate', file);
        expect(Date.now() - started).toBeLessThan(15_000);
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/huge\.sfbtopo:1:1: error: This file is 20\.0 MB, over the 4 MB limit .* \[document-too-large\]\n$/);
        expect(run.stderr).toContain('1 error');
    });

    it('export refuses it', () => {
        const run = cli('export', file, '--out', join(dir, 'rules'));
        expect(run.status).toBe(1);
        expect(run.stderr + run.stdout).toContain('document-too-large');
    });
});
