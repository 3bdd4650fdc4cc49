import { readFile, stat } from 'node:fs/promises';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a topology file for the command line, turning every way a file can be
 * unusable into one sentence for the administrator instead of a stack trace.
 */
export async function readTopologyFile(path: string): Promise<ReadResult> {
    let bytes: Buffer;
    try {
        const info = await stat(path);
        if (info.isDirectory()) {
            return { ok: false, message: `${path} is a directory; give the path of a .sfbtopo file` };
        }
        if (!info.isFile()) {
            return { ok: false, message: `${path} is not a regular file` };
        }
        bytes = await readFile(path);
    } catch (error) {
        return { ok: false, message: `cannot read ${path}: ${describeFileError(error)}` };
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
        return { ok: false, message: `${path} is not a text file (byte ${nul} is NUL); a topology is UTF-8 text` };
    }
    let text: string;
    try {
        text = utf8.decode(bytes);
    } catch {
        return { ok: false, message: `${path} is not valid UTF-8 text; save it as UTF-8` };
    }
    if (text.startsWith('\uFEFF')) {
        text = text.slice(1);
    }
    if (text.trim().length === 0) {
        return { ok: false, message: `${path} is empty; a topology file starts with \`topology NAME\`` };
    }
    return { ok: true, text };
}

function describeFileError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    switch (code) {
        case 'ENOENT':
            return 'no such file';
        case 'EACCES':
        case 'EPERM':
            return 'permission denied';
        case 'EISDIR':
            return 'it is a directory';
        default:
            return code ?? String(error);
    }
}
