// Issue 8 item 5: safe writes. `sfbtopo export` killed (SIGKILL) at random points leaves
// each file with its old or its new content, never a part; the temporary files a kill
// leaves behind are removed by the next export; two exports into one folder at once leave
// each file whole, from one of them, and the next export still recognises every file as
// sfbtopo's. Escapes out of the folder (`..`, links) are in test/export/write-files.test.ts.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportDocument } from '../../server/src/export/export-topology.js';
import { EXPORT_FORMATS } from '../../server/src/export/formats.js';
import { HASH_LEDGER, writeExportFiles } from '../../server/src/export/write-files.js';
import { check, readRepoFile, repoRoot } from '../helpers.js';

const cli = join(repoRoot, 'out/cli.cjs');
const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-safe-writes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let counter = 0;
const fresh = () => join(scratch, `case${++counter}`);

/** Two versions of one topology file, `site.sfbtopo`, that differ in every generated file. */
const versionText = { a: readRepoFile('examples/contoso.sfbtopo'), b: readRepoFile('examples/contoso.sfbtopo').replace(/10\.0\./g, '10.9.').replace(/203\.0\.113\./g, '198.51.100.') };
type Version = keyof typeof versionText;
const expected = {} as Record<Version, Map<string, string>>;
const topologyFile = {} as Record<Version, string>;

beforeAll(async () => {
    for (const version of ['a', 'b'] as const) {
        const folder = join(scratch, `topology-${version}`);
        mkdirSync(folder);
        topologyFile[version] = join(folder, 'site.sfbtopo');
        writeFileSync(topologyFile[version], versionText[version]);
        const { document } = await check(versionText[version], topologyFile[version]);
        const outcome = exportDocument(document, EXPORT_FORMATS, { sourceFile: 'site.sfbtopo' });
        if (!outcome.ok) throw new Error(`version ${version} must export`);
        expected[version] = new Map(outcome.files.map((file) => [file.name, file.content]));
    }
    for (const [name, content] of expected.a) expect(expected.b.get(name), `${name} must differ between the versions`).not.toBe(content);
});

/** Runs `sfbtopo export` to the end. */
function exportNow(version: Version, out: string, ...extra: string[]) {
    return spawnSync(process.execPath, [cli, 'export', topologyFile[version], '--out', out, ...extra], { encoding: 'utf8', timeout: 30_000 });
}

const TEMP = /^\..+\.[0-9a-f]{8}-[0-9]+-[0-9a-f]{12}\.tmp$/;

/** What a folder holds: every visible file is one version's content, whole; the hidden ones are the ledger and temporary files. */
function expectWholeFiles(out: string): { versions: Set<Version>; temps: string[] } {
    const versions = new Set<Version>();
    const temps: string[] = [];
    for (const name of readdirSync(out)) {
        if (name.startsWith('.')) {
            if (name !== HASH_LEDGER) {
                expect(name).toMatch(TEMP);
                temps.push(name);
            }
            continue;
        }
        const content = readFileSync(join(out, name), 'utf8');
        const version = (['a', 'b'] as const).find((v) => expected[v].get(name) === content);
        expect(version, `${name} is neither version, whole`).toBeDefined();
        versions.add(version!);
    }
    expect(readdirSync(out).filter((name) => !name.startsWith('.')).sort()).toEqual([...expected.a.keys()].sort());
    return { versions, temps };
}

/** A deterministic generator, so that a failing run can be repeated. */
function random(seed: number): () => number {
    let state = seed;
    return () => {
        state = (state * 1103515245 + 12345) % 2 ** 31;
        return state / 2 ** 31;
    };
}

interface Killed {
    /** Exit code when the export finished before the kill. */
    code: number | null;
    signal: NodeJS.Signals | null;
    stderr: string;
}

/**
 * When to kill: `delay` ms after the start, after the first temporary file appears (the
 * writing), or after the first file is renamed into place (the replacing).
 */
type Trigger = 'start' | 'first-temp' | 'first-rename';

/** Starts an export and kills it with SIGKILL `delay` ms after the trigger. */
function exportAndKill(version: Version, out: string, trigger: Trigger, delay: number): Promise<Killed> {
    return new Promise((resolve) => {
        let killTimer: NodeJS.Timeout | undefined;
        const watcher = trigger === 'start' ? undefined : watch(out, (_event, name) => {
            if (killTimer || !name) return;
            if (trigger === 'first-temp' ? TEMP.test(name) : !name.startsWith('.')) killTimer = setTimeout(kill, delay);
        });
        const child = spawn(process.execPath, [cli, 'export', topologyFile[version], '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
        let stderr = '';
        let exited = false;
        child.stderr!.on('data', (chunk) => (stderr += chunk));
        child.on('exit', (code, signal) => {
            exited = true;
            watcher?.close();
            clearTimeout(killTimer);
            resolve({ code, signal, stderr });
        });
        function kill() {
            if (!exited) child.kill('SIGKILL');
        }
        if (trigger === 'start') killTimer = setTimeout(kill, delay);
    });
}

describe('an export killed at random points', () => {
    it('leaves every file whole, old or new, and the next export cleans up and goes through', async () => {
        const out = fresh();
        const started = Date.now();
        expect(exportNow('a', out).status).toBe(0);
        const duration = Date.now() - started;
        const next = random(0x5fb7);
        let interrupted = 0;
        let mixed = 0;
        for (let i = 0; i < 40; i++) {
            const version: Version = i % 2 === 0 ? 'b' : 'a';
            const trigger = (['start', 'first-temp', 'first-rename'] as const)[i % 3];
            const delay = Math.floor(next() * { start: duration * 1.2, 'first-temp': 300, 'first-rename': 5 }[trigger]);
            const result = await exportAndKill(version, out, trigger, delay);
            // Finished (exit 0) or killed: never refused, a folder of sfbtopo's files is sfbtopo's after any kill.
            if (result.signal !== 'SIGKILL') expect(result.code, result.stderr).toBe(0);
            const { versions, temps } = expectWholeFiles(out);
            if (temps.length > 0) interrupted++;
            if (versions.size > 1) mixed++;
        }
        // Some kills hit the writing itself (temporary files left, or some files replaced and others not).
        expect(interrupted + mixed).toBeGreaterThan(0);

        const final = exportNow('b', out);
        expect(final.status, final.stderr).toBe(0);
        expect(expectWholeFiles(out)).toEqual({ versions: new Set(['b']), temps: [] });
    }, 600_000);
});

describe('two exports into one folder at once', () => {
    it('leave each file whole from one of them, and the next export recognises them all', async () => {
        const out = fresh();
        expect(exportNow('a', out).status).toBe(0);
        const run = (version: Version) =>
            new Promise<{ code: number | null; stderr: string }>((resolve) => {
                const child = spawn(process.execPath, [cli, 'export', topologyFile[version], '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
                let stderr = '';
                child.stderr!.on('data', (chunk) => (stderr += chunk));
                child.on('exit', (code) => resolve({ code, stderr }));
            });
        for (let round = 0; round < 5; round++) {
            const results = await Promise.all([run('a'), run('b')]);
            for (const result of results) expect(result.code, result.stderr).toBe(0);
            expect(expectWholeFiles(out).temps).toEqual([]);
        }
        const after = exportNow('a', out);
        expect(after.status, after.stderr).toBe(0);
        expect(expectWholeFiles(out)).toEqual({ versions: new Set(['a']), temps: [] });
    }, 300_000);

    it('in one process too (a language server exporting twice)', async () => {
        const out = fresh();
        const files = (version: Version) => [...expected[version]].map(([name, content]) => ({ name, content }));
        for (let round = 0; round < 10; round++) {
            await Promise.all([writeExportFiles(out, files('a')), writeExportFiles(out, files('b')), writeExportFiles(out, files(round % 2 ? 'a' : 'b'))]);
            expect(expectWholeFiles(out).temps).toEqual([]);
        }
    });
});

describe('temporary files a killed export left', () => {
    const hostTag = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
    const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

    it('are removed when their process is gone (or, from another computer, a day old); nothing else is touched', async () => {
        const out = fresh();
        mkdirSync(out);
        const outside = join(fresh());
        writeFileSync(outside, 'outside');
        const stale = [`.rules.json.${hostTag}-${deadPid()}-0123456789ab.tmp`, `.probe.ps1.00000000-${deadPid()}-0123456789ab.tmp`];
        const kept = [
            `.rules.json.${hostTag}-${process.pid}-0123456789ab.tmp`, // this process: an export in progress
            `.rules.json.${hostTag}-${process.ppid}-0123456789ab.tmp`, // a process that runs
            `.rules.json.00000000-${deadPid()}-ba9876543210.tmp`, // another computer's, recent
            '.keep',
            '.rules.json.tmp',
        ];
        for (const name of [...stale, ...kept]) writeFileSync(join(out, name), 'partial');
        const old = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
        utimesSync(join(out, stale[1]), old, old);
        const link = `.sfbtopo.nft.${hostTag}-${deadPid()}-0123456789ab.tmp`;
        symlinkSync(outside, join(out, link)); // named like one, but a link: left alone
        await writeExportFiles(out, [{ name: 'rules.json', content: '{}\n' }]);
        const names = readdirSync(out);
        for (const name of stale) expect(names).not.toContain(name);
        for (const name of [...kept, link]) expect(names).toContain(name);
        expect(lstatSync(join(out, link)).isSymbolicLink()).toBe(true);
        expect(readFileSync(outside, 'utf8')).toBe('outside');
        expect(existsSync(join(out, 'rules.json'))).toBe(true);
    });
});
