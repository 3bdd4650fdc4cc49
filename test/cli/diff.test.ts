import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { changeRequest } from '../../server/src/diff/change-request.js';
import { renderDiffText } from '../../server/src/diff/renderers/text.js';
import { diffRuleSets } from '../../server/src/diff/rule-diff.js';
import { repoRoot } from '../helpers.js';
import { renderDiffMarkdown } from '../../server/src/diff/renderers/markdown.js';
import { CHANGES, CONTOSO, CONTOSO_CHANGED, rulesOf } from '../diff/pairs.js';

// The command line as shipped: the bundle package.json's `bin` names (build first).
const cli = join(repoRoot, 'out/cli.cjs');

function sfbtopo(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '' } });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function git(args: string[], cwd: string): void {
    const result = spawnSync('git', ['-c', 'user.name=sfbtopo test', '-c', 'user.email=test@example.invalid', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-diff-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;

/** A fresh folder holding the given files. */
function folder(files: Record<string, string>): string {
    const dir = join(scratch, `case${++counter}`);
    mkdirSync(dir);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return dir;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .*:\d+:\d+/);
const sides = { before: 'contoso-old.sfbtopo', after: 'contoso.sfbtopo' };

describe('sfbtopo diff', () => {
    it('prints the text diff and exits 0; with --exit-code, 1 when rules changed', async () => {
        const dir = folder({ 'contoso-old.sfbtopo': CONTOSO, 'contoso.sfbtopo': CONTOSO_CHANGED });
        const run = sfbtopo(['diff', 'contoso-old.sfbtopo', 'contoso.sfbtopo'], dir);
        expect(run.status).toBe(0);
        const diff = diffRuleSets(await rulesOf(CONTOSO), await rulesOf(CONTOSO_CHANGED));
        // Not a terminal: no colours.
        expect(run.stdout).toBe(renderDiffText(diff, sides, { locale: 'en', colour: false }));
        expect(sfbtopo(['diff', 'contoso-old.sfbtopo', 'contoso.sfbtopo', '--exit-code'], dir).status).toBe(1);
    });

    it('exits 0 with --exit-code when nothing changed', () => {
        const dir = folder({ 'a.sfbtopo': CONTOSO, 'b.sfbtopo': CONTOSO });
        const run = sfbtopo(['diff', 'a.sfbtopo', 'b.sfbtopo', '--exit-code'], dir);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('no rule changes');
    });

    it('renames only are still changes for --exit-code', () => {
        const dir = folder({ 'a.sfbtopo': CONTOSO, 'b.sfbtopo': CHANGES['pool renamed'] });
        expect(sfbtopo(['diff', 'a.sfbtopo', 'b.sfbtopo', '--exit-code'], dir).status).toBe(1);
    });

    it('markdown is the change request, byte for byte as the renderer writes it; a summary on stderr', async () => {
        const dir = folder({ 'contoso-old.sfbtopo': CONTOSO, 'contoso.sfbtopo': CONTOSO_CHANGED });
        const run = sfbtopo(['diff', 'contoso-old.sfbtopo', 'contoso.sfbtopo', '--format', 'markdown'], dir);
        expect(run.status).toBe(0);
        const diff = diffRuleSets(await rulesOf(CONTOSO), await rulesOf(CONTOSO_CHANGED));
        expect(run.stdout).toBe(renderDiffMarkdown(changeRequest(diff, sides, 'en')));
        expect(run.stdout).toBe(readFileSync(join(repoRoot, 'test/diff/golden/contoso.md'), 'utf8'));
        expect(run.stderr).toBe('sfbtopo: 2 rules added, 7 removed, 17 changed, 2 renamed\n');
    });

    it('csv starts with a BOM and ends its records with CRLF; json parses', () => {
        const dir = folder({ 'contoso-old.sfbtopo': CONTOSO, 'contoso.sfbtopo': CONTOSO_CHANGED });
        const csv = sfbtopo(['diff', 'contoso-old.sfbtopo', 'contoso.sfbtopo', '--format', 'csv'], dir);
        expect(csv.stdout).toBe(readFileSync(join(repoRoot, 'test/diff/golden/contoso.csv'), 'utf8'));
        const json = sfbtopo(['diff', 'contoso-old.sfbtopo', 'contoso.sfbtopo', '--format', 'json'], dir);
        expect(JSON.parse(json.stdout)).toMatchObject({ added: expect.any(Array), removed: expect.any(Array), changed: expect.any(Array) });
    });

    it('takes the rules.json of an export as OLD', () => {
        const dir = folder({ 'contoso.sfbtopo': CONTOSO });
        expect(sfbtopo(['export', 'contoso.sfbtopo', '--format', 'json'], dir).status).toBe(0);
        writeFileSync(join(dir, 'contoso.sfbtopo'), CHANGES['pool removed']);
        const run = sfbtopo(['diff', 'rules/rules.json', 'contoso.sfbtopo', '--exit-code'], dir);
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/^- .*\[Redmond\/pc01\//m);
        expect(run.stdout).not.toMatch(/^[+~=] /m);
    });

    it.each([
        ['OLD', ['broken.sfbtopo', 'good.sfbtopo']],
        ['NEW', ['good.sfbtopo', 'broken.sfbtopo']],
    ])('refuses a topology with errors as %s: its findings as validate prints them, exit 1', (_, files) => {
        const dir = folder({ 'good.sfbtopo': CONTOSO, 'broken.sfbtopo': CONTOSO.replace('server fe01a 10.0.1.11', 'server fe01a 10.0.1.999') });
        const run = sfbtopo(['diff', ...files], dir);
        expect(run.status).toBe(1);
        const validate = sfbtopo(['validate', 'broken.sfbtopo'], dir);
        expect(run.stdout).toBe(validate.stdout);
        expect(run.stdout).toMatch(/^broken\.sfbtopo:\d+:\d+: error: .*\[invalid-address\]$/m);
        expect(run.stderr).toMatch(/^sfbtopo: not compared: broken\.sfbtopo has 1 error; fix them and compare again\n$/);
    });

    it.each([
        ['a missing file', ['missing.sfbtopo', 'good.sfbtopo'], /cannot read missing\.sfbtopo: no such file/],
        ['a folder', ['.', 'good.sfbtopo'], /is a directory/],
        ['a binary file', ['binary.sfbtopo', 'good.sfbtopo'], /is not a text file/],
        ['a JSON file that is not an export', ['other.json', 'good.sfbtopo'], /other\.json is not an sfbtopo rules\.json/],
        ['one file without --git', ['good.sfbtopo'], /diff needs two files/],
        ['two files with --git', ['--git', 'HEAD', 'good.sfbtopo', 'good.sfbtopo'], /takes one file/],
    ])('exits 2 for %s', (_, args, message) => {
        const dir = folder({ 'good.sfbtopo': CONTOSO, 'binary.sfbtopo': 'topology \u0000', 'other.json': '{"a":1}' });
        const run = sfbtopo(['diff', ...args], dir);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(message);
        noStackTrace(run.stderr);
    });

    it('exits 2 for an unknown format', () => {
        const dir = folder({ 'a.sfbtopo': CONTOSO });
        expect(sfbtopo(['diff', 'a.sfbtopo', 'a.sfbtopo', '--format', 'html'], dir).status).toBe(2);
    });

    it('--help says how to call it and what the exit codes mean', () => {
        const run = sfbtopo(['diff', '--help'], scratch);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('sfbtopo diff [options] OLD NEW');
        expect(run.stdout).toContain('sfbtopo diff [options] --git REV FILE');
        expect(run.stdout).toContain('--exit-code');
        expect(run.stdout).toMatch(/2 when a file cannot be read/);
    });
});

describe('sfbtopo diff --git', () => {
    /** A repository whose one commit holds the reference example as `name`; the working file then edited. */
    function repository(name: string, now: string): string {
        const dir = folder({});
        git(['init', '-q'], dir);
        writeFileSync(join(dir, name), CONTOSO);
        git(['add', '--', name], dir);
        git(['commit', '-q', '-m', 'topology'], dir);
        writeFileSync(join(dir, name), now);
        return dir;
    }

    it('compares the file with itself at a revision', () => {
        const dir = repository('contoso.sfbtopo', CHANGES['gateway removed']);
        const run = sfbtopo(['diff', '--git', 'HEAD', 'contoso.sfbtopo', '--exit-code'], dir);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/^Rule changes of topology Contoso \(HEAD:contoso\.sfbtopo -> contoso\.sfbtopo\)$/m);
        expect(run.stdout).toMatch(/^- 10\.0\.3\.11 -> 10\.0\.3\.200 .*\[Redmond\/med01-gateways\//m);
    });

    it('finds the file from another folder of the repository', () => {
        const dir = repository('contoso.sfbtopo', CONTOSO);
        mkdirSync(join(dir, 'sub'));
        const run = sfbtopo(['diff', '--git', 'HEAD', '../contoso.sfbtopo', '--exit-code'], join(dir, 'sub'));
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
    });

    it('says so outside a repository (exit 2)', () => {
        const dir = folder({ 'contoso.sfbtopo': CONTOSO });
        // A temporary folder may itself sit inside a repository: only assert where it does not.
        if (spawnSync('git', ['rev-parse', '--is-inside-work-tree'], { cwd: dir }).status === 0) throw new Error('the scratch folder is inside a git repository');
        const run = sfbtopo(['diff', '--git', 'HEAD', 'contoso.sfbtopo'], dir);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('sfbtopo: contoso.sfbtopo is not inside a git repository, so there is no revision to compare it with\n');
    });

    it('says the folder does not exist rather than that git is missing (exit 2)', () => {
        const dir = folder({ 'contoso.sfbtopo': CONTOSO });
        const run = sfbtopo(['diff', '--git', 'HEAD', 'nosuch/contoso.sfbtopo'], dir);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/nosuch\/contoso\.sfbtopo/);
        expect(run.stderr).not.toMatch(/git is not installed/);
    });

    it('says so when the file did not exist at the revision (exit 2)', () => {
        const dir = repository('contoso.sfbtopo', CONTOSO);
        writeFileSync(join(dir, 'new.sfbtopo'), CONTOSO);
        const run = sfbtopo(['diff', '--git', 'HEAD', 'new.sfbtopo'], dir);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('sfbtopo: new.sfbtopo did not exist at HEAD (nothing to compare it with)\n');
    });

    it('says so for a revision the repository does not have (exit 2)', () => {
        const dir = repository('contoso.sfbtopo', CONTOSO);
        const run = sfbtopo(['diff', '--git', 'no-such-branch', 'contoso.sfbtopo'], dir);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe('sfbtopo: no-such-branch is not a commit of the repository contoso.sfbtopo is in\n');
    });

    const refused = /^sfbtopo: ".*" is not a revision sfbtopo accepts: give a commit, branch or tag such as HEAD, HEAD~1 or main\n$/;
    const unknown = /^sfbtopo: .* is not a commit of the repository contoso\.sfbtopo is in\n$/s;
    it.each([
        // Read as options by git: refused before git runs.
        ['--output=pwned', refused],
        ['-p', refused],
        ['--exec-path=pwned', refused],
        // A colon would make REV:path name another file.
        ['HEAD:../../etc/passwd', refused],
        ['HEAD:pwned', refused],
        ['HEAD\ntouch pwned', refused],
        ['', refused],
        // Shell syntax reaches git as one argument, which names no commit.
        ['HEAD;touch pwned', unknown],
        ['$(touch pwned)', unknown],
        ['`touch pwned`', unknown],
        ['HEAD && touch pwned', unknown],
    ])('refuses the hostile revision %j (exit 2, nothing run, nothing written)', (revision, message) => {
        const dir = repository('contoso.sfbtopo', CONTOSO);
        const run = sfbtopo(['diff', `--git=${revision}`, 'contoso.sfbtopo'], dir);
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(message);
        expect(existsSync(join(dir, 'pwned'))).toBe(false);
        noStackTrace(run.stderr);
    });

    it.each(['$(touch pwned).sfbtopo', 'a;touch pwned.sfbtopo', '-rf.sfbtopo', 'x:HEAD.sfbtopo', 'quote\'"`.sfbtopo', 'space name.sfbtopo', '日本語.sfbtopo'])(
        'handles the file name %j as a plain name',
        (name) => {
            const dir = repository(name, CHANGES['pool removed']);
            const run = sfbtopo(['diff', '--exit-code', '--git', 'HEAD', '--', `./${name}`], dir);
            expect(run.stderr).toBe('');
            expect(run.status).toBe(1);
            expect(run.stdout).toMatch(/^- .*\[Redmond\/pc01\//m);
            expect(existsSync(join(dir, 'pwned'))).toBe(false);
        },
    );
});
