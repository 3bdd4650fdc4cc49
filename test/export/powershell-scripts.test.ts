// Golden files: test/export/golden/<example>/ holds, for every examples/<example>.sfbtopo,
// the expected windows-firewall-<host>.ps1, ipsec-exceptions.ps1 and probe.ps1, byte for
// byte. After an intended change to the output, regenerate them with
//   UPDATE_GOLDEN=1 npx vitest run test/export/powershell-scripts.test.ts
// and review the diff: the golden files are the spec of the output.
//
// No PowerShell runs here; the scripts are read back with a small tokenizer that
// follows PowerShell's rules for single-quoted strings (readPowershellString), and every
// quoted argument of every New-NetFirewallRule / New-NetIPsecRule line must give back
// the rule's text.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSeal } from '../../server/src/export/content-hash.js';
import type { ExportFile } from '../../server/src/export/export-file.js';
import { normaliseLineBreaks, powershellQuote, readPowershellString } from '../../server/src/export/quoting/powershell.js';
import { renderIpsecPowershell } from '../../server/src/export/renderers/ipsec-powershell.js';
import { renderProbePowershell } from '../../server/src/export/renderers/probe-powershell.js';
import { renderWindowsFirewall } from '../../server/src/export/renderers/windows-firewall.js';
import { resolveTopology } from '../../server/src/model/resolved-topology.js';
import { buildRuleSet } from '../../server/src/rules/rule-model.js';
import type { Rule, RuleSet } from '../../server/src/rules/rule.js';
import { check, readRepoFile, repoRoot } from '../helpers.js';

const examples = readdirSync(join(repoRoot, 'examples')).filter((name) => name.endsWith('.sfbtopo')).sort();

/** The golden files that belong to these three formats (others share the folders). */
const OWN_GOLDEN = /^(windows-firewall-[A-Za-z0-9_-]+\.ps1|ipsec-exceptions\.ps1|probe\.ps1)$/;

async function ruleSetOf(example: string): Promise<RuleSet> {
    const { document, diagnostics } = await check(readRepoFile(`examples/${example}`), `/examples/${example}`);
    expect(diagnostics.filter((d) => d.severity === 1)).toEqual([]);
    return buildRuleSet(resolveTopology(document.parseResult.value));
}

function renderAll(rules: RuleSet, sourceFile: string): ExportFile[] {
    const context = { sourceFile };
    return [...renderWindowsFirewall(rules, context), ...renderIpsecPowershell(rules, context), ...renderProbePowershell(rules, context)];
}

/** One token of a command line: a quoted string (with its source text), a bare word, `,` or `|`. */
type Token = { kind: 'quoted'; value: string; source: string } | { kind: 'bare'; value: string } | { kind: ',' | '|' };

function tokenize(line: string): Token[] {
    const tokens: Token[] = [];
    let i = 0;
    while (i < line.length) {
        const c = line[i];
        if (c === ' ' || c === '\t') {
            i += 1;
        } else if (c === ',' || c === '|') {
            tokens.push({ kind: c });
            i += 1;
        } else if ("'\u2018\u2019\u201A\u201B".includes(c)) {
            const { value, end } = readPowershellString(line, i);
            tokens.push({ kind: 'quoted', value, source: line.slice(i, end) });
            i = end;
        } else {
            let end = i;
            while (end < line.length && !" \t,|'\u2018\u2019\u201A\u201B".includes(line[end])) end += 1;
            tokens.push({ kind: 'bare', value: line.slice(i, end) });
            i = end;
        }
    }
    return tokens;
}

interface Call {
    command: string;
    /** Each parameter's values: quoted values as text, bare words as `bare:<word>`. */
    parameters: Map<string, string[]>;
    quoted: Array<{ value: string; source: string }>;
    pipedTo: string[];
}

/** Reads `Command -Name value[, value...] ... | Next` into its parts; fails on anything else. */
function parseCall(line: string): Call {
    const tokens = tokenize(line);
    const first = tokens.shift();
    if (first?.kind !== 'bare') throw new Error(`No command in ${line}`);
    const call: Call = { command: first.value, parameters: new Map(), quoted: [], pipedTo: [] };
    while (tokens.length > 0) {
        const token = tokens.shift()!;
        if (token.kind === '|') {
            call.pipedTo = tokens.map((t) => (t.kind === 'bare' ? t.value : '?'));
            break;
        }
        if (token.kind !== 'bare' || !token.value.startsWith('-')) throw new Error(`Expected a parameter name in ${line}, got ${JSON.stringify(token)}`);
        const values: string[] = [];
        for (;;) {
            const value = tokens.shift();
            if (value?.kind === 'quoted') {
                values.push(value.value);
                call.quoted.push(value);
            } else if (value?.kind === 'bare' && !value.value.startsWith('-')) {
                values.push(`bare:${value.value}`);
            } else {
                throw new Error(`Parameter ${token.value} has no value in ${line}`);
            }
            if (tokens[0]?.kind !== ',') break;
            tokens.shift();
        }
        if (call.parameters.has(token.value)) throw new Error(`${token.value} twice in ${line}`);
        call.parameters.set(token.value, values);
    }
    return call;
}

function callsOf(content: string, command: string): Call[] {
    return content
        .split('\n')
        .filter((line) => line.startsWith(`${command} `))
        .map(parseCall);
}

const addresses = (endpoints: Rule['source']) => (endpoints === 'any' ? ['Any'] : endpoints);
const description = (rule: Rule) => normaliseLineBreaks(`${rule.service}: ${rule.purpose.en}`);

/** Checks that every quoted argument reads back to the text it was made from, and is quoted the one way. */
function expectQuotedRoundTrip(call: Call): void {
    for (const { value, source } of call.quoted) expect(powershellQuote(value)).toBe(source);
}

/** The New-NetFirewallRule call says exactly what the rule says. */
/** The New-NetFirewallRule call: what the host receives is bound to the destination, what it sends (an Edge's outbound rows) to the source. */
function expectFirewallCall(call: Call, rule: Rule): void {
    expectQuotedRoundTrip(call);
    const inbound = rule.direction === 'inbound';
    const [local, remote] = inbound ? [rule.destination, rule.source] : [rule.source, rule.destination];
    expect(Object.fromEntries(call.parameters)).toEqual({
        '-DisplayName': [rule.id],
        '-Group': ['bare:$group'],
        '-Direction': [inbound ? 'bare:Inbound' : 'bare:Outbound'],
        '-Protocol': [rule.transport],
        ...(local === 'any' ? {} : { '-LocalAddress': local }),
        ...(rule.ports === 'any' ? {} : { [inbound ? '-LocalPort' : '-RemotePort']: [rule.ports] }),
        '-RemoteAddress': addresses(remote),
        '-Action': ['bare:Allow'],
        '-Description': [description(rule)],
    });
    expect(call.pipedTo).toEqual(['Out-Null']);
}

/** The New-NetIPsecRule call: no security, and the rule's ends as local and remote. */
function expectIpsecCall(call: Call, rule: Rule): void {
    expectQuotedRoundTrip(call);
    const inbound = rule.direction === 'inbound';
    const [local, remote] = inbound ? [rule.destination, rule.source] : [rule.source, rule.destination];
    const destinationPorts = rule.ports === 'any' ? undefined : [rule.ports];
    const sourcePorts = rule.sourcePorts ? [rule.sourcePorts] : undefined;
    const [localPorts, remotePorts] = inbound ? [destinationPorts, sourcePorts] : [sourcePorts, destinationPorts];
    expect(Object.fromEntries(call.parameters)).toEqual({
        '-DisplayName': [rule.id],
        '-Group': ['bare:$group'],
        '-InboundSecurity': ['bare:None'],
        '-OutboundSecurity': ['bare:None'],
        '-Protocol': [rule.transport],
        '-LocalAddress': addresses(local),
        ...(localPorts ? { '-LocalPort': localPorts } : {}),
        '-RemoteAddress': addresses(remote),
        ...(remotePorts ? { '-RemotePort': remotePorts } : {}),
        '-Description': [description(rule)],
    });
    expect(call.pipedTo).toEqual(['Out-Null']);
}

function expectScriptShape(file: ExportFile, topology: string): void {
    const text = file.content.replace(/^\uFEFF/, '');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).not.toMatch(/\r/);
    expect(text).toMatch(/^# sfbtopo-hash: sha256:[0-9a-f]{64}\n# Generated by sfbtopo from /);
    expect(checkSeal(file.content)).toEqual({ sealed: true, intact: true });
    expect(text).toContain(`(topology ${topology}).`);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T|\d{2}:\d{2}:\d{2}/); // no timestamps
}

describe.each(examples)('PowerShell exports of %s', (example) => {
    const folder = join(repoRoot, 'test/export/golden', basename(example, '.sfbtopo'));

    it('match their golden files', async () => {
        const files = renderAll(await ruleSetOf(example), example);
        if (process.env.UPDATE_GOLDEN === '1') {
            mkdirSync(folder, { recursive: true });
            for (const stale of readdirSync(folder).filter((name) => OWN_GOLDEN.test(name))) rmSync(join(folder, stale));
            for (const file of files) writeFileSync(join(folder, file.name), file.content);
        }
        const golden = existsSync(folder) ? readdirSync(folder).filter((name) => OWN_GOLDEN.test(name)).sort() : [];
        expect(files.map((file) => file.name).sort(), `golden files in ${folder} (run with UPDATE_GOLDEN=1)`).toEqual(golden);
        for (const file of files) expect(file.content, file.name).toBe(readFileSync(join(folder, file.name), 'utf8'));
    });

    it('are deterministic, LF-only, with the header and no timestamp', async () => {
        const rules = await ruleSetOf(example);
        const files = renderAll(rules, example);
        expect(renderAll(await ruleSetOf(example), example)).toEqual(files);
        for (const file of files) expectScriptShape(file, rules.topology);
    });

    it('windows-firewall: one script per host, each New-NetFirewallRule line parses back to its rule', async () => {
        const rules = await ruleSetOf(example);
        const files = renderWindowsFirewall(rules, { sourceFile: example });
        const hosts = [...new Set(rules.firewall.flatMap((rule) => (rule.host ? [rule.host] : [])))];
        expect(files.map((file) => file.name)).toEqual(hosts.map((host) => `windows-firewall-${host}.ps1`));
        for (const [index, file] of files.entries()) {
            const hostRules = rules.firewall.filter((rule) => rule.host === hosts[index]);
            const calls = callsOf(file.content, 'New-NetFirewallRule');
            expect(calls).toHaveLength(hostRules.length);
            calls.forEach((call, i) => expectFirewallCall(call, hostRules[i]));
            const lines = file.content.split('\n');
            expect(lines).toContain('#Requires -RunAsAdministrator');
            expect(lines).toContain(`$group = ${powershellQuote(`sfbtopo ${rules.topology}`)}`);
            // Removal of the earlier run comes before the first new rule.
            const removal = lines.findIndex((line) => line.includes('Remove-NetFirewallRule'));
            expect(removal).toBeGreaterThan(0);
            expect(removal).toBeLessThan(lines.findIndex((line) => line.startsWith('New-NetFirewallRule')));
        }
    });

    it('ipsec-powershell: one New-NetIPsecRule per exception, each parsing back to it', async () => {
        const rules = await ruleSetOf(example);
        const [file] = renderIpsecPowershell(rules, { sourceFile: example });
        expect(file.name).toBe('ipsec-exceptions.ps1');
        const calls = callsOf(file.content, 'New-NetIPsecRule');
        expect(calls).toHaveLength(rules.ipsec.length);
        calls.forEach((call, i) => expectIpsecCall(call, rules.ipsec[i]));
        expect(file.content).toContain('$previous = @(Get-NetIPsecRule -Group $group -ErrorAction SilentlyContinue)\nif ($previous.Count -gt 0) { $previous | Remove-NetIPsecRule }\n');
    });

    it('probe-powershell: embeds every TCP rule with a destination, once, with its first port; the external firewall apart', async () => {
        const rules = await ruleSetOf(example);
        const [file] = renderProbePowershell(rules, { sourceFile: example });
        expect(file.name).toBe('probe.ps1');
        const probeable = (rule: Rule) => rule.transport === 'TCP' && rule.destination !== 'any';
        const inside = rules.firewall.filter((rule) => probeable(rule) && rule.firewall !== 'perimeter-external');
        const outside = rules.firewall.filter((rule) => probeable(rule) && rule.firewall === 'perimeter-external' && rule.direction === 'inbound');
        // From the Internet a translated address is reached at its public address.
        const publicOf = (rule: Rule, address: string) => rule.nat?.find((translation) => translation.address === address)?.public ?? address;
        expectProbeData(arrayLines(file.content, '$rules'), inside, (rule) => [...(rule.destination as string[]), ...addresses(rule.source)]);
        expectProbeData(arrayLines(file.content, '$externalRules'), outside, (rule) => [...(rule.destination as string[]).map((address) => publicOf(rule, address)), 'Any']);
        for (const line of arrayLines(file.content, '$externalRules')) expect(line.includes('# NAT: ')).toBe(outside.find((rule) => line.includes(powershellQuote(rule.id)))!.nat !== undefined);
        expect(file.content).toContain(
            "[CmdletBinding(DefaultParameterSetName = 'Internal')]\nparam(\n    [Parameter(Mandatory, ParameterSetName = 'Internal')][string]$SourceAddress,\n    [Parameter(ParameterSetName = 'External')][switch]$External\n)\n",
        );
        expect(file.content).toContain('Test-NetConnection -ComputerName $destination -Port $rule.Port -InformationLevel Quiet');
        expect(file.content).toContain('Format-Table -Property Rule, Destination, Port, Result');
        expect(file.content).toContain('if ($failed -gt 0) { exit 1 }');
    });
});

/** The data lines of one of the probe script's rule arrays (`$rules = @(` … `)`). */
function arrayLines(content: string, variable: string): string[] {
    const lines = content.split('\n');
    const start = lines.indexOf(`${variable} = @(`);
    expect(start, variable).toBeGreaterThanOrEqual(0);
    const end = lines.indexOf(')', start);
    return lines.slice(start + 1, end).filter((line) => line.startsWith('    @{ Rule = '));
}

/** Each data line gives back its rule: id, service, the expected addresses, its first port and the range note. */
function expectProbeData(data: string[], probed: Rule[], expectedAddresses: (rule: Rule) => string[]): void {
    expect(data).toHaveLength(probed.length);
    data.forEach((line, i) => {
        const rule = probed[i];
        const quoted: string[] = [];
        for (let at = line.search(/'/); at >= 0 && at < line.length; ) {
            const { value, end } = readPowershellString(line, at);
            expect(powershellQuote(value)).toBe(line.slice(at, end));
            quoted.push(value);
            const next = line.slice(end).search(/'/);
            at = next < 0 ? -1 : end + next;
        }
        expect(quoted).toEqual([rule.id, rule.service, ...expectedAddresses(rule)]);
        expect(line).toContain(`; Port = ${rule.ports.split('-')[0]}; `);
        expect(line.includes(`# range ${rule.ports}: probes its first port`)).toBe(rule.ports.includes('-'));
    });
}

describe('PowerShell exports of hostile text', () => {
    const hostile = "x'; Remove-Item C:\\ -Recurse; '\u2019$(calc)`\r\nSecond line \u2018\u201A\u201B & | % ;";
    const rule: Rule = {
        id: 'S/pool/row/tcp',
        site: 'S',
        source: ['10.0.0.0/24'],
        destination: ['10.0.1.11'],
        transport: 'TCP',
        ports: '5061',
        direction: 'inbound',
        service: hostile,
        table: 'server',
        role: 'frontend',
        host: 'pool',
        catalogueId: 'row',
        purpose: { en: hostile, ja: hostile },
    } as Rule;
    const rules: RuleSet = { topology: 'T', firewall: [rule], ipsec: [{ ...rule, id: 'S/x/ipsec/tcp', host: undefined, ports: 'any' }] };
    const sourceFile = "evil\r\nRemove-Item C:\\ -Recurse #'.sfbtopo";

    it('stays inside its quotes and comments', () => {
        for (const file of renderAll(rules, sourceFile)) {
            const lines = file.content.replace(/^\uFEFF/, '').split('\n');
            // The header is the seal and two comment lines, whatever the file name holds.
            expect(lines[0]).toMatch(/^# sfbtopo-hash: sha256:[0-9a-f]{64}$/);
            expect(lines[1]).toBe("# Generated by sfbtopo from evil Remove-Item C:\\ -Recurse #'.sfbtopo (topology T).");
            expect(lines.filter((line) => line.includes('Remove-Item')).every((line) => line.startsWith('#') || /'[^']*Remove-Item/.test(line))).toBe(true);
        }
        const [firewall] = renderWindowsFirewall(rules, { sourceFile });
        expectFirewallCall(parseCall(firewall.content.split('\n').find((line) => line.startsWith('New-NetFirewallRule'))!), rule);
        const [ipsec] = renderIpsecPowershell(rules, { sourceFile });
        expectIpsecCall(parseCall(ipsec.content.split('\n').find((line) => line.startsWith('New-NetIPsecRule'))!), rules.ipsec[0]);
    });

    it('refuses addresses and ports outside their validated sets', () => {
        expect(() => renderWindowsFirewall({ ...rules, firewall: [{ ...rule, source: ["10.0.0.1' -Action Block #"] }] }, { sourceFile: 'a' })).toThrow(/Not an address/);
        expect(() => renderWindowsFirewall({ ...rules, firewall: [{ ...rule, ports: '80; calc' }] }, { sourceFile: 'a' })).toThrow(/Not a port/);
        expect(() => renderWindowsFirewall({ ...rules, firewall: [{ ...rule, host: '../x' }] }, { sourceFile: 'a' })).toThrow(/Not an identifier/);
        expect(() => renderProbePowershell({ ...rules, firewall: [{ ...rule, service: 'a\u0000b' }] }, { sourceFile: 'a' })).toThrow(/control character U\+0000/);
    });

    it('starts with a byte order mark only when it holds non-ASCII text', () => {
        const plain: RuleSet = { ...rules, ipsec: [{ ...rules.ipsec[0], service: 'Plain', purpose: { en: 'plain', ja: '平文' } }] };
        const [ascii] = renderIpsecPowershell(plain, { sourceFile: 'plain.sfbtopo' });
        const [japanese] = renderIpsecPowershell(plain, { sourceFile: '東京.sfbtopo' });
        expect(ascii.content).toMatch(/^# sfbtopo-hash: sha256:[0-9a-f]{64}\n# Generated/);
        expect(japanese.content).toMatch(/^\uFEFF# sfbtopo-hash: sha256:[0-9a-f]{64}\n# Generated by sfbtopo from 東京\.sfbtopo/);
        expect(checkSeal(japanese.content)).toEqual({ sealed: true, intact: true });
    });
});
