import { readFileSync, statSync } from 'node:fs';
import { describeFileError } from '../cli/read-topology-file.js';
import { oversizeMessage, XML_MAX_BYTES } from './read-xml.js';

export type ImportFileRead = { ok: true; bytes: Buffer } | { ok: false; message: string };

/** A file's bytes for the import; a folder, an unreadable file or one over the size limit (not read at all) is one sentence instead. */
export function readImportFile(path: string): ImportFileRead {
    try {
        const info = statSync(path);
        if (info.isDirectory()) return { ok: false, message: `${path} is a directory; give the path of a file` };
        if (info.size > XML_MAX_BYTES) return { ok: false, message: `${path}: ${oversizeMessage(info.size)}` };
        return { ok: true, bytes: readFileSync(path) };
    } catch (error) {
        return { ok: false, message: `cannot read ${path}: ${describeFileError(error)}` };
    }
}
