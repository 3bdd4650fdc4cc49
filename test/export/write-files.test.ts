import { chmodSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sealContent } from '../../server/src/export/content-hash.js';
import { ExportWriteError, HASH_LEDGER, writeExportFiles } from '../../server/src/export/write-files.js';

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-write-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
/** A fresh folder path under the scratch folder (not created). */
function freshPath(): string {
    return join(scratch, `case${++counter}`);
}
function freshDir(): string {
    const dir = freshPath();
    mkdirSync(dir);
    return dir;
}

const files = [
    { name: 'rules.json', content: '{"a":1}\n' },
    { name: 'firewall.ps1', content: '# ルール\nNew-NetFirewallRule\n' },
    { name: 'rules.csv', content: 'id,site\n' },
];

async function refusal(promise: Promise<unknown>): Promise<ExportWriteError> {
    const error = await promise.then(
        () => undefined,
        (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ExportWriteError);
    return error as ExportWriteError;
}

describe('writeExportFiles', () => {
    it('creates the folder and writes every file in full, leaving no temporary file', async () => {
        const dir = join(freshPath(), 'nested', 'rules');
        const written = await writeExportFiles(dir, files);
        expect(written).toEqual(files.map((f) => join(dir, f.name)));
        for (const file of files) expect(readFileSync(join(dir, file.name), 'utf8')).toBe(file.content);
        // These contents carry no seal, so their hashes went to the ledger.
        expect(readdirSync(dir).sort()).toEqual([HASH_LEDGER, ...files.map((f) => f.name)].sort());
    });

    it('replaces what an earlier export wrote', async () => {
        const dir = freshDir();
        await writeExportFiles(dir, files);
        await writeExportFiles(dir, [{ name: 'rules.json', content: 'second\n' }]);
        expect(readFileSync(join(dir, 'rules.json'), 'utf8')).toBe('second\n');
        expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });

    it.each([['../x'], ['a/b'], ['a\\b'], ['.'], ['..'], [''], ['rules\0.json'], ['/etc/passwd'], ['rules .json']])(
        'refuses the name %j and writes nothing',
        async (name) => {
            const dir = freshPath();
            const error = await refusal(writeExportFiles(dir, [{ name, content: 'x' }]));
            expect(error.message).toContain('plain file name');
            expect(existsSync(dir)).toBe(false);
            expect(existsSync(join(scratch, 'x'))).toBe(false);
        },
    );

    it.each([['.hidden'], ['NUL'], ['nul.txt'], ['CON.ps1'], ['com1.csv'], ['LPT9'], ['aux'], ['rules.'], [`${'a'.repeat(256)}`]])(
        'refuses the name %j, which Windows or the writer itself would read differently, and writes nothing',
        async (name) => {
            const dir = freshPath();
            const error = await refusal(writeExportFiles(dir, [files[0], { name, content: 'x' }]));
            expect(error.message).toMatch(/refusing to write .*(dot|Windows reserves|at most 255)/);
            expect(existsSync(dir)).toBe(false);
        },
    );

    it('refuses the same name twice', async () => {
        const dir = freshPath();
        const error = await refusal(writeExportFiles(dir, [files[0], files[0]]));
        expect(error.message).toContain('twice');
        expect(existsSync(dir)).toBe(false);
        // Windows and macOS would make one file of names that differ in case only.
        expect((await refusal(writeExportFiles(dir, [files[0], { ...files[0], name: 'Rules.JSON' }]))).message).toContain('twice');
    });

    it('writes into the folder a path with .. names, and nowhere else', async () => {
        const base = freshDir();
        mkdirSync(join(base, 'a'));
        const written = await writeExportFiles(join(base, 'a', '..', 'b'), files);
        expect(written).toEqual(files.map((f) => join(base, 'b', f.name)));
        expect(readdirSync(base).sort()).toEqual(['a', 'b']);
        expect(readdirSync(join(base, 'a'))).toEqual([]);
    });

    it('refuses a hash ledger that is a symbolic link or a folder, leaving what it points to untouched', async () => {
        const outside = join(freshDir(), 'precious.txt');
        writeFileSync(outside, 'keep me');
        const dir = freshDir();
        symlinkSync(outside, join(dir, HASH_LEDGER));
        const error = await refusal(writeExportFiles(dir, files));
        expect(error.message).toContain(`refusing to use ${HASH_LEDGER}`);
        expect(readFileSync(outside, 'utf8')).toBe('keep me');
        expect(readdirSync(dir)).toEqual([HASH_LEDGER]);
        const other = freshDir();
        mkdirSync(join(other, HASH_LEDGER));
        await refusal(writeExportFiles(other, files));
        expect(readdirSync(other)).toEqual([HASH_LEDGER]);
    });

    it('replaces a target that is a hard link without writing through it', async () => {
        const outside = join(freshDir(), 'precious.json');
        writeFileSync(outside, 'keep me');
        const dir = freshDir();
        linkSync(outside, join(dir, 'rules.json'));
        // Not sfbtopo's content: refused without force, and with force the link is replaced, not written through.
        await expect(writeExportFiles(dir, [files[0]])).rejects.toThrow(/not written by sfbtopo: rules\.json/);
        await writeExportFiles(dir, [files[0]], { force: true });
        expect(readFileSync(outside, 'utf8')).toBe('keep me');
        expect(readFileSync(join(dir, 'rules.json'), 'utf8')).toBe(files[0].content);
    });

    it('refuses an output folder that is a symbolic link, writing nothing on either side', async () => {
        const outside = freshDir();
        const parent = freshDir();
        const link = join(parent, 'rules');
        symlinkSync(outside, link);
        const error = await refusal(writeExportFiles(link, files));
        expect(error.message).toBe(`the output folder ${link} is a symbolic link; give the real folder`);
        expect(readdirSync(outside)).toEqual([]);
        expect(readdirSync(parent)).toEqual(['rules']);
    });

    it('refuses a target that is a symbolic link to a file outside, leaving that file untouched', async () => {
        const outside = join(freshDir(), 'precious.txt');
        writeFileSync(outside, 'keep me');
        const dir = freshDir();
        symlinkSync(outside, join(dir, 'rules.csv'));
        const error = await refusal(writeExportFiles(dir, files));
        expect(error.message).toContain('rules.csv');
        expect(error.message).toContain('symbolic link');
        expect(readFileSync(outside, 'utf8')).toBe('keep me');
        // Validated before writing: the other files were not written either.
        expect(readdirSync(dir)).toEqual(['rules.csv']);
    });

    it('refuses a target that is a folder', async () => {
        const dir = freshDir();
        mkdirSync(join(dir, 'rules.json'));
        const error = await refusal(writeExportFiles(dir, files));
        expect(error.message).toContain('rules.json');
        expect(readdirSync(dir)).toEqual(['rules.json']);
    });

    it('refuses an output path that is a file', async () => {
        const path = freshPath();
        writeFileSync(path, 'not a folder');
        const error = await refusal(writeExportFiles(path, files));
        expect(error.message).toContain('is not a folder');
        expect(readFileSync(path, 'utf8')).toBe('not a folder');
    });

    it('writes nothing when a name in the middle of the list is refused (all are checked first)', async () => {
        const dir = freshDir();
        const list = [files[0], { name: '../escape.txt', content: 'x' }, files[1]];
        await refusal(writeExportFiles(dir, list));
        expect(readdirSync(dir)).toEqual([]);
        expect(existsSync(join(scratch, 'escape.txt'))).toBe(false);
    });

    it('replaces a pre-existing read-only file (exporting again replaces the old rules)', async () => {
        const dir = freshDir();
        const old = join(dir, 'rules.json');
        writeFileSync(old, 'old rules');
        chmodSync(old, 0o444);
        await writeExportFiles(dir, [files[0]], { force: true }); // not sfbtopo's file: only with force
        expect(readFileSync(old, 'utf8')).toBe(files[0].content);
        expect(statSync(old).mode & 0o200).not.toBe(0); // a fresh, writable file
        expect(readdirSync(dir).sort()).toEqual([HASH_LEDGER, 'rules.json']);
    });

    it('fails cleanly in a read-only folder, leaving nothing partial (root writes anyway)', async () => {
        const dir = freshDir();
        writeFileSync(join(dir, 'rules.json'), 'old rules');
        chmodSync(dir, 0o555);
        const root = process.getuid?.() === 0;
        try {
            if (root) {
                // root ignores the folder's permissions, so the export succeeds; everyone else must get a clean refusal.
                await writeExportFiles(dir, files, { force: true });
                expect(readdirSync(dir).sort()).toEqual([HASH_LEDGER, ...files.map((f) => f.name)].sort());
            } else {
                const error = await refusal(writeExportFiles(dir, files, { force: true }));
                expect(error.message).toContain('permission denied');
                expect(readdirSync(dir)).toEqual(['rules.json']);
                expect(readFileSync(join(dir, 'rules.json'), 'utf8')).toBe('old rules');
            }
        } finally {
            chmodSync(dir, 0o755);
        }
    });

    it('removes its temporary files when writing one of them fails, replacing nothing', async () => {
        const dir = freshDir();
        writeFileSync(join(dir, 'rules.json'), 'old rules');
        // A legal 250-character name whose temporary name is longer than file systems allow.
        const long = `${'a'.repeat(246)}.txt`;
        const error = await refusal(writeExportFiles(dir, [files[0], { name: long, content: 'x' }], { force: true }));
        expect(error.message).toContain(long);
        expect(readdirSync(dir)).toEqual(['rules.json']);
        expect(readFileSync(join(dir, 'rules.json'), 'utf8')).toBe('old rules');
    });

    it('writes many files in the export\'s order, and leaves no temporary file when one in the middle fails', async () => {
        const dir = freshDir();
        const many = Array.from({ length: 40 }, (_, n) => ({ name: `host-${String(n).padStart(2, '0')}.ps1`, content: `# host ${n}\n`.repeat(200) }));
        expect(await writeExportFiles(dir, many)).toEqual(many.map((f) => join(dir, f.name)));
        for (const file of many) expect(readFileSync(join(dir, file.name), 'utf8')).toBe(file.content);

        const failing = freshDir();
        writeFileSync(join(failing, 'rules.json'), 'old rules');
        const broken = [...many.slice(0, 20), { name: `${'a'.repeat(246)}.txt`, content: 'x' }, ...many.slice(20)];
        await refusal(writeExportFiles(failing, broken, { force: true }));
        expect(readdirSync(failing)).toEqual(['rules.json']);
    });

    it('replaces a sealed file it wrote that is larger than 64 MB (rules.json of 5,000 pools is 120 MB)', async () => {
        const dir = freshDir();
        const large = (tag: string) => ({ name: 'rules.json', content: sealContent(`{\n  "tag": "${tag}",\n  "pad": "${'x'.repeat(70 * 1024 * 1024)}"\n}\n`, 'json-field') });
        await writeExportFiles(dir, [large('first')]);
        await writeExportFiles(dir, [large('second')]);
        expect(readFileSync(join(dir, 'rules.json'), 'utf8').slice(0, 120)).toContain('"tag": "second"');
    });

    it('fails cleanly when the folder cannot be created', async () => {
        const blocker = freshPath();
        writeFileSync(blocker, '');
        const error = await refusal(writeExportFiles(join(blocker, 'rules'), files));
        expect(error.message).toMatch(/^cannot (use|create) the output folder .*rules: a part of the path is not a folder$/);
    });
});
