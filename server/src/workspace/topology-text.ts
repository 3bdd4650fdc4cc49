import { TextDecoder } from 'node:util';

/**
 * The encodings a topology file may be saved in: UTF-8, with or without a byte order mark,
 * and UTF-16 with one, which is what Windows PowerShell 5.1 writes (`Out-File`, `>`).
 * Without a byte order mark there is no telling UTF-16 from other bytes, so it is not guessed.
 */
export type TopologyEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DecodedTopology =
    | { ok: true; text: string; encoding: TopologyEncoding }
    /** A NUL byte in a file without a UTF-16 byte order mark: not text, or UTF-16 without its mark. */
    | { ok: false; problem: 'nul-byte'; offset: number }
    /** Bytes that are not valid in the encoding the file's start announces (UTF-8 without a mark). */
    | { ok: false; problem: 'invalid'; encoding: TopologyEncoding };

const decoders = new Map<TopologyEncoding, TextDecoder>();

/** Decodes a topology file's bytes; the byte order mark is not part of the text. */
export function decodeTopology(bytes: Uint8Array): DecodedTopology {
    const encoding = byteOrderMark(bytes);
    if (encoding === undefined) {
        const nul = bytes.indexOf(0);
        if (nul >= 0) return { ok: false, problem: 'nul-byte', offset: nul };
    }
    const used = encoding ?? 'utf-8';
    let decoder = decoders.get(used);
    if (!decoder) decoders.set(used, (decoder = new TextDecoder(used, { fatal: true })));
    try {
        // TextDecoder drops the byte order mark of its own encoding.
        return { ok: true, text: decoder.decode(bytes), encoding: used };
    } catch {
        return { ok: false, problem: 'invalid', encoding: used };
    }
}

function byteOrderMark(bytes: Uint8Array): TopologyEncoding | undefined {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
    return undefined;
}
