// Checks that every generated file keeps free text where it belongs: inside a quoted
// string that reads back to the text, or inside a one-line comment. The idea, per format:
// take each code line's *skeleton* (quoted strings, names, addresses and numbers replaced
// by placeholders) and require it to be a skeleton the same renderer gives for ordinary
// topologies. Text that escaped its quotes or comment would change a skeleton.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { checkSeal } from '../../server/src/export/content-hash.js';
import type { ExportContext, ExportFile } from '../../server/src/export/export-file.js';
import { displayedSourceName } from '../../server/src/export/header.js';
import { POWERSHELL_SINGLE_QUOTES, readPowershellString } from '../../server/src/export/quoting/powershell.js';
import { CSV_COLUMNS } from '../../server/src/export/renderers/csv.js';
import type { Endpoints, Rule, RuleSet } from '../../server/src/rules/rule.js';
import { parseCsv } from '../export/rfc4180.js';

export type Kind = 'powershell' | 'netsh' | 'nftables' | 'csv' | 'json';

export function kindOf(name: string): Kind {
    if (name.endsWith('.ps1')) return 'powershell';
    if (name.endsWith('.cmd')) return 'netsh';
    if (name.endsWith('.nft')) return 'nftables';
    if (name.endsWith('.csv')) return 'csv';
    if (name.endsWith('.json')) return 'json';
    throw new Error(`unknown export file ${name}`);
}

/** Skeletons of code lines, per format, that ordinary topologies give. */
export type Skeletons = Record<'powershell' | 'netsh' | 'nftables', Set<string>>;

export function emptySkeletons(): Skeletons {
    return { powershell: new Set(), netsh: new Set(), nftables: new Set() };
}

/** Adds the skeletons of ordinary (control) exports. */
export function learnSkeletons(skeletons: Skeletons, files: ExportFile[]): void {
    for (const file of files) {
        const kind = kindOf(file.name);
        if (kind === 'csv' || kind === 'json') continue;
        for (const line of lines(file)) {
            const skeleton = SKELETON[kind](line);
            if (skeleton !== undefined) skeletons[kind].add(skeleton);
        }
    }
}

function lines(file: ExportFile): string[] {
    const text = file.content.replace(/^\uFEFF/, '');
    return kindOf(file.name) === 'netsh' ? text.slice(0, -2).split('\r\n') : text.slice(0, -1).split('\n');
}

const ADDRESS = String.raw`\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?`;

/** Each format's skeleton of a line; `undefined` for a comment line (checked on its own). */
const SKELETON: Record<'powershell' | 'netsh' | 'nftables', (line: string) => string | undefined> = {
    powershell(line) {
        if (/^\s*#/.test(line)) return undefined;
        let skeleton = '';
        let i = 0;
        while (i < line.length) {
            if ((POWERSHELL_SINGLE_QUOTES as readonly string[]).includes(line[i])) {
                i = readPowershellString(line, i).end; // throws when a string does not end on its line
                skeleton += "'S'";
            } else {
                skeleton += line[i++];
            }
        }
        return skeleton.replace(/'S'(?:, 'S')*/g, "'S'").replace(/\d+/g, 'N');
    },
    netsh(line) {
        if (/^(@?REM)( |$)/.test(line)) return undefined;
        return line
            .replace(/"[^"]*"/g, '"S"')
            .replace(new RegExp(`${ADDRESS}(?:,${ADDRESS})*`, 'g'), 'A')
            .replace(/\d+/g, 'N');
    },
    nftables(line) {
        if (/^\s*#/.test(line)) return undefined;
        return line
            .replace(/"[^"]*"/g, '"S"')
            .replace(/@[A-Za-z][A-Za-z0-9_]*/g, '@N')
            .replace(/^(\s*set )[A-Za-z][A-Za-z0-9_]*( \{)$/, '$1N$2')
            .replace(new RegExp(`${ADDRESS}(?:, ${ADDRESS})*`, 'g'), 'A')
            .replace(/\d+/g, 'N');
    },
};

/** Windows device names, reserved with any extension. */
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)(\..*)?$/i;

/** Collects what is wrong (thousands of `expect` calls per export would be slow); `expect` once at the end. */
class Problems {
    readonly list: string[] = [];
    need(condition: boolean, problem: () => string): void {
        if (!condition) this.list.push(problem());
    }
}

/** File names any file system takes: plain ASCII, not reserved, no trailing dot or space, at most 255 bytes, unique regardless of case. */
export function expectSafeFileNames(files: ExportFile[]): void {
    const problems = new Problems();
    fileNameProblems(files, problems);
    expect(problems.list).toEqual([]);
}

function fileNameProblems(files: ExportFile[], problems: Problems): void {
    const seen = new Set<string>();
    for (const { name } of files) {
        problems.need(/^[A-Za-z0-9_-][A-Za-z0-9._-]*$/.test(name), () => `${name}: not a plain file name`);
        problems.need(!RESERVED.test(name), () => `${name}: a reserved Windows name`);
        problems.need(!/[. ]$/.test(name), () => `${name}: ends with a dot or space`);
        problems.need(Buffer.byteLength(name) <= 255, () => `${name}: too long`);
        problems.need(!seen.has(name.toLowerCase()), () => `${name}: twice`);
        seen.add(name.toLowerCase());
    }
}

/**
 * Every file of an export is safe: names, seals, and per format the checks of issue 8
 * item 4. `skeletons` are the code lines ordinary topologies give.
 */
export function expectSafeExport(files: ExportFile[], rules: RuleSet, context: ExportContext, skeletons: Skeletons): void {
    const problems = new Problems();
    fileNameProblems(files, problems);
    for (const file of files) {
        const kind = kindOf(file.name);
        if (kind !== 'csv') {
            const seal = checkSeal(file.content);
            problems.need(seal.sealed && seal.intact, () => `${file.name}: no intact seal`);
        }
        if (kind === 'csv') expectSafeCsv(file, rules);
        else if (kind === 'json') expectSafeJson(file, rules, context);
        else scriptProblems(file, kind, rules, skeletons, problems);
    }
    expect(problems.list).toEqual([]);
}

function scriptProblems(file: ExportFile, kind: 'powershell' | 'netsh' | 'nftables', rules: RuleSet, skeletons: Skeletons, problems: Problems): void {
    const text = file.content.replace(/^\uFEFF/, '');
    const at = (what: string) => () => `${file.name}: ${what}`;
    if (kind === 'netsh') {
        // CRLF only, no line longer than cmd.exe reads, nothing cmd.exe expands anywhere.
        problems.need(text.endsWith('\r\n'), at('no final CRLF'));
        problems.need(!/[\r\n]/.test(text.replace(/\r\n/g, '')), at('a lone CR or LF'));
        problems.need(!/[%!]/.test(text), at('% or ! (cmd.exe would expand it)'));
        problems.need(/^[\x20-\x7e\r\n]*$/.test(text), at('non-ASCII in a batch file'));
    } else {
        // LF only, and none of the characters some readers take as a line break.
        problems.need(text.endsWith('\n'), at('no final LF'));
        problems.need(!/[\r\u0085\u2028\u2029]/.test(text), at('a line break other than LF'));
    }
    for (const line of lines(file)) {
        let skeleton: string | undefined;
        try {
            skeleton = SKELETON[kind](line);
        } catch (error) {
            problems.need(false, at(`${(error as Error).message} in ${line}`));
            continue;
        }
        if (skeleton === undefined) {
            problems.need(commentIsSafe(kind, line), at(`unsafe comment ${JSON.stringify(line)}`));
            continue;
        }
        problems.need(skeletons[kind].has(skeleton), at(`a line no ordinary topology gives:\n${line}\n${skeleton}`));
        if (kind === 'netsh') {
            problems.need(line.length < 8191, at('line too long for cmd.exe'));
            for (const [, value] of line.matchAll(/"([^"]*)"/g)) problems.need(/^[^%!^&|<>"\x00-\x1f\x7f]+$/.test(value), at(`netsh value ${JSON.stringify(value)}`));
            // Outside the quotes, cmd.exe operators only where the renderer puts them (`>nul 2>&1`).
            problems.need(!/[\^&|<>]/.test(line.replace(/"[^"]*"/g, '').replace(' >nul 2>&1', '')), at(`cmd.exe operator outside quotes: ${line}`));
        }
        if (kind === 'nftables') {
            for (const [, value] of line.matchAll(/"([^"]*)"/g)) {
                problems.need(/^[A-Za-z0-9_./:-]{0,128}$/.test(value), at(`nft comment ${JSON.stringify(value)}`));
            }
            for (const [, name] of line.matchAll(/@([A-Za-z0-9_]+)/g)) problems.need(/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(name), at(`nft set ${name}`));
        }
    }
    if (kind === 'powershell') powershellStringProblems(file, rules, problems);
    if (kind === 'netsh') {
        const names = lines(file).filter((line) => line.startsWith('netsh advfirewall consec add')).map((line) => /name=("[^"]*")/.exec(line)?.[1]);
        problems.need(names.length === rules.ipsec.length, at('not one rule per IPsec exception'));
        problems.need(new Set(names).size === names.length, at('rule names must stay unique (delete by name)'));
    }
}

function commentIsSafe(kind: Kind, line: string): boolean {
    if (kind === 'powershell') return line.startsWith('#');
    if (kind === 'nftables') return /^\s*#[\x20-\x7e]*$/.test(line);
    return /^@?REM( [\x20-\x7e]*)?$/.test(line) && !/[%!^&|<>"]/.test(line);
}

/** The quoted strings that carry topology text read back to it. */
function powershellStringProblems(file: ExportFile, rules: RuleSet, problems: Problems): void {
    const text = file.content;
    const group = /^\$group = (.*)$/m.exec(text);
    if (group) problems.need(readPowershellString(group[1], 0).value === `sfbtopo ${rules.topology}`, () => `${file.name}: $group does not read back`);
    const displayNames = [...text.matchAll(/^New-Net(?:Firewall|IPsec)Rule -DisplayName (.*)$/gm)].map((m) => readPowershellString(m[1], 0).value);
    const probed = [...text.matchAll(/^ {4}@\{ Rule = (.*)$/gm)].map((m) => readPowershellString(m[1], 0).value);
    const ids = new Set([...rules.firewall, ...rules.ipsec].map((rule) => rule.id));
    for (const id of [...displayNames, ...probed]) problems.need(ids.has(id), () => `${file.name}: ${JSON.stringify(id)} is no rule id`);
    if (file.name === 'ipsec-exceptions.ps1') {
        problems.need(JSON.stringify(displayNames) === JSON.stringify(rules.ipsec.map((rule) => rule.id)), () => `${file.name}: display names are not the exceptions' ids`);
    }
}


const FORMULA_START = /^[=+\-@\t\r]/;
const guarded = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);
const endpointsText = (endpoints: Endpoints) => (endpoints === 'any' ? 'any' : endpoints.join(' '));

function csvRow(rule: Rule): string[] {
    return [
        rule.site,
        rule.id,
        endpointsText(rule.source),
        endpointsText(rule.destination),
        rule.transport,
        rule.ports,
        rule.direction,
        rule.service,
        rule.role,
        rule.purpose.en,
        rule.table,
        rule.purpose.ja,
        rule.sourcePorts ?? 'any',
        rule.firewall,
        (rule.nat ?? []).map((t) => `${t.address}=${t.public}`).join(' '),
    ];
}

/** Round-trips through an RFC 4180 reader to the rules, every cell guarded against formulas. */
function expectSafeCsv(file: ExportFile, rules: RuleSet): void {
    if (!file.content.startsWith('\uFEFF')) throw new Error('no byte order mark');
    const records = parseCsv(file.content.slice(1));
    const expected = [[...CSV_COLUMNS], ...[...rules.firewall, ...rules.ipsec].map((rule) => csvRow(rule).map(guarded))];
    if (JSON.stringify(records) !== JSON.stringify(expected)) expect(records).toEqual(expected); // the deep comparison only for its message
    expect(records.flat().filter((cell) => FORMULA_START.test(cell))).toEqual([]);
}

/** Parses, and gives back the topology, the rules and the (sanitised) source file name. */
function expectSafeJson(file: ExportFile, rules: RuleSet, context: ExportContext): void {
    const json = JSON.parse(file.content);
    expect(Object.keys(json)).toEqual(['sfbtopoHash', 'generatedBy', 'topology', 'firewall', 'ipsec']);
    expect(json.topology).toBe(rules.topology);
    expect(json.generatedBy).toBe(`Generated by sfbtopo from ${displayedSourceName(context.sourceFile)} (topology ${rules.topology}). Do not edit: change the topology and export again.`);
    const summary = (list: Rule[]) => list.map((rule) => [rule.id, rule.site, rule.service, rule.host ?? null]);
    const parsed = (list: Array<Record<string, unknown>>) => list.map((rule) => [rule.id, rule.site, rule.service, rule.host ?? null]);
    expect(JSON.stringify(parsed(json.firewall))).toBe(JSON.stringify(summary(rules.firewall)));
    expect(JSON.stringify(parsed(json.ipsec))).toBe(JSON.stringify(summary(rules.ipsec)));
}

// nft -c -f, as in test/export/nftables.test.ts: needs root or CAP_NET_ADMIN; when it
// cannot run, the check fails unless SFBTOPO_SKIP_NFT=1.

const NO_NETLINK = /Operation not permitted|Permission denied|cache initialization failed|Could not (open|receive|send)|socket/i;
const NFT = ['/usr/sbin/nft', '/sbin/nft'].find((path) => existsSync(path)) ?? 'nft';
let nftScratch: string | undefined;
let nftCount = 0;

/** `nft -c -f` accepts the ruleset (or the environment cannot check and SFBTOPO_SKIP_NFT=1 says so). */
export function expectNftAccepts(label: string, content: string): void {
    nftScratch ??= mkdtempSync(join(tmpdir(), 'sfbtopo-security-nft-'));
    const file = join(nftScratch, `case${++nftCount}.nft`);
    writeFileSync(file, content);
    const run = spawnSync(NFT, ['-c', '-f', file], { encoding: 'utf8', timeout: 15_000 });
    rmSync(file, { force: true });
    const problem =
        run.error !== undefined
            ? `nft could not be started (${run.error.message})`
            : run.status !== 0 && NO_NETLINK.test(run.stderr)
              ? `nft -c cannot reach netlink here: ${run.stderr.trim()}`
              : undefined;
    if (problem) {
        if (process.env.SFBTOPO_SKIP_NFT === '1') return;
        expect.fail(`${label}: ${problem}. Set SFBTOPO_SKIP_NFT=1 to skip this check knowingly.`);
    }
    expect(run.stderr, `nft -c -f rejected ${label}`).toBe('');
    expect(run.status).toBe(0);
}

export function cleanUpNft(): void {
    if (nftScratch) rmSync(nftScratch, { recursive: true, force: true });
    nftScratch = undefined;
}
