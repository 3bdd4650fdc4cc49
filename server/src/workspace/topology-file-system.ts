import { NodeFileSystemProvider } from 'langium/node';
import type { URI } from 'langium';
import { decodeTopology } from './topology-text.js';

const lenient = new TextDecoder('utf-8');

/**
 * Langium's file system, reading files in the encodings the command line reads (see
 * topology-text.ts) instead of as UTF-8 only: the workspace scan and files changed on
 * disk then give the same text as `sfbtopo validate`. Bytes that are in none of them
 * are read as UTF-8 with replacement characters, as before, so that the scan goes on
 * and the file's parse errors show where it went wrong.
 */
export class TopologyFileSystemProvider extends NodeFileSystemProvider {
    override async readFile(uri: URI): Promise<string> {
        return textOf(await this.readBinary(uri));
    }

    override readFileSync(uri: URI): string {
        return textOf(this.readBinarySync(uri));
    }
}

function textOf(bytes: Uint8Array): string {
    const decoded = decodeTopology(bytes);
    return decoded.ok ? decoded.text : lenient.decode(bytes);
}

export const TopologyFileSystem = {
    fileSystemProvider: () => new TopologyFileSystemProvider(),
};
