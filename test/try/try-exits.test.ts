import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers.js';

// `npm run try` with a stand-in code-server (fake-code-server.mjs): however the run is
// stopped, code-server and the process it started must be gone afterwards.

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-try-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// npm runs the script's last step (`exec node e2e/try.mjs`) from a package of its own here,
// so that the test does not package the extension or install code-server first.
const tryScript: string = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts.try;
const launchStep = tryScript.split(' && ').at(-1) ?? '';
const npmPackage = join(scratch, 'package');
const vsix = join(scratch, 'stand-in.vsix');

const running: ChildProcess[] = [];
const leftOver: number[] = [];
afterEach(() => {
    for (const pid of leftOver.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Alive and not a zombie waiting for a parent to reap it. */
function alive(pid: number): boolean {
    try {
        process.kill(pid, 0);
    } catch {
        return false;
    }
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
}

/** Starts try (through npm or directly) and waits until it says where the stand-in code-server listens. */
async function startTry(through: 'npm' | 'node'): Promise<{ launcher: ChildProcess; codeServer: number; extensionHost: number; tryPid: number; exited: Promise<number | null> }> {
    const pids = join(scratch, `pids-${running.length}-${Date.now()}`);
    const env = {
        ...process.env,
        SFBTOPO_TRY_PORT: '0',
        SFBTOPO_TRY_VSIX: vsix,
        SFBTOPO_TRY_CODE_SERVER: join(repoRoot, 'test/try/fake-code-server.mjs'),
        FAKE_CODE_SERVER_PIDS: pids,
    };
    const launcher =
        through === 'npm'
            ? spawn('npm', ['run', '--silent', 'try'], { cwd: npmPackage, env, stdio: ['ignore', 'pipe', 'inherit'] })
            : spawn(process.execPath, ['e2e/try.mjs'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'inherit'] });
    running.push(launcher);
    const exited = new Promise<number | null>((resolve) => launcher.on('exit', (code) => resolve(code)));
    let output = '';
    launcher.stdout?.on('data', (chunk) => (output += chunk));
    await until(() => output.includes('Ctrl+C stops code-server'), 'try says where code-server listens');
    const [codeServer, extensionHost, tryPid] = readFileSync(pids, 'utf8').split(' ').map(Number);
    leftOver.push(codeServer, extensionHost, tryPid);
    return { launcher, codeServer, extensionHost, tryPid, exited };
}

describe('npm run try', () => {
    beforeAll(() => {
        writeFileSync(vsix, '');
        mkdirSync(npmPackage);
        writeFileSync(join(npmPackage, 'package.json'), JSON.stringify({ name: 'try-stand-in', private: true, scripts: { try: launchStep } }));
        symlinkSync(join(repoRoot, 'e2e'), join(npmPackage, 'e2e'));
    });

    it('ends its script with `exec node e2e/try.mjs`, so that the signals npm forwards reach try.mjs', () => {
        expect(launchStep).toBe('exec node e2e/try.mjs');
    });

    it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('stops code-server and what it started on %s to the npm process', async (signal) => {
        const run = await startTry('npm');
        expect(alive(run.codeServer) && alive(run.extensionHost)).toBe(true);
        run.launcher.kill(signal);
        await until(() => !alive(run.codeServer) && !alive(run.extensionHost) && !alive(run.tryPid), `code-server and try.mjs are gone after ${signal} to npm`);
        await run.exited;
    });

    it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)('stops code-server and what it started on %s to try.mjs', async (signal) => {
        const run = await startTry('node');
        expect(run.tryPid).toBe(run.launcher.pid);
        run.launcher.kill(signal);
        await until(() => !alive(run.codeServer) && !alive(run.extensionHost), `code-server is gone after ${signal} to try.mjs`);
        expect(await run.exited).toBe(0);
    });

    it('exits 1 and stops the rest when code-server ends by itself', async () => {
        const run = await startTry('node');
        process.kill(run.codeServer, 'SIGKILL');
        expect(await run.exited).toBe(1);
        await until(() => !alive(run.extensionHost), 'the extension host is gone');
    });
});
