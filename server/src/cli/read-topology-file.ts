import { readFileSync, statSync } from 'node:fs';
import { decodeTopology, type DecodedTopology } from '../workspace/topology-text.js';

export type ReadResult = { ok: true; text: string } | { ok: false; message: string };

/**
 * Reads a topology file for the command line, turning every way a file can be
 * unusable into one sentence for the administrator instead of a stack trace.
 * Synchronously: the command has nothing else to do meanwhile, and the first
 * asynchronous file operation starts Node's thread pool (some 4 ms of a validation).
 */
export function readTopologyFile(path: string): ReadResult {
    let bytes: Buffer;
    try {
        const info = statSync(path);
        if (info.isDirectory()) {
            return { ok: false, message: `${path} is a directory; give the path of a .sfbtopo file` };
        }
        if (!info.isFile()) {
            return { ok: false, message: `${path} is not a regular file` };
        }
        bytes = readFileSync(path);
    } catch (error) {
        return { ok: false, message: `cannot read ${path}: ${describeFileError(error)}` };
    }
    const decoded = decodeTopology(bytes);
    if (!decoded.ok) {
        return { ok: false, message: `${path} ${undecodable(decoded)}` };
    }
    const { text } = decoded;
    if (text.trim().length === 0) {
        return { ok: false, message: `${path} is empty; a topology file starts with \`topology NAME\`` };
    }
    return { ok: true, text };
}

/** Why the bytes are not a topology's text, and what to do about it. */
export function undecodable(decoded: Exclude<DecodedTopology, { ok: true }>): string {
    if (decoded.problem === 'nul-byte') {
        return `is not a text file (byte ${decoded.offset} is NUL); a topology is UTF-8 text, or UTF-16 starting with a byte order mark`;
    }
    return decoded.encoding === 'utf-8'
        ? 'is not valid UTF-8 text; save it as UTF-8'
        : `starts with a ${decoded.encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'} byte order mark but is not valid UTF-16 text; save it as UTF-8`;
}

export function describeFileError(error: unknown): string {
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
