import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// `sfbtopo validate` starts in about twice the time Node itself takes (npm run bench): it
// loads what validating needs and no more. Node's own modules are the visible part of that.

/** The Node modules `sfbtopo ARGS` loads beyond what a bare Node loads, as a shell runs it (output to pipes). */
function nodeModulesLoadedBy(args: string[]): string[] {
    const report = "process.on('exit', () => process.stderr.write('\\n' + JSON.stringify(process.moduleLoadList)))";
    const bare = spawnSync(process.execPath, ['-e', report], { encoding: 'utf8' });
    const run = spawnSync(process.execPath, ['-e', `${report}; process.argv.splice(1, 0, ${JSON.stringify(join(repoRoot, 'out/cli.cjs'))}); require(process.argv[1])`, ...args], {
        cwd: repoRoot,
        encoding: 'utf8',
        timeout: 15_000,
    });
    const loaded = (stderr: string) => JSON.parse(stderr.trim().split('\n').pop()!) as string[];
    const before = new Set(loaded(bare.stderr));
    return loaded(run.stderr)
        .filter((name) => !before.has(name) && name.startsWith('NativeModule '))
        .map((name) => name.slice('NativeModule '.length));
}

describe('sfbtopo validate', () => {
    it('loads neither the crypto module (export seals, LSP transports) nor the file promises API nor v8', () => {
        const loaded = nodeModulesLoadedBy(['validate', 'examples/contoso.sfbtopo']);
        expect(loaded).toContain('vm'); // the code cache: the report is real
        for (const unneeded of ['crypto', 'fs/promises', 'v8']) expect(loaded).not.toContain(unneeded);
    });
});
