import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWriteError, writeOneFile } from '../../server/src/workspace/write-one-file.js';

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-write-map-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const fresh = () => join(scratch, `case${++counter}`);

describe('writing one file atomically (map, import)', () => {
    it('creates the folder, writes the file and leaves no temporary file', async () => {
        const dir = fresh();
        const written = await writeOneFile(join(dir, 'docs', 'Topology map.svg'), '<svg/>');
        expect(written).toBe(join(dir, 'docs', 'Topology map.svg'));
        expect(readFileSync(written, 'utf8')).toBe('<svg/>');
        expect(readdirSync(join(dir, 'docs'))).toEqual(['Topology map.svg']);
    });

    it('replaces an existing file', async () => {
        const dir = fresh();
        mkdirSync(dir);
        writeFileSync(join(dir, 'map.svg'), 'old');
        await writeOneFile(join(dir, 'map.svg'), 'new');
        expect(readFileSync(join(dir, 'map.svg'), 'utf8')).toBe('new');
        expect(readdirSync(dir)).toEqual(['map.svg']);
    });

    it('refuses a symbolic link and a folder, writing nothing', async () => {
        const dir = fresh();
        mkdirSync(dir);
        writeFileSync(join(dir, 'elsewhere.txt'), 'keep');
        symlinkSync(join(dir, 'elsewhere.txt'), join(dir, 'link.svg'));
        mkdirSync(join(dir, 'folder.svg'));
        await expect(writeOneFile(join(dir, 'link.svg'), 'x')).rejects.toThrow(FileWriteError);
        await expect(writeOneFile(join(dir, 'link.svg'), 'x')).rejects.toThrow(/symbolic link/);
        await expect(writeOneFile(join(dir, 'folder.svg'), 'x')).rejects.toThrow(/is a folder/);
        expect(readFileSync(join(dir, 'elsewhere.txt'), 'utf8')).toBe('keep');
        expect(readdirSync(dir).sort()).toEqual(['elsewhere.txt', 'folder.svg', 'link.svg']);
        expect(existsSync(join(dir, 'folder.svg', 'x'))).toBe(false);
    });
});
