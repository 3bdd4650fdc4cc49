import { spawnSync } from 'node:child_process';
import { chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// out/cli.cjs runs out/cli-main.cjs through V8's code cache, kept in the user's cache folder
// (XDG_CACHE_HOME here), and out/server.cjs the language server likewise. The cache may only
// ever make a run faster, never change or break it.

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-code-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function validate(cacheHome: string) {
    const run = spawnSync(process.execPath, [join(repoRoot, 'out/cli.cjs'), 'validate', 'examples/contoso.sfbtopo', 'examples/branch.sfbtopo'], {
        cwd: repoRoot,
        encoding: 'utf8',
        env: { ...process.env, XDG_CACHE_HOME: cacheHome },
        timeout: 15_000,
    });
    expect(run.stderr).toBe('sfbtopo: checked 2 of 2 file(s): 0 errors, 0 warnings\n');
    expect(run.status).toBe(0);
    return run;
}

const cachesIn = (folder: string) => readdirSync(folder).filter((name) => name.endsWith('.v8cache'));

describe('the command line code cache', () => {
    it('is written to the user cache folder on the first run of a command and read on the next', () => {
        const home = join(scratch, 'fresh');
        validate(home);
        const [cache] = cachesIn(join(home, 'sfbtopo'));
        expect(cache).toMatch(/^cli\.validate\.[0-9a-z]+-.*\.v8cache$/);
        const written = readFileSync(join(home, 'sfbtopo', cache));
        validate(home);
        // Accepted by V8: not written again.
        expect(readFileSync(join(home, 'sfbtopo', cache)).equals(written)).toBe(true);
        expect(cachesIn(join(home, 'sfbtopo'))).toEqual([cache]);
    });

    it('replaces a damaged cache instead of failing', () => {
        const home = join(scratch, 'damaged');
        validate(home);
        const [cache] = cachesIn(join(home, 'sfbtopo'));
        writeFileSync(join(home, 'sfbtopo', cache), Buffer.alloc(4096, 0x5a));
        validate(home);
        expect(readFileSync(join(home, 'sfbtopo', cache)).equals(Buffer.alloc(4096, 0x5a))).toBe(false);
    });

    it('runs without a cache where none can be kept', () => {
        const notAFolder = join(scratch, 'a-file');
        writeFileSync(notAFolder, '');
        validate(notAFolder);
    });

    it('neither reads nor writes a cache folder that belongs to another user', () => {
        const home = join(scratch, 'foreign');
        mkdirSync(join(home, 'sfbtopo'), { recursive: true });
        // Only root can give a folder away; anyone else checks that their own folder is used.
        const root = process.getuid?.() === 0;
        if (root) chownSync(join(home, 'sfbtopo'), 54321, 54321);
        validate(home);
        expect(cachesIn(join(home, 'sfbtopo')).length).toBe(root ? 0 : 1);
    });
});

describe('the bundles run through the code cache', () => {
    // The launcher reads them as Latin-1, which is their text only while they are ASCII (esbuild's default charset).
    it.each(['out/cli-main.cjs', 'out/server-main.cjs'])('%s is ASCII', (bundle) => {
        const bytes = readFileSync(join(repoRoot, bundle));
        expect(bytes.findIndex((byte) => byte > 0x7f)).toBe(-1);
    });
});

describe("the language server's code cache", () => {
    /** Starts the server and ends its input at once: it sets its V8 flags, then exits, which writes its cache. */
    function startAndEnd(cacheHome: string, command: string[]) {
        const run = spawnSync(process.execPath, command, { cwd: repoRoot, input: '', env: { ...process.env, XDG_CACHE_HOME: cacheHome }, timeout: 15_000 });
        expect(run.error).toBeUndefined();
    }

    // The server sets V8 flags for itself (workspace/v8-flags.ts), and V8 rejects a cache
    // made under other flags: the next start must still take the cache, not write it again.
    it.each([
        ['as VS Code starts it', ['out/server.cjs', '--stdio'], /^server\./],
        ['as `sfbtopo lsp --stdio`', ['out/cli.cjs', 'lsp', '--stdio'], /^cli\.lsp\./],
    ])('is taken on the next start, %s', (_how, command, name) => {
        const home = join(scratch, `server-${command[0].replace(/\W/g, '-')}`);
        startAndEnd(home, command);
        const [cache] = cachesIn(join(home, 'sfbtopo')).filter((file) => name.test(file));
        expect(cache).toBeDefined();
        // Written whole and renamed into place: another file if it were written again.
        const written = statSync(join(home, 'sfbtopo', cache)).ino;
        startAndEnd(home, command);
        expect(statSync(join(home, 'sfbtopo', cache)).ino).toBe(written);
    });
});
