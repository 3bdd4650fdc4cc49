/**
 * Why writing a file or making a folder failed, in an administrator's words, from the
 * error's code; the code (or the message) itself for anything else. Shared by the rule
 * export and the map writer.
 */
export function describeWriteError(error: unknown): string {
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
        case 'EISDIR':
            return 'it is a folder';
        default:
            return code ?? (error instanceof Error ? error.message : String(error));
    }
}
