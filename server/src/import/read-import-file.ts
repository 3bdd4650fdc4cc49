import { readFileSync, statSync } from 'node:fs';
import type { Bilingual } from '../catalogue/types.js';
import { describeFileError } from '../cli/read-topology-file.js';
import { oversizeMessage, XML_MAX_BYTES } from './read-xml.js';

export type ImportFileRead = { ok: true; bytes: Buffer } | { ok: false; message: Bilingual };

/** A file's bytes for the import; a folder, an unreadable file or one over the size limit (not read at all) is one sentence instead. */
export function readImportFile(path: string): ImportFileRead {
    try {
        const info = statSync(path);
        if (info.isDirectory()) return { ok: false, message: { en: `${path} is a directory; give the path of a file`, ja: `${path} はフォルダーです。ファイルのパスを指定してください` } };
        if (info.size > XML_MAX_BYTES) {
            const { en, ja } = oversizeMessage(info.size);
            return { ok: false, message: { en: `${path}: ${en}`, ja: `${path}: ${ja}` } };
        }
        return { ok: true, bytes: readFileSync(path) };
    } catch (error) {
        // The system's reason stays in English, as the command line gives it elsewhere.
        return { ok: false, message: { en: `cannot read ${path}: ${describeFileError(error)}`, ja: `${path} を読み込めません (${describeFileError(error)})` } };
    }
}
