import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRepoFile, repoRoot } from '../helpers.js';

// `sfbtopo map`, tested as shipped: the esbuild bundle named by package.json's `bin`.
// Its pictures are the renderer's golden files (test/map/golden), byte for byte.
const cli = join(repoRoot, 'out/cli.cjs');

function sfbtopo(args: string[], cwd = repoRoot) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-map-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
function freshDir(): string {
    const dir = join(scratch, `case${++counter}`);
    mkdirSync(dir);
    return dir;
}

const golden = (name: string) => readRepoFile(`test/map/golden/${name}.svg`);
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .*:\d+:\d+/);

describe('sfbtopo map', () => {
    it('writes the SVG of the reference example to --out, the same as the renderer', () => {
        const dir = freshDir();
        const out = join(dir, 'map.svg');
        const run = sfbtopo(['map', 'examples/contoso.sfbtopo', '--out', out]);
        expect(run.status).toBe(0);
        expect(readFileSync(out, 'utf8')).toBe(golden('contoso'));
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^sfbtopo: wrote .*map\.svg: 15 nodes, 21 edges \(\d+ rules open to any source not drawn\)\n$/);
        // Written through a temporary file in the same folder, which is gone.
        expect(readdirSync(dir)).toEqual(['map.svg']);
    });

    it('prints the SVG on stdout without --out', () => {
        const run = sfbtopo(['map', 'examples/multisite.sfbtopo']);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe(golden('multisite'));
        expect(run.stderr).toBe('');
    });

    it('replaces an existing file and writes relative paths from the working folder', () => {
        const dir = freshDir();
        writeFileSync(join(dir, 'branch.sfbtopo'), readRepoFile('examples/branch.sfbtopo'));
        writeFileSync(join(dir, 'map.svg'), 'old');
        const run = sfbtopo(['map', 'branch.sfbtopo', '--out', 'map.svg'], dir);
        expect(run.status).toBe(0);
        expect(readFileSync(join(dir, 'map.svg'), 'utf8')).toBe(golden('branch'));
        expect(readdirSync(dir).sort()).toEqual(['branch.sfbtopo', 'map.svg']);
    });

    it('refuses a topology with errors: exit 1, the errors compiler-style, nothing written', () => {
        const dir = freshDir();
        const file = join(dir, 'bad.sfbtopo');
        writeFileSync(file, 'topology T\nsite S {\n  gateway g 10.0.0.300\n}\n');
        const out = join(dir, 'map.svg');
        const run = sfbtopo(['map', file, '--out', out]);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/bad\.sfbtopo:3:\d+: error: /);
        expect(run.stderr).toMatch(/sfbtopo: no map drawn: .*bad\.sfbtopo has 1 error; fix them and try again \(nothing was written\)\n$/);
        expect(run.stdout).toBe('');
        expect(existsSync(out)).toBe(false);
        noStackTrace(run.stderr);
    });

    it('exits 2 on bad usage and unusable files, without a stack trace', () => {
        const dir = freshDir();
        for (const args of [
            ['map'],
            ['map', 'examples/contoso.sfbtopo', '--bogus'],
            ['map', 'examples/contoso.sfbtopo', '--locale', 'fr'],
            ['map', join(dir, 'missing.sfbtopo')],
            ['map', 'examples'],
        ]) {
            const run = sfbtopo(args);
            expect(run.status, args.join(' ')).toBe(2);
            expect(run.stdout, args.join(' ')).toBe('');
            noStackTrace(run.stderr);
        }
    });

    it('exits 2 when the output cannot be written', () => {
        const dir = freshDir();
        mkdirSync(join(dir, 'taken.svg'));
        const taken = sfbtopo(['map', 'examples/contoso.sfbtopo', '--out', join(dir, 'taken.svg')]);
        expect(taken.status).toBe(2);
        expect(taken.stderr).toMatch(/^sfbtopo: refusing to write .*taken\.svg: it is a folder\n$/);
        const file = join(dir, 'file');
        writeFileSync(file, '');
        const under = sfbtopo(['map', 'examples/contoso.sfbtopo', '--out', join(file, 'map.svg')]);
        expect(under.status).toBe(2);
        noStackTrace(under.stderr);
    });

    it('labels the map in Japanese with --locale ja', () => {
        const run = sfbtopo(['map', 'examples/contoso.sfbtopo', '--locale', 'ja']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('フロント エンド · サーバー 3 台');
        expect(run.stdout).toContain('<title id="sfbmap-title">トポロジ Contoso のマップ</title>');
    });
});
