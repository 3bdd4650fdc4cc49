import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { afterAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver';
import { artifactUri, sarifLog } from '../../server/src/cli/formats/sarif-report.js';
import { RULE_DESCRIPTIONS } from '../../server/src/cli/rule-descriptions.js';
import { IssueCodes } from '../../server/src/language/validation/issue-codes.js';
import { repoRoot } from '../helpers.js';

// `validate --format json|sarif`, tested as shipped: the esbuild bundle named by package.json's `bin`.
const cli = join(repoRoot, 'out/cli.cjs');
const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };

function sfbtopo(args: string[], cwd = repoRoot) {
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', timeout: 15_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'sfbtopo-formats-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function tempFile(name: string, content: string): string {
    const path = join(scratch, name);
    writeFileSync(path, content);
    return path;
}

const BAD = 'topology T\nsite S {\n  gateway g 10.0.0.300\n  loadbalancer l for nowhere { vip 10.0.0.1 }\n}\n';
const WARN = 'topology T\nsite S { subnet n 10.0.0.1/16 }\n';
const CLEAN = 'topology T\nsite S { }\n';
const bad = tempFile('bad.sfbtopo', BAD);
const warn = tempFile('warn.sfbtopo', WARN);
const clean = tempFile('clean.sfbtopo', CLEAN);
const missing = join(scratch, 'missing.sfbtopo');

const INVALID_ADDRESS_EN =
    "'10.0.0.300' is not an IPv4 address: write four decimal numbers from 0 to 255 separated by dots, such as 10.0.1.11.";
const NO_POOL_EN = "No pool named 'nowhere' in this topology: `for` names a pool declared in one of the topology's sites.";

// The official schema ships as draft-04 (`$schema`, root `id`); every keyword it uses
// (type, properties, $ref to #/definitions, enum, minimum, pattern, anyOf, ...) means
// the same in draft-07, so Ajv's default draft checks it once those two are dropped.
// Its `language` pattern (`...-[a-zA-Z]{2}]?$`) is not valid with the `u` flag Ajv adds by
// default, so patterns are compiled as plain regular expressions (unicodeRegExp: false).
const officialSchema = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
const { $schema: _draft, id: _id, ...schema } = officialSchema;
const validateSarif = new Ajv({ strict: false, allErrors: true, validateFormats: false, unicodeRegExp: false }).compile(schema);

function expectValidSarif(log: unknown): void {
    const valid = validateSarif(log);
    expect(validateSarif.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
}

interface Sarif {
    $schema: string;
    version: string;
    runs: Array<{
        tool: { driver: { name: string; version: string; informationUri?: string; rules: Array<{ id: string; shortDescription: { text: string } }>; notifications?: unknown[] } };
        invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<Record<string, unknown>> }>;
        results: Array<{ ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }> }>;
    }>;
}

describe('validate --format json', () => {
    it('prints one array of diagnostics with exact fields, in text order, and exits 1 on errors', () => {
        const run = sfbtopo(['validate', '--format', 'json', bad]);
        expect(run.status).toBe(1);
        expect(run.stdout).toBe(`${run.stdout.trimEnd()}\n`);
        expect(run.stdout).toContain('[\n  {\n    "file": '); // pretty-printed with two spaces
        const entries = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
        expect(entries).toEqual([
            { file: bad, line: 3, column: 13, endLine: 3, endColumn: 23, severity: 'error', code: 'invalid-address', message: INVALID_ADDRESS_EN },
            { file: bad, line: 4, column: 22, endLine: 4, endColumn: 29, severity: 'error', code: 'linking-error', message: NO_POOL_EN },
        ]);
        for (const entry of entries) {
            expect(Object.keys(entry)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
        }
        expect(run.stderr).toContain('checked 1 of 1 file(s): 2 errors, 0 warnings');
    });

    it('agrees with the text output on files, positions, severities and codes', () => {
        const text = sfbtopo(['validate', bad, warn]);
        const json = sfbtopo(['validate', '--format', 'json', bad, warn]);
        expect(json.status).toBe(text.status);
        const fromText = text.stdout.trimEnd().split('\n').map((line) => {
            const match = /^(.*):(\d+):(\d+): (\w+): .* \[([\w-]+)\]$/.exec(line);
            expect(match).not.toBeNull();
            const [, file, row, column, severity, code] = match!;
            return { file, line: Number(row), column: Number(column), severity, code };
        });
        const fromJson = (JSON.parse(json.stdout) as Array<Record<string, unknown>>).map(({ file, line, column, severity, code }) => ({ file, line, column, severity, code }));
        expect(fromJson).toEqual(fromText);
        expect(fromJson.map((entry) => entry.code)).toEqual(['invalid-address', 'linking-error', 'subnet-host-bits']);
    });

    it('prints [] and exits 0 for a clean file', () => {
        const run = sfbtopo(['validate', '--format', 'json', clean]);
        expect(run.stdout).toBe('[]\n');
        expect(run.status).toBe(0);
    });

    it('represents an unreadable file as an error object, keeps the stderr line, and exits 2', () => {
        const run = sfbtopo(['validate', '--format', 'json', clean, missing]);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain(`sfbtopo: cannot read ${missing}: no such file\n`);
        expect(JSON.parse(run.stdout)).toEqual([
            {
                file: missing,
                line: 1,
                column: 1,
                endLine: 1,
                endColumn: 1,
                severity: 'error',
                code: 'unreadable-file',
                message: `cannot read ${missing}: no such file`,
            },
        ]);
    });
});

describe('validate --format sarif', () => {
    it('writes a SARIF 2.1.0 log that the official schema accepts', () => {
        const run = sfbtopo(['validate', '--format', 'sarif', 'bad.sfbtopo'], scratch);
        expect(run.status).toBe(1);
        const log = JSON.parse(run.stdout) as Sarif;
        expectValidSarif(log);
        expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
        expect(log.version).toBe('2.1.0');
        expect(log.runs).toHaveLength(1);
        const [run0] = log.runs;
        expect(run0.tool.driver).toEqual({
            name: 'sfbtopo',
            version,
            rules: [
                { id: 'invalid-address', shortDescription: { text: RULE_DESCRIPTIONS['invalid-address'] } },
                { id: 'linking-error', shortDescription: { text: RULE_DESCRIPTIONS['linking-error'] } },
            ],
        });
        expect(run0.invocations).toEqual([{ executionSuccessful: true }]);
        expect(run0.results).toEqual([
            {
                ruleId: 'invalid-address',
                ruleIndex: 0,
                level: 'error',
                message: { text: INVALID_ADDRESS_EN },
                locations: [{ physicalLocation: { artifactLocation: { uri: 'bad.sfbtopo' }, region: { startLine: 3, startColumn: 13, endLine: 3, endColumn: 23 } } }],
            },
            {
                ruleId: 'linking-error',
                ruleIndex: 1,
                level: 'error',
                message: { text: NO_POOL_EN },
                locations: [{ physicalLocation: { artifactLocation: { uri: 'bad.sfbtopo' }, region: { startLine: 4, startColumn: 22, endLine: 4, endColumn: 29 } } }],
            },
        ]);
    });

    it('lists each rule once, in order of first use, with uri relative to the current directory in subdirectories', () => {
        mkdirSync(join(scratch, 'sub dir'), { recursive: true });
        writeFileSync(join(scratch, 'sub dir', 'twice.sfbtopo'), 'topology T\nsite S {\n  gateway g 10.0.0.300\n  gateway h 10.0.0.400\n}\n');
        const run = sfbtopo(['validate', '--format', 'sarif', join('sub dir', 'twice.sfbtopo'), 'warn.sfbtopo'], scratch);
        expect(run.status).toBe(1);
        const log = JSON.parse(run.stdout) as Sarif;
        expectValidSarif(log);
        const { rules } = log.runs[0].tool.driver;
        expect(rules.map((rule) => rule.id)).toEqual(['invalid-address', 'subnet-host-bits']);
        expect(log.runs[0].results.map((r) => [r.ruleId, r.ruleIndex, r.level, r.locations[0].physicalLocation.artifactLocation.uri])).toEqual([
            ['invalid-address', 0, 'error', 'sub%20dir/twice.sfbtopo'],
            ['invalid-address', 0, 'error', 'sub%20dir/twice.sfbtopo'],
            ['subnet-host-bits', 1, 'warning', 'warn.sfbtopo'],
        ]);
    });

    it('uses a file:// URI for a file outside the current directory', () => {
        const run = sfbtopo(['validate', '--format', 'sarif', bad], repoRoot);
        const log = JSON.parse(run.stdout) as Sarif;
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe(pathToFileURL(bad).href);
        expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/\//);
    });

    it('gives level "warning" results and exits 0 for a file with only warnings', () => {
        const run = sfbtopo(['validate', '--format', 'sarif', 'warn.sfbtopo'], scratch);
        expect(run.status).toBe(0);
        const log = JSON.parse(run.stdout) as Sarif;
        expectValidSarif(log);
        expect(log.runs[0].tool.driver.rules).toEqual([{ id: 'subnet-host-bits', shortDescription: { text: RULE_DESCRIPTIONS['subnet-host-bits'] } }]);
        expect(log.runs[0].results).toHaveLength(1);
        expect(log.runs[0].results[0]).toMatchObject({
            ruleId: 'subnet-host-bits',
            ruleIndex: 0,
            level: 'warning',
            locations: [{ physicalLocation: { artifactLocation: { uri: 'warn.sfbtopo' }, region: { startLine: 2, startColumn: 19, endLine: 2, endColumn: 30 } } }],
        });
    });

    it('writes an empty run for a clean file', () => {
        const run = sfbtopo(['validate', '--format', 'sarif', clean]);
        expect(run.status).toBe(0);
        const log = JSON.parse(run.stdout) as Sarif;
        expectValidSarif(log);
        expect(log.runs[0].results).toEqual([]);
        expect(log.runs[0].tool.driver.rules).toEqual([]);
    });

    it('reports an unreadable file as a tool execution notification, still a valid log, and exits 2', () => {
        const run = sfbtopo(['validate', '--format', 'sarif', 'warn.sfbtopo', 'missing.sfbtopo'], scratch);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('sfbtopo: cannot read missing.sfbtopo: no such file\n');
        const log = JSON.parse(run.stdout) as Sarif;
        expectValidSarif(log);
        expect(log.runs[0].invocations).toEqual([
            {
                executionSuccessful: false,
                toolExecutionNotifications: [
                    {
                        descriptor: { id: 'unreadable-file', index: 0 },
                        level: 'error',
                        message: { text: 'cannot read missing.sfbtopo: no such file' },
                        locations: [{ physicalLocation: { artifactLocation: { uri: 'missing.sfbtopo' } } }],
                    },
                ],
            },
        ]);
        expect(log.runs[0].tool.driver.notifications).toEqual([{ id: 'unreadable-file', shortDescription: { text: RULE_DESCRIPTIONS['unreadable-file'] } }]);
        expect(log.runs[0].results.map((r) => r.ruleId)).toEqual(['subnet-host-bits']);
    });

    it('has a schema check that rejects a broken log', () => {
        const log = JSON.parse(sfbtopo(['validate', '--format', 'sarif', bad]).stdout) as Sarif;
        log.runs[0].results[0].level = 'fatal';
        expect(validateSarif(log)).toBe(false);
        const noVersion: Partial<Sarif> = { ...log };
        delete noVersion.version;
        expect(validateSarif(noVersion)).toBe(false);
    });
});

describe('sarif-report (pure)', () => {
    it('maps info and hint to level "note" and omits ruleId for a diagnostic without a code', () => {
        const range = { start: { line: 0, character: 0 }, end: { line: 1, character: 4 } };
        const log = sarifLog(
            [
                { file: 'a.sfbtopo', diagnostic: { range, message: 'i', severity: DiagnosticSeverity.Information, code: 'cms-missing' } },
                { file: 'a.sfbtopo', diagnostic: { range, message: 'h', severity: DiagnosticSeverity.Hint } },
            ],
            [],
            { toolVersion: '9.9.9', cwd: '/work/dir' },
        );
        expectValidSarif(log);
        expect(log.runs[0].results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
            ['cms-missing', 0, 'note'],
            [undefined, undefined, 'note'],
        ]);
        expect(log.runs[0].results[1].locations[0].physicalLocation.region).toEqual({ startLine: 1, startColumn: 1, endLine: 2, endColumn: 5 });
    });

    it('makes URIs relative inside the current directory and file:// outside it', () => {
        expect(artifactUri('x/y.sfbtopo', '/w')).toBe('x/y.sfbtopo');
        expect(artifactUri('/w/a b#.sfbtopo', '/w')).toBe('a%20b%23.sfbtopo');
        expect(artifactUri('../o.sfbtopo', '/w/d')).toBe('file:///w/o.sfbtopo');
        expect(artifactUri('/w2/o.sfbtopo', '/w')).toBe('file:///w2/o.sfbtopo');
    });

    it('describes every diagnostic code', () => {
        const codes = [...Object.values(IssueCodes), 'parsing-error', 'lexing-error', 'linking-error', 'unreadable-file'];
        expect(Object.keys(RULE_DESCRIPTIONS).sort()).toEqual([...codes].sort());
        for (const text of Object.values(RULE_DESCRIPTIONS)) expect(text).toMatch(/^[A-Z].*\.$/);
    });
});

describe('validate --locale', () => {
    const address = tempFile('address.sfbtopo', 'topology T\nsite S {\n  gateway g 10.0.0.300\n}\n');
    const japanese = "'10.0.0.300' は IPv4 アドレスではありません。";

    it('prints Japanese messages in every format', () => {
        const text = sfbtopo(['validate', '--locale', 'ja', address]);
        expect(text.status).toBe(1);
        expect(text.stdout).toContain(`${address}:3:13: error: ${japanese}`);
        expect(text.stdout).toContain('IPv4 アドレスではありません');

        const json = sfbtopo(['validate', '--locale', 'ja', '--format', 'json', address]);
        expect(json.status).toBe(1);
        const [entry] = JSON.parse(json.stdout) as Array<{ message: string; code: string }>;
        expect(entry.code).toBe('invalid-address');
        expect(entry.message.startsWith(japanese)).toBe(true);

        const sarif = sfbtopo(['validate', '--format', 'sarif', '--locale', 'ja', address]);
        expect(sarif.status).toBe(1);
        const log = JSON.parse(sarif.stdout) as Sarif;
        expectValidSarif(log);
        expect(log.runs[0].results[0].message.text.startsWith(japanese)).toBe(true);
    });

    it('keeps English by default, and --format text is the default output', () => {
        const plain = sfbtopo(['validate', address]);
        expect(plain.stdout).toBe(`${address}:3:13: error: ${INVALID_ADDRESS_EN} [invalid-address]\n`);
        expect(sfbtopo(['validate', '--format', 'text', address])).toEqual(plain);
    });

    it.each([[['--locale', 'fr']], [['--format', 'xml']], [['--format']]])('exits 2 for bad usage: %j', (args) => {
        const run = sfbtopo(['validate', ...args, address]);
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
    });
});
