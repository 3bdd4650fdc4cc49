import { randomBytes } from 'node:crypto';
import { lstat, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { ExportFile } from './export-file.js';

/** Why an export could not be written, in one sentence for the administrator (no stack trace needed). */
export class ExportWriteError extends Error {
    constructor(
        message: string,
        /** The file name (or the output folder) the refusal is about. */
        readonly target: string,
        options?: { cause?: unknown },
    ) {
        super(message, options);
        this.name = 'ExportWriteError';
    }
}

/** A plain file name: no folders, no `.`/`..`, nothing a shell or another OS would read differently. */
const PLAIN_NAME = /^[A-Za-z0-9._-]+$/;

/**
 * Writes generated files into `outDir`, only inside it, each one atomically.
 *
 * - `outDir` is created if missing. If it exists as a symbolic link it is refused
 *   ("give the real folder"): a link may point anywhere, and the rules must land in
 *   the folder the administrator named. Only `outDir` itself is checked, not its
 *   ancestors (on some systems `/tmp` itself is a link).
 * - Every name must be a plain file name (`[A-Za-z0-9._-]+`, not `.` or `..`), and
 *   appear once. A target that exists as a symbolic link, a folder or anything but a
 *   regular file is refused: a link is never followed out of the folder. An existing
 *   regular file, even a read-only one, is replaced (that is what exporting again
 *   means); the replacement gets mode 0644 (less the umask).
 * - All names and targets are checked before anything is written, so a refusal writes
 *   nothing (at most the output folder has been created).
 * - Each file is first written in full to `.<name>.<random>.tmp` in the same folder
 *   (created exclusively, then fsync'd); only when every temporary file is written are
 *   they renamed over their targets. Any failure removes the temporary files not yet
 *   renamed; a failure during the renames (rare: the folder was writable a moment
 *   before) leaves the files already renamed in place, complete and new.
 *
 * Returns the absolute paths written, inside the real path of `outDir`.
 * Throws {@link ExportWriteError} for every refusal and file-system failure.
 */
export async function writeExportFiles(outDir: string, files: ExportFile[]): Promise<string[]> {
    const seen = new Set<string>();
    for (const { name } of files) {
        checkName(name);
        if (seen.has(name)) throw new ExportWriteError(`refusing to write ${name} twice in one export`, name);
        seen.add(name);
    }

    await refuseSymlinkedFolder(outDir);
    try {
        await mkdir(outDir, { recursive: true });
    } catch (error) {
        throw new ExportWriteError(`cannot create the output folder ${outDir}: ${describe(error)}`, outDir, { cause: error });
    }
    await refuseSymlinkedFolder(outDir); // again, in case it was swapped meanwhile
    let realOut: string;
    try {
        realOut = await realpath(outDir);
        if (!(await lstat(realOut)).isDirectory()) {
            throw new ExportWriteError(`the output folder ${outDir} is not a folder`, outDir);
        }
    } catch (error) {
        if (error instanceof ExportWriteError) throw error;
        throw new ExportWriteError(`cannot use the output folder ${outDir}: ${describe(error)}`, outDir, { cause: error });
    }

    const targets = files.map((file) => ({ ...file, path: join(realOut, file.name) }));
    for (const target of targets) await checkTarget(target.path, target.name, outDir);

    const pending: Array<{ temp: string; path: string }> = [];
    try {
        for (const target of targets) {
            const temp = join(realOut, `.${target.name}.${randomBytes(6).toString('hex')}.tmp`);
            await writeTemp(temp, target.content, target.name, outDir);
            pending.push({ temp, path: target.path });
        }
        const written: string[] = [];
        while (pending.length > 0) {
            const { temp, path } = pending[0];
            try {
                await rename(temp, path);
            } catch (error) {
                throw new ExportWriteError(`cannot replace ${path}: ${describe(error)}`, path, { cause: error });
            }
            pending.shift();
            written.push(path);
        }
        await syncFolder(realOut);
        return written;
    } finally {
        await Promise.all(pending.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)));
    }
}

function checkName(name: string): void {
    if (!PLAIN_NAME.test(name) || name === '.' || name === '..') {
        throw new ExportWriteError(
            `refusing to write ${JSON.stringify(name)}: an exported file must be a plain file name (letters, digits, '.', '_', '-'), not a path`,
            name,
        );
    }
}

async function refuseSymlinkedFolder(outDir: string): Promise<void> {
    let info;
    try {
        info = await lstat(outDir);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // created next
        throw new ExportWriteError(`cannot use the output folder ${outDir}: ${describe(error)}`, outDir, { cause: error });
    }
    if (info.isSymbolicLink()) {
        throw new ExportWriteError(`the output folder ${outDir} is a symbolic link; give the real folder`, outDir);
    }
    if (!info.isDirectory()) {
        throw new ExportWriteError(`the output folder ${outDir} exists and is not a folder`, outDir);
    }
}

async function checkTarget(path: string, name: string, outDir: string): Promise<void> {
    let info;
    try {
        info = await lstat(path);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw new ExportWriteError(`cannot check ${name} in ${outDir}: ${describe(error)}`, name, { cause: error });
    }
    if (info.isSymbolicLink()) {
        throw new ExportWriteError(`refusing to write ${name}: it exists in ${outDir} as a symbolic link; remove it and export again`, name);
    }
    if (info.isDirectory()) {
        throw new ExportWriteError(`refusing to write ${name}: it exists in ${outDir} as a folder`, name);
    }
    if (!info.isFile()) {
        throw new ExportWriteError(`refusing to write ${name}: it exists in ${outDir} and is not a regular file`, name);
    }
}

/** Writes one temporary file exclusively (never through an existing link) and durably; removes it on failure. */
async function writeTemp(temp: string, content: string, name: string, outDir: string): Promise<void> {
    let handle;
    try {
        handle = await open(temp, 'wx', 0o644);
    } catch (error) {
        throw new ExportWriteError(`cannot write ${name} in ${outDir}: ${describe(error)}`, name, { cause: error });
    }
    try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
    } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(temp, { force: true }).catch(() => undefined);
        throw new ExportWriteError(`cannot write ${name} in ${outDir}: ${describe(error)}`, name, { cause: error });
    }
    try {
        await handle.close();
    } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw new ExportWriteError(`cannot write ${name} in ${outDir}: ${describe(error)}`, name, { cause: error });
    }
}

/** Makes the renames durable where the platform allows fsync on a folder (best effort). */
async function syncFolder(folder: string): Promise<void> {
    try {
        const handle = await open(folder, 'r');
        try {
            await handle.sync();
        } finally {
            await handle.close();
        }
    } catch {
        // Windows and some file systems cannot fsync a folder; the files themselves are synced.
    }
}

function describe(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
        case 'ENOENT':
            return 'no such file or folder';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EROFS':
            return 'read-only file system';
        case 'ENOSPC':
            return 'no space left on the device';
        case 'ENOTDIR':
            return 'a part of the path is not a folder';
        case 'EEXIST':
            return 'it already exists';
        default:
            return code ?? (error instanceof Error ? error.message : String(error));
    }
}
