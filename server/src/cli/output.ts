/** Where a command writes; the process streams in real use, buffers in tests. */
export interface Output {
    print(line: string): void;
    error(line: string): void;
}

export const processOutput: Output = {
    print: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
};
