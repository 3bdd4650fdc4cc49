import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

export type AtRevision = { ok: true; bytes: Buffer } | { ok: false; message: string };

/**
 * A file as it was at a git revision (`git show REV:./FILE`, run in the file's folder). Git
 * gets the revision and the path as separate arguments, never through a shell; a revision
 * starting with `-` (it would be read as an option), or holding a colon or a control
 * character (it would change what `REV:path` names), is refused before git runs.
 */
export async function fileAtRevision(file: string, revision: string): Promise<AtRevision> {
    if (revision === '' || revision.startsWith('-') || /[:\u0000-\u001f\u007f]/.test(revision)) {
        return { ok: false, message: `${JSON.stringify(revision)} is not a revision sfbtopo accepts: give a commit, branch or tag such as HEAD, HEAD~1 or main` };
    }
    const folder = dirname(resolve(file));
    // Git cannot start in a folder that does not exist, which would read as git missing.
    if (!existsSync(folder)) return { ok: false, message: `${file} is in a folder that does not exist (${folder})` };
    const inRepository = await git(['rev-parse', '--is-inside-work-tree'], folder);
    if (!inRepository.ok) {
        return { ok: false, message: inRepository.missing ? 'git is not installed (or not on PATH), so --git cannot be used' : `${file} is not inside a git repository, so there is no revision to compare it with` };
    }
    const commit = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], folder);
    if (!commit.ok) return { ok: false, message: `${revision} is not a commit of the repository ${file} is in` };
    // `./` makes the path relative to the file's folder rather than to the repository's top.
    const spec = `${revision}:./${basename(file)}`;
    const exists = await git(['cat-file', '-e', spec], folder);
    if (!exists.ok) return { ok: false, message: `${file} did not exist at ${revision} (nothing to compare it with)` };
    const shown = await git(['show', spec], folder);
    if (!shown.ok) return { ok: false, message: `git could not show ${file} at ${revision}: ${shown.stderr.trim() || 'no reason given'}` };
    return { ok: true, bytes: shown.stdout };
}

type GitResult = { ok: true; stdout: Buffer } | { ok: false; missing: boolean; stderr: string };

function git(args: string[], cwd: string): Promise<GitResult> {
    return new Promise((done) => {
        execFile(
            'git',
            args,
            // No prompt for credentials or a pager, whatever the user's configuration says.
            { cwd, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' } },
            (error, stdout, stderr) => {
                if (!error) done({ ok: true, stdout });
                else done({ ok: false, missing: (error as NodeJS.ErrnoException).code === 'ENOENT', stderr: stderr.toString('utf8') });
            },
        );
    });
}
