import type { Bilingual } from '../../catalogue/types.js';
import type { Endpoints, Rule, RuleSet } from '../../rules/rule.js';
import { sealContent, sha256Hex } from '../content-hash.js';
import type { ExportContext, Renderer } from '../export-file.js';
import { headerLines } from '../header.js';
import { memoize } from '../memoize.js';
import {
    checkedAddress,
    checkedIdentifier,
    checkedPorts,
    powershellAddresses,
    powershellComment,
    powershellQuote,
    powershellScript,
} from '../quoting/powershell.js';

/**
 * `windows-firewall` (spec §4): one PowerShell script per host, `windows-firewall-<host>.ps1`,
 * for every pool or file share that receives rules. The servers of a host share its
 * rules, so the same script runs on each of them. All rules of a topology share one
 * firewall group, `sfbtopo <topology>`: the script first removes that group's rules, so
 * running it again leaves the same rules. A rule with a `host` concerns that host's
 * servers: an inbound rule bound to its destination addresses, or (an Edge server's rows
 * towards the Internet or its next hop) an outbound rule bound to its source addresses,
 * so that an Edge server's script covers both of its interfaces.
 */
export const renderWindowsFirewall: Renderer = (rules, context) => {
    const parts = new ScriptParts(rules, context);
    return [...rulesByHost(rules.firewall)].map(([host, hostRules]) => ({
        name: windowsFirewallFileName(host),
        content: firewallScript(host, hostRules, parts),
    }));
};

/**
 * What the scripts of one rule set share, worked out once: their fixed lines, and what they
 * say about each address list and each catalogue row (the rules of a row share their
 * service and purpose, so a description is quoted once, not once per rule).
 */
class ScriptParts {
    readonly header: string[];
    readonly setup: string[];
    /** The checked addresses of a list (none for `any`). */
    readonly checked = memoize((endpoints: Endpoints) => (endpoints === 'any' ? [] : endpoints.map(checkedAddress)));
    readonly quoted = memoize(powershellAddresses);
    readonly descriptions = memoize((purpose: Bilingual) => memoize((service: string) => powershellQuote(`${service}: ${purpose.en}`)));

    constructor(rules: RuleSet, context: ExportContext) {
        const group = powershellGroup(rules);
        this.header = [...powershellHeader(rules, context), '#'];
        this.setup = [
            powershellComment(`A new run first removes the rules of group '${group}', so the result stays the same.`),
            '#Requires -RunAsAdministrator',
            "$ErrorActionPreference = 'Stop'",
            '',
            `$group = ${powershellQuote(group)}`,
            '$previous = @(Get-NetFirewallRule -Group $group -ErrorAction SilentlyContinue)',
            'if ($previous.Count -gt 0) { $previous | Remove-NetFirewallRule }',
            '',
        ];
    }
}

/** Longest file name the renderers give: the writer's temporary name adds 36 characters, file systems allow 255. */
const FILE_NAME_MAX = 200;

/**
 * `windows-firewall-<host>.ps1`. The prefix keeps it from ever being a reserved Windows
 * device name (`CON`, `NUL`, `COM1` …), identifiers end in a letter, digit, `_` or `-`
 * (never a dot or space), and a host name too long for a file name is cut and given a
 * hash of the whole name, so the name stays unique and the same on every export.
 */
export function windowsFirewallFileName(host: string): string {
    const name = `windows-firewall-${checkedIdentifier(host)}.ps1`;
    if (name.length <= FILE_NAME_MAX) return name;
    const keep = FILE_NAME_MAX - 'windows-firewall-'.length - '.ps1'.length - 9;
    return `windows-firewall-${host.slice(0, keep)}-${sha256Hex(host).slice(0, 8)}.ps1`;
}

/** The firewall group every script of a topology uses; also the IPsec exceptions' group. */
export function powershellGroup(rules: RuleSet): string {
    return `sfbtopo ${checkedIdentifier(rules.topology)}`;
}

/** The script's header: the common header lines as `#` comments that cannot be broken out of. */
export function powershellHeader(rules: RuleSet, context: ExportContext): string[] {
    return headerLines(rules, context).map(powershellComment);
}

/** Rules with a host, by host, hosts in order of first appearance. */
function rulesByHost(firewall: readonly Rule[]): Map<string, Rule[]> {
    const byHost = new Map<string, Rule[]>();
    for (const rule of firewall) {
        if (!rule.host) continue;
        const list = byHost.get(rule.host) ?? [];
        list.push(rule);
        byHost.set(rule.host, list);
    }
    return byHost;
}

/** The host's own side of a rule: the destination of what it receives, the source of what it sends. */
const localSide = (rule: Rule): Endpoints => (rule.direction === 'outbound' ? rule.source : rule.destination);

function firewallScript(host: string, hostRules: Rule[], parts: ScriptParts): string {
    const locals = new Set<Endpoints>(hostRules.map(localSide));
    const servers = [...new Set([...locals].flatMap(parts.checked))];
    const both = hostRules.some((rule) => rule.direction === 'outbound');
    const script = powershellScript([
        ...parts.header,
        powershellComment(`Windows Firewall ${both ? 'inbound and outbound' : 'inbound'} rules for ${host}: run on each of its servers (${servers.join(', ') || 'any address'}).`),
        ...parts.setup,
        ...hostRules.map((rule) => newNetFirewallRule(rule, parts)),
        '',
        `Write-Output ('${both ? 'Rules' : 'Inbound rules'} created in group ' + $group + ${powershellQuote(`: ${hostRules.length}`)})`,
    ]);
    return sealContent(script, 'hash-comment');
}

function newNetFirewallRule(rule: Rule, parts: ScriptParts): string {
    const outbound = rule.direction === 'outbound';
    const [local, remote] = outbound ? [rule.source, rule.destination] : [rule.destination, rule.source];
    // One template rather than an array of arguments joined: this runs for every rule.
    return (
        `New-NetFirewallRule -DisplayName ${powershellQuote(rule.id)} -Group $group -Direction ${outbound ? 'Outbound' : 'Inbound'} -Protocol ${powershellQuote(rule.transport)}` +
        (local === 'any' ? '' : ` -LocalAddress ${parts.quoted(local)}`) +
        (rule.ports === 'any' ? '' : ` -${outbound ? 'Remote' : 'Local'}Port ${powershellQuote(checkedPorts(rule.ports))}`) +
        ` -RemoteAddress ${parts.quoted(remote)} -Action Allow -Description ${parts.descriptions(rule.purpose)(rule.service)} | Out-Null`
    );
}
