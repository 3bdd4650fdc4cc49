import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { lstat, mkdir, open, readdir, realpath, rename, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describeWriteError } from '../workspace/file-errors.js';
import { checkSeal, contentDigest, isSealed, sha256Hex } from './content-hash.js';
import { eachInParallel } from './each-in-parallel.js';
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

/** Device names Windows reserves whatever the extension (`NUL.txt` is the null device too). */
const WINDOWS_RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?$/i;

/** File systems allow 255 bytes per name; the names are ASCII. */
const NAME_MAX = 255;

/**
 * The ledger of files whose format has no room for a seal (CSV): one line per file
 * written, `<hash>  <name>` (the layout of `sha256sum`; the hash is contentDigest's,
 * which reads CRLF as LF), appended before the file is renamed into place. See
 * {@link writeExportFiles}.
 */
export const HASH_LEDGER = '.sfbtopo-export.sha256';

/** Past this many lines the ledger is rewritten, keeping the most recent hashes of each name. */
const LEDGER_MAX_LINES = 256;
const LEDGER_KEEP_PER_NAME = 16;

/**
 * Existing files larger than this are not read to check them. sfbtopo's largest file,
 * `rules.json`, is 120 MB for 5,000 pools (the limit was 64 MB, and exporting such a
 * topology again was refused); a larger text would come near the longest string V8 makes.
 */
const CHECK_MAX_BYTES = 256 * 1024 * 1024;

/**
 * How many files are checked, read or written at once. Each written file is synced to disk,
 * and one at a time most of an export's time went into waiting for that: on a 2-core test
 * machine, 926 files of 8 KB took 0.6 s to write and sync one by one, 0.25 s eight at a time.
 */
const FILES_AT_ONCE = 8;

/** Another computer's temporary file is left alone unless it is older than this. */
const FOREIGN_TEMP_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Marks temporary files with the computer that made them, so a stale one can be told from a live one. */
const HOST_TAG = sha256Hex(hostname()).slice(0, 8);

/** `.<name>.<host tag>-<pid>-<random>.tmp`. */
const TEMP_NAME = /^\..+\.([0-9a-f]{8})-([0-9]+)-[0-9a-f]{12}\.tmp$/;

/** Opening never follows a symbolic link where the platform can refuse one (not on Windows). */
const NO_FOLLOW = fsConstants.O_NOFOLLOW ?? 0;

export interface WriteOptions {
    /** Overwrite files changed by hand since sfbtopo wrote them, and files sfbtopo did not write. */
    force?: boolean;
}

/**
 * The export would overwrite files that are not what sfbtopo last wrote there: nothing
 * was written. `handEdited` were written by sfbtopo and changed since; `notGenerated`
 * carry no sfbtopo seal and are not in the ledger.
 */
export class ExportOverwriteError extends ExportWriteError {
    constructor(
        readonly outDir: string,
        readonly handEdited: string[],
        readonly notGenerated: string[],
    ) {
        const parts = [
            ...(handEdited.length > 0 ? [`changed since sfbtopo wrote ${handEdited.length === 1 ? 'it' : 'them'}: ${handEdited.join(', ')}`] : []),
            ...(notGenerated.length > 0 ? [`not written by sfbtopo: ${notGenerated.join(', ')}`] : []),
        ];
        super(`refusing to overwrite files in ${outDir} (${parts.join('; ')}); nothing was written`, outDir);
        this.name = 'ExportOverwriteError';
    }

    /** Every file the refusal is about, in the order of the export. */
    get files(): string[] {
        return [...this.handEdited, ...this.notGenerated];
    }
}

/**
 * Writes generated files into `outDir`, only inside it, each one atomically.
 *
 * - `outDir` is created if missing. If it exists as a symbolic link it is refused
 *   ("give the real folder"): a link may point anywhere, and the rules must land in
 *   the folder the administrator named. Only `outDir` itself is checked, not its
 *   ancestors (on some systems `/tmp` itself is a link).
 * - Every name must be a plain file name (`[A-Za-z0-9._-]+`, not starting with a dot,
 *   at most 255 characters, not a reserved Windows device name such as `NUL.txt`), and
 *   appear once, regardless of letter case. A target that exists as a symbolic link, a
 *   folder or anything but a regular file is refused: a link is never followed out of
 *   the folder.
 * - An existing regular file is replaced only when sfbtopo wrote it and nobody changed it
 *   since: its seal (content-hash.ts) still matches its content, or, for a format without
 *   a seal (CSV), its hash is in the ledger {@link HASH_LEDGER}. Otherwise the export is
 *   refused with {@link ExportOverwriteError} naming the files, unless `force`. A file
 *   identical to the new one is always replaced. The replacement gets mode 0644 (less the
 *   umask), even over a read-only file.
 * - All names, targets and existing contents are checked before anything is written, so
 *   a refusal writes nothing (at most the output folder has been created).
 * - Each file is first written in full to `.<name>.<host>-<pid>-<random>.tmp` in the same
 *   folder (created exclusively, then fsync'd); then the hashes of the unsealed files are
 *   appended to the ledger; only then are the temporary files renamed over their targets.
 *   So at any moment each target holds its old or its new content, whole, and every
 *   content sfbtopo put there is known to the next export, even when the process is
 *   killed, or two exports run into one folder at once. Any failure removes the temporary
 *   files not yet renamed; a failure during the renames (rare: the folder was writable a
 *   moment before) leaves the files already renamed in place, complete and new.
 * - Temporary files that a killed export left behind (this computer, a process that no
 *   longer runs; another computer's after a day) are removed first.
 *
 * Returns the absolute paths written, inside the real path of `outDir`.
 * Throws {@link ExportWriteError} for every refusal and file-system failure.
 */
export async function writeExportFiles(outDir: string, files: ExportFile[], options: WriteOptions = {}): Promise<string[]> {
    const seen = new Set<string>();
    for (const { name } of files) {
        checkName(name);
        if (seen.has(name.toLowerCase())) throw new ExportWriteError(`refusing to write ${name} twice in one export`, name);
        seen.add(name.toLowerCase());
    }

    await refuseSymlinkedFolder(outDir);
    try {
        await mkdir(outDir, { recursive: true });
    } catch (error) {
        throw new ExportWriteError(`cannot create the output folder ${outDir}: ${describeWriteError(error)}`, outDir, { cause: error });
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
        throw new ExportWriteError(`cannot use the output folder ${outDir}: ${describeWriteError(error)}`, outDir, { cause: error });
    }

    await removeStaleTemps(realOut);
    const targets = files.map((file) => ({ ...file, path: join(realOut, file.name) }));
    const exists: boolean[] = [];
    await eachInParallel(targets, FILES_AT_ONCE, async (target, index) => {
        exists[index] = await checkTarget(target.path, target.name, outDir);
    });
    const existing = targets.filter((_target, index) => exists[index]);
    const ledgerPath = join(realOut, HASH_LEDGER);
    if (!options.force && existing.length > 0) {
        const olds: Array<(typeof existing)[number] & { old: Buffer }> = [];
        await eachInParallel(existing, FILES_AT_ONCE, async (target, index) => {
            olds[index] = { ...target, old: await readExisting(target.path, target.name, outDir) };
        });
        // The ledger is read after the files: an export running meanwhile records a hash before its rename.
        const ledger = await readLedger(ledgerPath, outDir);
        const handEdited: string[] = [];
        const notGenerated: string[] = [];
        for (const { name, content, old } of olds) {
            const origin = originOf(name, old, content, ledger);
            if (origin === 'hand-edited') handEdited.push(name);
            if (origin === 'not-generated') notGenerated.push(name);
        }
        if (handEdited.length > 0 || notGenerated.length > 0) throw new ExportOverwriteError(outDir, handEdited, notGenerated);
    }

    // In the targets' order, so that the renames (and the paths returned) follow the export's order.
    let pending: Array<{ temp: string; path: string }> = [];
    try {
        await eachInParallel(targets, FILES_AT_ONCE, async (target, index) => {
            const temp = join(realOut, `.${target.name}.${HOST_TAG}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
            await writeTemp(temp, target.content, target.name, outDir);
            pending[index] = { temp, path: target.path };
        });
        const unsealed = targets.filter((target) => !isSealed(target.content));
        if (unsealed.length > 0) await appendToLedger(ledgerPath, realOut, unsealed, outDir);
        const written: string[] = [];
        while (pending.length > 0) {
            const { temp, path } = pending[0];
            try {
                await rename(temp, path);
            } catch (error) {
                throw new ExportWriteError(`cannot replace ${path}: ${describeWriteError(error)}`, path, { cause: error });
            }
            pending.shift();
            written.push(path);
        }
        await syncFolder(realOut);
        return written;
    } finally {
        pending = pending.filter((written) => written !== undefined); // after a failed write, the ones that were made
        await Promise.all(pending.map(({ temp }) => rm(temp, { force: true }).catch(() => undefined)));
    }
}

type Origin = 'generated' | 'hand-edited' | 'not-generated';

/** Whether an existing file is what sfbtopo wrote (or the same as the new content). */
function originOf(name: string, old: Buffer, content: string, ledger: Map<string, Set<string>>): Origin {
    if (old.equals(Buffer.from(content, 'utf8'))) return 'generated';
    const seal = checkSeal(old.toString('utf8'));
    if (seal.sealed) return seal.intact ? 'generated' : 'hand-edited';
    const known = ledger.get(name);
    if (known && known.size > 0) return known.has(contentDigest(old.toString('utf8'))) ? 'generated' : 'hand-edited';
    return 'not-generated';
}

function checkName(name: string): void {
    if (!PLAIN_NAME.test(name) || name === '.' || name === '..') {
        throw new ExportWriteError(
            `refusing to write ${JSON.stringify(name)}: an exported file must be a plain file name (letters, digits, '.', '_', '-'), not a path`,
            name,
        );
    }
    if (name.startsWith('.')) {
        throw new ExportWriteError(`refusing to write ${name}: names starting with a dot are the writer's own (temporary files, the hash ledger)`, name);
    }
    if (name.length > NAME_MAX) {
        throw new ExportWriteError(`refusing to write ${name.slice(0, 40)}…: a file name has at most ${NAME_MAX} characters`, name);
    }
    if (WINDOWS_RESERVED.test(name) || name.endsWith('.')) {
        throw new ExportWriteError(`refusing to write ${name}: Windows reserves that name (or cannot keep its trailing dot)`, name);
    }
}

async function refuseSymlinkedFolder(outDir: string): Promise<void> {
    let info;
    try {
        info = await lstat(outDir);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // created next
        throw new ExportWriteError(`cannot use the output folder ${outDir}: ${describeWriteError(error)}`, outDir, { cause: error });
    }
    if (info.isSymbolicLink()) {
        throw new ExportWriteError(`the output folder ${outDir} is a symbolic link; give the real folder`, outDir);
    }
    if (!info.isDirectory()) {
        throw new ExportWriteError(`the output folder ${outDir} exists and is not a folder`, outDir);
    }
}

/** Whether the target exists (as a regular file: anything else is refused). */
async function checkTarget(path: string, name: string, outDir: string): Promise<boolean> {
    let info;
    try {
        info = await lstat(path);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw new ExportWriteError(`cannot check ${name} in ${outDir}: ${describeWriteError(error)}`, name, { cause: error });
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
    return true;
}

/** An existing target's bytes, read without following a link; a file too large for sfbtopo to have written reads as empty. */
async function readExisting(path: string, name: string, outDir: string): Promise<Buffer> {
    try {
        const handle = await open(path, fsConstants.O_RDONLY | NO_FOLLOW);
        try {
            const info = await handle.stat();
            if (!info.isFile()) throw new ExportWriteError(`refusing to write ${name}: it exists in ${outDir} and is not a regular file`, name);
            return info.size > CHECK_MAX_BYTES ? Buffer.alloc(0) : await handle.readFile();
        } finally {
            await handle.close();
        }
    } catch (error) {
        if (error instanceof ExportWriteError) throw error;
        throw new ExportWriteError(`cannot check ${name} in ${outDir}: ${describeWriteError(error)}`, name, { cause: error });
    }
}

const LEDGER_LINE = /^([0-9a-f]{64}) {2}([A-Za-z0-9._-]+)$/;

/** The ledger's hashes by file name, oldest first; empty when there is none. A torn last line (a killed export) is ignored. */
async function readLedger(path: string, outDir: string): Promise<Map<string, Set<string>>> {
    const ledger = new Map<string, Set<string>>();
    for (const [hash, name] of await ledgerEntries(path, outDir)) {
        const hashes = ledger.get(name) ?? new Set<string>();
        hashes.add(hash);
        ledger.set(name, hashes);
    }
    return ledger;
}

async function ledgerEntries(path: string, outDir: string): Promise<Array<[hash: string, name: string]>> {
    if (!(await checkLedger(path, outDir))) return [];
    let text: string;
    try {
        const handle = await open(path, fsConstants.O_RDONLY | NO_FOLLOW);
        try {
            text = await handle.readFile('utf8');
        } finally {
            await handle.close();
        }
    } catch (error) {
        throw new ExportWriteError(`cannot read ${HASH_LEDGER} in ${outDir}: ${describeWriteError(error)}`, HASH_LEDGER, { cause: error });
    }
    return text.split(/\r?\n/).flatMap((line) => {
        const match = LEDGER_LINE.exec(line);
        return match ? [[match[1], match[2]] as [string, string]] : [];
    });
}

/** Whether the ledger exists; refuses one that is a link or not a regular file. */
async function checkLedger(path: string, outDir: string): Promise<boolean> {
    let info;
    try {
        info = await lstat(path);
    } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw new ExportWriteError(`cannot check ${HASH_LEDGER} in ${outDir}: ${describeWriteError(error)}`, HASH_LEDGER, { cause: error });
    }
    if (!info.isFile() || info.isSymbolicLink()) {
        throw new ExportWriteError(`refusing to use ${HASH_LEDGER} in ${outDir}: it is not a regular file; remove it and export again`, HASH_LEDGER);
    }
    return true;
}

/**
 * Appends the files' hashes to the ledger (one write, then fsync), starting a new line
 * if a killed export left a torn one; a hash that is already its name's latest entry is
 * not repeated. Rewrites the ledger, keeping the latest hashes of each name, when it has
 * grown long.
 */
async function appendToLedger(path: string, folder: string, files: ExportFile[], outDir: string): Promise<void> {
    const latest = new Map((await ledgerEntries(path, outDir)).map(([hash, name]) => [name, hash]));
    const lines = files
        .map((file) => ({ name: file.name, hash: contentDigest(file.content) }))
        .filter(({ name, hash }) => latest.get(name) !== hash)
        .map(({ name, hash }) => `${hash}  ${name}\n`)
        .join('');
    if (lines === '') return;
    let size: number;
    try {
        const handle = await open(path, fsConstants.O_RDWR | fsConstants.O_APPEND | fsConstants.O_CREAT | NO_FOLLOW, 0o644);
        try {
            const info = await handle.stat();
            if (!info.isFile()) throw new ExportWriteError(`refusing to use ${HASH_LEDGER} in ${outDir}: it is not a regular file`, HASH_LEDGER);
            let torn = false;
            if (info.size > 0) {
                const last = Buffer.alloc(1);
                await handle.read(last, 0, 1, info.size - 1);
                torn = last[0] !== 0x0a;
            }
            await handle.write(`${torn ? '\n' : ''}${lines}`);
            await handle.sync();
            size = info.size;
        } finally {
            await handle.close();
        }
    } catch (error) {
        if (error instanceof ExportWriteError) throw error;
        throw new ExportWriteError(`cannot record the hashes in ${HASH_LEDGER} in ${outDir}: ${describeWriteError(error)}`, HASH_LEDGER, { cause: error });
    }
    if (size > LEDGER_MAX_LINES * 80) await compactLedger(path, folder, outDir);
}

/** Rewrites a long ledger (atomically) with the latest hashes of each name, in their order. */
async function compactLedger(path: string, folder: string, outDir: string): Promise<void> {
    const entries = await ledgerEntries(path, outDir);
    if (entries.length <= LEDGER_MAX_LINES) return;
    const kept: Array<[string, string]> = [];
    const perName = new Map<string, number>();
    for (const entry of [...entries].reverse()) {
        const key = `${entry[0]} ${entry[1]}`;
        const count = perName.get(entry[1]) ?? 0;
        if (count >= LEDGER_KEEP_PER_NAME || kept.some((k) => `${k[0]} ${k[1]}` === key)) continue;
        perName.set(entry[1], count + 1);
        kept.push(entry);
    }
    const temp = join(folder, `.${HASH_LEDGER}.${HOST_TAG}-${process.pid}-${randomBytes(6).toString('hex')}.tmp`);
    await writeTemp(temp, kept.reverse().map(([hash, name]) => `${hash}  ${name}\n`).join(''), HASH_LEDGER, outDir);
    try {
        await rename(temp, path);
    } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw new ExportWriteError(`cannot rewrite ${HASH_LEDGER} in ${outDir}: ${describeWriteError(error)}`, HASH_LEDGER, { cause: error });
    }
}

/**
 * Removes the temporary files of exports that were killed (best effort): made on this
 * computer by a process that no longer runs, or on another computer over a day ago.
 * Only regular files named like the writer's temporary files are touched.
 */
async function removeStaleTemps(folder: string): Promise<void> {
    let names: string[];
    try {
        names = await readdir(folder);
    } catch {
        return;
    }
    await Promise.all(
        names.map(async (name) => {
            const match = TEMP_NAME.exec(name);
            if (!match) return;
            const [, host, pidText] = match;
            const pid = Number(pidText);
            try {
                const info = await lstat(join(folder, name));
                if (!info.isFile()) return;
                const stale = host === HOST_TAG ? pid !== process.pid && !processRuns(pid) : Date.now() - info.mtimeMs > FOREIGN_TEMP_MAX_AGE_MS;
                if (stale) await rm(join(folder, name), { force: true });
            } catch {
                // Gone meanwhile, or not ours to remove: the export goes on.
            }
        }),
    );
}

function processRuns(pid: number): boolean {
    if (!Number.isSafeInteger(pid) || pid <= 0) return false;
    try {
        process.kill(pid, 0);
        return true;
    } catch (error) {
        return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
}

/** Writes one temporary file exclusively (never through an existing link) and durably; removes it on failure. */
async function writeTemp(temp: string, content: string, name: string, outDir: string): Promise<void> {
    let handle;
    try {
        handle = await open(temp, 'wx', 0o644);
    } catch (error) {
        throw new ExportWriteError(`cannot write ${name} in ${outDir}: ${describeWriteError(error)}`, name, { cause: error });
    }
    try {
        await handle.writeFile(content, 'utf8');
        await handle.sync();
    } catch (error) {
        await handle.close().catch(() => undefined);
        await rm(temp, { force: true }).catch(() => undefined);
        throw new ExportWriteError(`cannot write ${name} in ${outDir}: ${describeWriteError(error)}`, name, { cause: error });
    }
    try {
        await handle.close();
    } catch (error) {
        await rm(temp, { force: true }).catch(() => undefined);
        throw new ExportWriteError(`cannot write ${name} in ${outDir}: ${describeWriteError(error)}`, name, { cause: error });
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
