import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeWriteError } from './file-errors.js';

/** Why a file could not be written, in one sentence (no stack trace needed). */
export class FileWriteError extends Error {
    constructor(message: string, options?: { cause?: unknown }) {
        super(message, options);
        this.name = 'FileWriteError';
    }
}

/**
 * Writes one file atomically: in full to `.<name>.<random>.tmp` beside the target
 * (created exclusively, then fsync'd), then renamed over it, so the target always holds
 * the old content or the new one, whole. The folder is created if missing. A target that
 * is a folder, a symbolic link or anything but a regular file is refused (a link is not
 * followed); an existing regular file is replaced.
 *
 * The rule export's writer (export/write-files.ts) guards a folder of generated rules
 * (plain names, seals, a hash ledger); a map or an imported topology is one file the user
 * names anywhere, so it is written here instead. Returns the absolute path written.
 */
export async function writeOneFile(path: string, content: string): Promise<string> {
    const target = resolve(path);
    const folder = dirname(target);
    const name = basename(target);
    try {
        await mkdir(folder, { recursive: true });
    } catch (error) {
        throw new FileWriteError(`cannot create the folder ${folder}: ${describeWriteError(error)}`, { cause: error });
    }
    let info;
    try {
        info = await lstat(target);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new FileWriteError(`cannot write ${path}: ${describeWriteError(error)}`, { cause: error });
    }
    if (info?.isSymbolicLink()) throw new FileWriteError(`refusing to write ${path}: it is a symbolic link; give the real file`);
    if (info?.isDirectory()) throw new FileWriteError(`refusing to write ${path}: it is a folder`);
    if (info && !info.isFile()) throw new FileWriteError(`refusing to write ${path}: it is not a regular file`);

    const temp = join(folder, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    let handle;
    try {
        handle = await open(temp, 'wx', 0o644);
    } catch (error) {
        throw new FileWriteError(`cannot write ${path}: ${describeWriteError(error)}`, { cause: error });
    }
    try {
        try {
            await handle.writeFile(content, 'utf8');
            await handle.sync();
        } finally {
            await handle.close();
        }
        await rename(temp, target);
    } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw new FileWriteError(`cannot write ${path}: ${describeWriteError(error)}`, { cause: error });
    }
    return target;
}
