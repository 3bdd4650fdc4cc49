import type { Rule, RuleSet } from '../../rules/rule.js';
import { sealContent, sha256Hex } from '../content-hash.js';
import type { ExportContext, Renderer } from '../export-file.js';
import { headerLines } from '../header.js';
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
 * running it again leaves the same rules. A rule with a `host` is received by that
 * host's servers: an inbound rule on them, bound to the rule's destination addresses
 * (an Edge server's internal leg, not its external one).
 */
export const renderWindowsFirewall: Renderer = (rules, context) =>
    [...rulesByHost(rules.firewall)].map(([host, hostRules]) => ({
        name: windowsFirewallFileName(host),
        content: firewallScript(rules, context, host, hostRules),
    }));

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

function firewallScript(rules: RuleSet, context: ExportContext, host: string, hostRules: Rule[]): string {
    const servers = [...new Set(hostRules.flatMap((rule) => (rule.destination === 'any' ? [] : rule.destination.map(checkedAddress))))];
    const script = powershellScript([
        ...powershellHeader(rules, context),
        '#',
        powershellComment(`Windows Firewall inbound rules for ${host}: run on each of its servers (${servers.join(', ') || 'any address'}).`),
        powershellComment(`A new run first removes the rules of group '${powershellGroup(rules)}', so the result stays the same.`),
        '#Requires -RunAsAdministrator',
        "$ErrorActionPreference = 'Stop'",
        '',
        `$group = ${powershellQuote(powershellGroup(rules))}`,
        '$previous = @(Get-NetFirewallRule -Group $group -ErrorAction SilentlyContinue)',
        'if ($previous.Count -gt 0) { $previous | Remove-NetFirewallRule }',
        '',
        ...hostRules.map(newNetFirewallRule),
        '',
        `Write-Output ('Inbound rules created in group ' + $group + ${powershellQuote(`: ${hostRules.length}`)})`,
    ]);
    return sealContent(script, 'hash-comment');
}

function newNetFirewallRule(rule: Rule): string {
    const args = [
        `-DisplayName ${powershellQuote(rule.id)}`,
        '-Group $group',
        '-Direction Inbound',
        `-Protocol ${powershellQuote(rule.transport)}`,
        ...(rule.destination === 'any' ? [] : [`-LocalAddress ${powershellAddresses(rule.destination)}`]),
        ...(rule.ports === 'any' ? [] : [`-LocalPort ${powershellQuote(checkedPorts(rule.ports))}`]),
        `-RemoteAddress ${powershellAddresses(rule.source)}`,
        '-Action Allow',
        `-Description ${powershellQuote(`${rule.service}: ${rule.purpose.en}`)}`,
    ];
    return `New-NetFirewallRule ${args.join(' ')} | Out-Null`;
}
