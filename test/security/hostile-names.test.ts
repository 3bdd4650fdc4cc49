// Issue 8 item 4: hostile names. Every payload of the corpus goes into every position
// where a topology (or the file system, for the file name) puts free text. Each case
// either gets an error there (a parse error where the payload breaks the tokens, else a
// validation error), or, when the topology stays valid, every export format holds the
// text only in quoted or sanitised form (see output-checks.ts), nft still accepts the
// ruleset, and the writer accepts the file names. A fast-check property (fixed seed) does
// the same with generated payloads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { LangiumDocument } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument, type ExportOutcome } from '../../server/src/export/export-topology.js';
import type { ExportFile } from '../../server/src/export/export-file.js';
import { EXPORT_FORMATS } from '../../server/src/export/formats.js';
import { windowsFirewallFileName } from '../../server/src/export/renderers/windows-firewall.js';
import { writeExportFiles } from '../../server/src/export/write-files.js';
import type { Topology } from '../../server/src/language/generated/ast.js';
import { check, problemsOf, readRepoFile, repoRoot } from '../helpers.js';
import { build, PAYLOADS, POSITIONS, type Built, type Position } from './hostile-corpus.js';
import { cleanUpNft, emptySkeletons, expectNftAccepts, expectSafeExport, expectSafeFileNames, learnSkeletons } from './output-checks.js';

const TEXT_POSITIONS = POSITIONS.filter((position) => position.kind === 'text');
const SOURCE_FILE = POSITIONS.find((position) => position.kind === 'source-file')!;
const skeletons = emptySkeletons();
const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-hostile-'));
let benign: { document: LangiumDocument<Topology>; files: ExportFile[] };

beforeAll(async () => {
    const examples = readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.sfbtopo'));
    for (const example of examples) {
        const { document } = await check(readRepoFile(`examples/${example}`), `/examples/${example}`);
        const outcome = exportDocument(document, EXPORT_FORMATS, { sourceFile: example });
        if (!outcome.ok) throw new Error(`${example} must export`);
        learnSkeletons(skeletons, outcome.files);
    }
    const { document, diagnostics } = await check(build(undefined, '').text, '/virtual/template.sfbtopo');
    expect(problemsOf(diagnostics)).toEqual([]);
    const outcome = exportDocument(document, EXPORT_FORMATS, { sourceFile: SOURCE_FILE.benign });
    if (!outcome.ok) throw new Error('the template must export');
    learnSkeletons(skeletons, outcome.files);
    benign = { document, files: outcome.files };
});

afterAll(() => {
    rmSync(scratch, { recursive: true, force: true });
    cleanUpNft();
});

/** What the cases came to, for the summary test at the end. */
const seen = { rejected: 0, accepted: new Map<string, string[]>() };
let folders = 0;

/**
 * The lines an error may be on: the payload's, or the first non-blank line after an
 * occurrence (where the parser ends up when the payload is empty or opens a comment).
 */
function allowedLines({ text, occurrences }: Built): Set<number> {
    const allowed = new Set<number>();
    const all = text.split(/\r\n|\r|\n/);
    for (const { first, last } of occurrences) {
        for (let line = first; line <= last; line++) allowed.add(line);
        const next = all.findIndex((content, line) => line > last && content.trim() !== '');
        if (next >= 0) allowed.add(next);
    }
    return allowed;
}

function errorLines(document: LangiumDocument<Topology>): number[] {
    const { lexerErrors, parserErrors } = document.parseResult;
    return [
        ...(document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.range.start.line),
        ...lexerErrors.map((e) => (e.line ?? 1) - 1),
        ...parserErrors.map((e) => (Number.isFinite(e.token.startLine) ? e.token.startLine! - 1 : -1)),
    ];
}

/** One case: rejected at the position, or exported safely in every format. */
async function expectRejectedOrSafe(position: Position, payload: string): Promise<void> {
    const built = build(position, payload);
    const { document } = await check(built.text, '/virtual/hostile.sfbtopo');
    const context = { sourceFile: 'hostile.sfbtopo' };
    const outcome: ExportOutcome = exportDocument(document, EXPORT_FORMATS, context);
    if (!outcome.ok) {
        const allowed = allowedLines(built);
        const lines = errorLines(document);
        expect(lines.length, 'refused without an error').toBeGreaterThan(0);
        expect(
            lines.some((line) => allowed.has(line)),
            `no error at ${position.id} (lines ${[...allowed].map((l) => l + 1).join(', ')}), only at lines ${lines.map((l) => l + 1).join(', ')}`,
        ).toBe(true);
        seen.rejected++;
        return;
    }
    seen.accepted.set(position.id, [...(seen.accepted.get(position.id) ?? []), payload]);
    expectSafeExport(outcome.files, outcome.rules, context, skeletons);
    for (const nft of outcome.files.filter((file) => file.name.endsWith('.nft'))) expectNftAccepts(`${position.id}=${JSON.stringify(payload).slice(0, 40)} ${nft.name}`, nft.content);
    // Pool and file share names become file names: the writer takes them (the temporary names too), inside its folder only.
    if (!['pool', 'fileshare'].includes(position.id)) return;
    const out = join(scratch, `out${++folders}`);
    const written = await writeExportFiles(out, outcome.files);
    expect(written.every((path) => path.startsWith(`${out}/`))).toBe(true);
    rmSync(out, { recursive: true, force: true });
}

/** The source file name reaches only the header: each file equals the benign export but for the seal and the header line. */
function expectSafeSourceName(sourceFile: string, runNft = true): void {
    const outcome = exportDocument(benign.document, EXPORT_FORMATS, { sourceFile });
    if (!outcome.ok) throw new Error('the template must export');
    expectSafeExport(outcome.files, outcome.rules, { sourceFile }, skeletons);
    expect(outcome.files.map((file) => file.name)).toEqual(benign.files.map((file) => file.name));
    for (const [index, file] of outcome.files.entries()) {
        const strip = (content: string) =>
            content
                .replace(/^\uFEFF/, '')
                .split(/\r?\n/)
                .filter((line) => !/sfbtopo-hash|sfbtopoHash|Generated by sfbtopo from /.test(line));
        expect(strip(file.content), file.name).toEqual(strip(benign.files[index].content));
        expect(file.content.split('\n').length, `${file.name}: line count`).toBe(benign.files[index].content.split('\n').length);
    }
    if (runNft) for (const nft of outcome.files.filter((file) => file.name.endsWith('.nft'))) expectNftAccepts(`source file ${JSON.stringify(sourceFile).slice(0, 40)} ${nft.name}`, nft.content);
}

describe('the corpus', () => {
    it('has at least 50 payloads, all different', () => {
        expect(PAYLOADS.length).toBeGreaterThanOrEqual(50);
        expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
    });
});

describe.each(TEXT_POSITIONS)('a hostile $id', (position) => {
    it.each(PAYLOADS.map((payload) => [JSON.stringify(payload).slice(0, 60), payload]))('%s is rejected there or exported safely', async (_label, payload) => {
        await expectRejectedOrSafe(position, payload);
    });
});

describe('a hostile source file name', () => {
    it.each(PAYLOADS.map((payload) => [JSON.stringify(payload).slice(0, 60), payload]))('%s stays in the header comments, sanitised', (_label, payload) => {
        expectSafeSourceName(payload);
    });
});

describe('a hostile topology file name through the command line', () => {
    // Names the file system takes (anything but / and NUL), as `sfbtopo export` gets them.
    it.each([
        'x\ndelete table inet filter\n#.sfbtopo',
        'x\r\n@echo off\r\ncalc.exe\r\nREM.sfbtopo',
        "a'; Remove-NetFirewallRule -All; '$(calc)`.sfbtopo",
        '100%~f0 !x! ^&|<>".sfbtopo',
        '\u202Egnp.exe.sfbtopo',
        '=cmd|calc!A0.sfbtopo',
    ])('%j stays in the header comments', (name) => {
        const folder = join(scratch, `cli${++folders}`);
        mkdirSync(folder);
        const file = join(folder, name);
        writeFileSync(file, build(undefined, '').text);
        const out = join(folder, 'rules');
        const run = spawnSync(process.execPath, [join(repoRoot, 'out/cli.cjs'), 'export', file, '--out', out], { encoding: 'utf8', timeout: 30_000 });
        expect(run.status, run.stderr).toBe(0);
        const files = benign.files.map(({ name: fileName }) => ({ name: fileName, content: readFileSync(join(out, fileName), 'utf8') }));
        const outcome = exportDocument(benign.document, EXPORT_FORMATS, { sourceFile: name });
        if (!outcome.ok) throw new Error('the template must export');
        expect(files).toEqual(outcome.files);
        expectSafeExport(files, outcome.rules, { sourceFile: name }, skeletons);
        for (const nft of files.filter((f) => f.name.endsWith('.nft'))) expectNftAccepts(`cli ${JSON.stringify(name)} ${nft.name}`, nft.content);
    });
});

describe('the cases come out both ways', () => {
    it('some payloads are rejected and the names the grammar takes (reserved Windows names, very long names) are exported', () => {
        expect(seen.rejected).toBeGreaterThan(TEXT_POSITIONS.length * 40);
        const pools = seen.accepted.get('pool') ?? [];
        for (const name of ['CON', 'con', 'NUL', 'PRN', 'AUX', 'COM1', 'LPT1', 'a'.repeat(300), 'A'.repeat(5000)]) expect(pools).toContain(name);
    });
});

describe('file names from pool names', () => {
    it('are never a reserved Windows name, never end in a dot or space, and stay short enough for the temporary name', () => {
        const names = ['CON', 'nul', 'COM1', 'LPT9', 'Aux', 'prn', 'a'.repeat(179), 'b'.repeat(180), 'c'.repeat(5000), `${'d'.repeat(300)}-`].map((host) => ({
            name: windowsFirewallFileName(host),
            content: '',
        }));
        expectSafeFileNames(names);
        for (const { name } of names) expect(name.length).toBeLessThanOrEqual(200);
        expect(windowsFirewallFileName('CON')).toBe('windows-firewall-CON.ps1');
        expect(windowsFirewallFileName('a'.repeat(179))).toBe(`windows-firewall-${'a'.repeat(179)}.ps1`);
        expect(windowsFirewallFileName('b'.repeat(180))).toMatch(/^windows-firewall-b+-[0-9a-f]{8}\.ps1$/);
        // Cut names stay unique and stable.
        expect(windowsFirewallFileName(`${'e'.repeat(300)}1`)).not.toBe(windowsFirewallFileName(`${'e'.repeat(300)}2`));
        expect(windowsFirewallFileName('f'.repeat(300))).toBe(windowsFirewallFileName('f'.repeat(300)));
    });
});

// Generated payloads: characters that mean something to one of the formats, mixed with
// corpus entries and plain letters.
const SPECIAL = [..."'\"\u2018\u2019\u201A\u201B$()`;&|%!^<>./\\ #{}=+@,*-_\t\r\n\u0085\u2028\u2029\u0000\u001b\u202E\uFEFF日😀"];
const UNIT = fc.constantFrom(...SPECIAL, 'a', 'Z', 'q', '0', '7', 'CON', 'site', 'x');
const PAYLOAD = fc.array(fc.oneof(fc.constantFrom(...PAYLOADS.filter((p) => p.length < 100)), fc.string({ unit: UNIT, maxLength: 12 })), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

describe('generated hostile names (fast-check, fixed seed)', () => {
    it('are rejected at their position or exported safely', async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...TEXT_POSITIONS), PAYLOAD, async (position, payload) => {
                await expectRejectedOrSafe(position, payload);
            }),
            { seed: 0x5fb70, numRuns: 300 },
        );
    }, 240_000);

    it('ID-like names (what the grammar accepts) are exported safely wherever they go', async () => {
        const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_-]{0,80}$/);
        await fc.assert(
            fc.asyncProperty(fc.constantFrom(...TEXT_POSITIONS.filter((p) => !['fqdn', 'sharefqdn', 'service'].includes(p.id))), name, async (position, payload) => {
                await expectRejectedOrSafe(position, payload);
            }),
            { seed: 0x5fb71, numRuns: 100 },
        );
    }, 240_000);

    it('source file names of any characters stay in the header comments', () => {
        fc.assert(
            fc.property(fc.oneof(PAYLOAD, fc.string({ unit: 'binary', maxLength: 300 })), (sourceFile) => {
                // Only comment lines differ from the benign export (checked), so nft -c adds nothing here.
                expectSafeSourceName(sourceFile, false);
            }),
            { seed: 0x5fb72, numRuns: 200 },
        );
    }, 240_000);
});
