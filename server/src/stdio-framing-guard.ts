/**
 * Over stdio every LSP message is framed by a `Content-Length` header. When a client sends
 * a header without a usable one, vscode-jsonrpc reports the error and drops the header,
 * then reads every later message from the wrong offset: the server stays alive but never
 * understands its client again, and the editor waits forever. This watches the same bytes
 * and ends the process instead (exit code 1, a line on stderr), so that the client sees the
 * server go and can start a new one.
 */
export function exitOnBrokenFraming(input: NodeJS.ReadableStream, exit: (message: string) => void = exitProcess): void {
    /** Header bytes read so far, as Latin-1 (headers are ASCII). */
    let header = '';
    /** Body bytes still to skip before the next header. */
    let body = 0;
    let broken = false;
    input.on('data', (chunk: Buffer | string) => {
        let bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        while (!broken && bytes.length > 0) {
            if (body > 0) {
                const skipped = Math.min(body, bytes.length);
                body -= skipped;
                bytes = bytes.subarray(skipped);
                continue;
            }
            const searchFrom = Math.max(0, header.length - 3);
            header += bytes.toString('latin1');
            const end = header.indexOf('\r\n\r\n', searchFrom);
            if (end < 0) {
                if (header.length > MAX_HEADER) fail(`a message header is longer than ${MAX_HEADER} bytes`);
                return;
            }
            const length = contentLength(header.slice(0, end));
            if (length === undefined) {
                fail(`a message header has no usable Content-Length: ${JSON.stringify(header.slice(0, Math.min(end, 200)))}`);
                return;
            }
            // What follows the header in this chunk belongs to the body (and maybe further messages).
            const consumed = end + 4 - (header.length - bytes.length);
            bytes = bytes.subarray(consumed);
            header = '';
            body = length;
        }
    });

    function fail(reason: string): void {
        broken = true;
        exit(`sfbtopo: ${reason}; the LSP stream cannot be read any further, so the language server exits.`);
    }
}

/** Longer than any real header (`Content-Length` and `Content-Type`). */
const MAX_HEADER = 8 * 1024;

/** The Content-Length of a header block, as vscode-jsonrpc reads it; undefined if it would fail. */
function contentLength(block: string): number | undefined {
    let length: number | undefined;
    for (const line of block.split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon < 0) return undefined;
        if (line.slice(0, colon).trim().toLowerCase() === 'content-length') length = Number.parseInt(line.slice(colon + 1).trim(), 10);
    }
    return length !== undefined && Number.isInteger(length) && length >= 0 ? length : undefined;
}

function exitProcess(message: string): void {
    process.stderr.write(`${message}\n`);
    process.exit(1);
}
