import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../server/src/export/export-topology.js';
import { EXPORT_FORMATS } from '../../server/src/export/formats.js';
import { HASH_LEDGER } from '../../server/src/export/write-files.js';
import { check, readRepoFile, repoRoot } from '../helpers.js';

// The command line is tested as shipped: the esbuild bundle named by package.json's `bin`.
const cli = join(repoRoot, 'out/cli.cjs');

function sfbtopo(args: string[], cwd = repoRoot) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 15_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-export-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
function freshPath(): string {
    return join(scratch, `case${++counter}`);
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .*:\d+:\d+/);

/** What the renderers give in-process for the reference example: the files the CLI must write, byte for byte. */
async function expectedFiles(formats = EXPORT_FORMATS) {
    const path = join(repoRoot, 'examples/contoso.sfbtopo');
    const { document } = await check(readRepoFile('examples/contoso.sfbtopo'), path);
    const outcome = exportDocument(document, formats, { sourceFile: 'contoso.sfbtopo' });
    if (!outcome.ok) throw new Error('the reference example must export');
    return outcome.files;
}

describe('sfbtopo export', () => {
    it('writes every format for the reference example, identical to the renderers', async () => {
        const out = freshPath();
        const run = sfbtopo(['export', 'examples/contoso.sfbtopo', '--format', 'all', '--out', out]);
        expect(run.status).toBe(0);
        const expected = await expectedFiles();
        // The CSV has no room for a seal: its hash went to the ledger beside it.
        expect(readdirSync(out).sort()).toEqual([HASH_LEDGER, ...expected.map((f) => f.name)].sort());
        for (const file of expected) expect(readFileSync(join(out, file.name), 'utf8')).toBe(file.content);
        // One line per written file (absolute: the folder is outside the working folder), then a summary.
        expect(run.stdout.trimEnd().split('\n')).toEqual(expected.map((f) => join(out, f.name)));
        expect(run.stderr).toMatch(new RegExp(`^sfbtopo: wrote ${expected.length} files? \\(.*\\) to ${out}: \\d+ firewall rules, \\d+ IPsec exceptions\\n$`));
    });

    it('exports every format when --format is not given', async () => {
        const out = freshPath();
        expect(sfbtopo(['export', 'examples/contoso.sfbtopo', '--out', out]).status).toBe(0);
        expect(readdirSync(out).sort()).toEqual([HASH_LEDGER, ...(await expectedFiles()).map((f) => f.name)].sort());
    });

    it('writes only rules.json for --format json', async () => {
        const out = freshPath();
        const run = sfbtopo(['export', 'examples/contoso.sfbtopo', '--format', 'json', '--out', out]);
        expect(run.status).toBe(0);
        expect(readdirSync(out)).toEqual(['rules.json']);
        const [json] = await expectedFiles(['json']);
        expect(readFileSync(join(out, 'rules.json'), 'utf8')).toBe(json.content);
        expect(JSON.parse(json.content)).toMatchObject({ topology: 'Contoso' });
    });

    it('writes into rules/ beside the topology by default, printing paths relative to the working folder', () => {
        const dir = freshPath();
        mkdirSync(dir);
        writeFileSync(join(dir, 'contoso.sfbtopo'), readRepoFile('examples/contoso.sfbtopo'));
        const run = sfbtopo(['export', 'contoso.sfbtopo', '--format', 'json'], dir);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(`${join('rules', 'rules.json')}\n`);
        expect(readdirSync(join(dir, 'rules'))).toEqual(['rules.json']);
        expect(readFileSync(join(dir, 'rules', 'rules.json'), 'utf8')).toContain('from contoso.sfbtopo');
    });

    it('refuses a topology with errors: exit 1, the errors compiler-style, nothing written', () => {
        const dir = freshPath();
        mkdirSync(dir);
        const file = join(dir, 'bad.sfbtopo');
        writeFileSync(file, 'topology T\nsite S {\n  gateway g 10.0.0.300\n}\n');
        const run = sfbtopo(['export', file, '--format', 'all']);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain(`${file}:3:13: error: '10.0.0.300' is not an IPv4 address`);
        expect(run.stderr).toContain('not exported');
        expect(readdirSync(dir)).toEqual(['bad.sfbtopo']);
    });

    it('refuses an output folder that is a symbolic link: exit 2, the reason, nothing written', () => {
        const outside = freshPath();
        mkdirSync(outside);
        const link = freshPath();
        symlinkSync(outside, link);
        const run = sfbtopo(['export', 'examples/contoso.sfbtopo', '--out', link]);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe(`sfbtopo: the output folder ${link} is a symbolic link; give the real folder\n`);
        expect(readdirSync(outside)).toEqual([]);
    });

    it.each([
        ['a missing file', ['export', '/nonexistent/topology.sfbtopo'], 'no such file'],
        ['a directory', ['export', tmpdir()], 'is a directory'],
        ['an unknown format', ['export', 'examples/contoso.sfbtopo', '--format', 'yaml'], 'yaml'],
        ['no file', ['export'], 'missing required argument'],
        ['two files', ['export', 'examples/contoso.sfbtopo', 'examples/branch.sfbtopo'], 'too many arguments'],
    ])('exits 2 for %s, writing nothing', (_case, args, words) => {
        const out = freshPath();
        const run = sfbtopo([...args, '--out', out]);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain(words);
        noStackTrace(run.stderr);
        expect(existsSync(out)).toBe(false);
    });
});
