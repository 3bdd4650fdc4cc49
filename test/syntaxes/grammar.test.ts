import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// Runs the TextMate grammar fixtures (test/syntaxes/*.test.sfbtopo) as `npm run test:grammar`
// does, so that `vitest run` covers them too. The tool takes the grammar from package.json.
const require = createRequire(import.meta.url);
const toolManifest = require.resolve('vscode-tmgrammar-test/package.json');
const { bin } = JSON.parse(readFileSync(toolManifest, 'utf8')) as { bin: Record<string, string> };
const tool = join(dirname(toolManifest), bin['vscode-tmgrammar-test']);

describe('the TextMate grammar', () => {
    it('passes every scope assertion in the syntax test fixtures', () => {
        const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
        const pattern = 'test/syntaxes/**/*.test.sfbtopo';
        expect(scripts['test:grammar']).toContain(`"${pattern}"`);

        const result = spawnSync(process.execPath, [tool, '--compact', pattern], { cwd: repoRoot, encoding: 'utf8' });
        expect(result.error).toBeUndefined();
        expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    }, 60_000);
});
