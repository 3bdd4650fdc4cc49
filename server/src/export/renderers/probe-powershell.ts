import type { Endpoints, Rule } from '../../rules/rule.js';
import { sealContent } from '../content-hash.js';
import type { Renderer } from '../export-file.js';
import { memoize } from '../memoize.js';
import { checkedAddress, checkedPorts, powershellAddresses, powershellComment, powershellList, powershellQuote, powershellScript } from '../quoting/powershell.js';
import { renderInBlocks } from '../text-joins.js';
import { powershellHeader } from './windows-firewall.js';

/**
 * `probe-powershell`: `probe.ps1`, a check that the deployed firewalls match the plan.
 * Run from one computer with its address (`-SourceAddress 10.0.1.11`), it probes every
 * TCP firewall rule of the internal and the perimeter's internal firewall that admits
 * that address (source `any`, or a source address or CIDR containing it) with
 * `Test-NetConnection`, once per destination address, prints a PASS/FAIL table and exits
 * 1 when a probe fails. Run from a host on the Internet with `-External`, it probes the
 * inbound TCP rules of the perimeter's external firewall instead, at the addresses the
 * Internet uses (the public address where the firewall translates an A/V Edge address).
 * The rules travel in the script as data; rules towards any destination (client rules)
 * cannot be probed and are left out, as are UDP rules (no connection to test). A port
 * range is probed on its first port.
 */
export const renderProbePowershell: Renderer = (rules, context) => {
    const lists = new ProbeLists();
    const probeable = (rule: Rule) => rule.transport === 'TCP' && rule.ports !== 'any' && lists.destinations(rule.destination).length > 0;
    const probed = rules.firewall.filter((rule) => rule.firewall !== 'perimeter-external' && probeable(rule));
    const external = rules.firewall.filter((rule) => rule.firewall === 'perimeter-external' && rule.direction === 'inbound' && probeable(rule));
    return [
        {
            name: 'probe.ps1',
            content: sealContent(
                powershellScript([
                    ...powershellHeader(rules, context),
                    '#',
                    powershellComment(`Probes the TCP firewall rules of topology ${rules.topology}. Two modes:`),
                    powershellComment('.\\probe.ps1 -SourceAddress 10.0.1.11   run on the computer with that address (inside, or in the'),
                    powershellComment('    perimeter network): probes the internal and perimeter-internal rules that admit it.'),
                    powershellComment('.\\probe.ps1 -External                  run on a host on the Internet: probes the inbound rules of'),
                    powershellComment("    the perimeter's external firewall at their public addresses (after NAT where translated)."),
                    powershellComment('Prints PASS or FAIL per rule and destination, and exits 1 when any probe fails.'),
                    powershellComment('A probe is a TCP connection: FAIL means the firewall dropped it or nothing listens on the'),
                    powershellComment('port (a media range port listens only during a call, so expect FAIL there when idle).'),
                    "[CmdletBinding(DefaultParameterSetName = 'Internal')]",
                    'param(',
                    "    [Parameter(Mandatory, ParameterSetName = 'Internal')][string]$SourceAddress,",
                    "    [Parameter(ParameterSetName = 'External')][switch]$External",
                    ')',
                    "$ErrorActionPreference = 'Stop'",
                    '',
                    '# The plan: per TCP rule its id, service, destination addresses, the port to probe and the',
                    "# sources it admits ('Any', or addresses and IPv4 CIDRs). A port range is probed on its first",
                    '# port only (noted on the line). Rules towards any destination cannot be probed and are left out.',
                    "# The perimeter's external firewall's rules are in $externalRules, probed with -External.",
                    '$rules = @(',
                    ...renderInBlocks(probed, (rule) => probeData(rule, lists), '\n'),
                    ')',
                    '',
                    "# -External: the inbound TCP rules of the perimeter's external firewall, each destination the",
                    '# address the Internet connects to (the public address where the firewall translates it).',
                    '$externalRules = @(',
                    ...renderInBlocks(external, (rule) => externalData(rule, lists), '\n'),
                    ')',
                    '',
                    ...PROBE_CODE,
                ]),
                'hash-comment',
            ),
        },
    ];
};

/** What the script says about each address list, worked out once per list. */
class ProbeLists {
    /** The destination addresses a probe can connect to: single addresses, not `any` nor a subnet. */
    readonly destinations = memoize((endpoints: Endpoints) => (endpoints === 'any' ? [] : endpoints.map(checkedAddress).filter((address) => !address.includes('/'))));
    readonly quotedDestinations = memoize((endpoints: Endpoints) => powershellList(this.destinations(endpoints)));
    readonly quotedSources = memoize(powershellAddresses);
}

function probeData(rule: Rule, lists: ProbeLists): string {
    const [first, note] = probePort(rule);
    return (
        `    @{ Rule = ${powershellQuote(rule.id)}; Service = ${powershellQuote(rule.service)}; ` +
        `Destinations = @(${lists.quotedDestinations(rule.destination)}); Port = ${first}; Sources = @(${lists.quotedSources(rule.source)}) }${note}`
    );
}

/** An external rule: its destinations as the Internet knows them, the translation noted on the line. */
function externalData(rule: Rule, lists: ProbeLists): string {
    const [first, note] = probePort(rule);
    const translations = rule.nat ?? [];
    const publicOf = (address: string) => translations.find((translation) => translation.address === address)?.public;
    const destinations = lists.destinations(rule.destination).map((address) => (publicOf(address) === undefined ? address : checkedAddress(publicOf(address)!)));
    const translated = lists
        .destinations(rule.destination)
        .filter((address) => publicOf(address) !== undefined)
        .map((address) => `${checkedAddress(publicOf(address)!)} is translated to ${address}`);
    const natNote = translated.length > 0 ? `  # NAT: ${translated.join(', ')}` : '';
    return (
        `    @{ Rule = ${powershellQuote(rule.id)}; Service = ${powershellQuote(rule.service)}; ` +
        `Destinations = @(${powershellList(destinations)}); Port = ${first}; Sources = @('Any') }${note}${natNote}`
    );
}

/** The port a rule is probed on (a range's first), and the note for a range. */
function probePort(rule: Rule): [number, string] {
    const ports = checkedPorts(rule.ports);
    const first = Number.parseInt(ports, 10); // a range's first port: parsing stops at its '-'
    return [first, ports.includes('-') ? `  # range ${ports}: probes its first port` : ''];
}

/** The script's fixed part: IPv4 CIDR matching, the probes and the report. */
const PROBE_CODE = [
    '# The address as a number, or $null when it is not a dotted-quad IPv4 address.',
    'function ConvertTo-Ipv4Number([string]$Address) {',
    "    if ($Address -notmatch '^\\d{1,3}(\\.\\d{1,3}){3}$') { return $null }",
    '    $value = [int64]0',
    "    foreach ($octet in $Address.Split('.')) {",
    '        if ([int]$octet -gt 255) { return $null }',
    '        $value = $value * 256 + [int]$octet',
    '    }',
    '    return $value',
    '}',
    '',
    '# True when the address lies in the IPv4 CIDR (a plain address counts as /32).',
    'function Test-Ipv4InCidr([string]$Address, [string]$Cidr) {',
    "    $parts = $Cidr.Split('/')",
    '    $prefix = 32',
    '    if ($parts.Count -gt 2) { return $false }',
    '    if ($parts.Count -eq 2) {',
    "        if ($parts[1] -notmatch '^\\d{1,2}$' -or [int]$parts[1] -gt 32) { return $false }",
    '        $prefix = [int]$parts[1]',
    '    }',
    '    $addressNumber = ConvertTo-Ipv4Number $Address',
    '    $networkNumber = ConvertTo-Ipv4Number $parts[0]',
    '    if ($null -eq $addressNumber -or $null -eq $networkNumber) { return $false }',
    '    $block = [double][math]::Pow(2, 32 - $prefix)',
    '    return [math]::Floor([double]$addressNumber / $block) -eq [math]::Floor([double]$networkNumber / $block)',
    '}',
    '',
    '# True when one of the rule\'s sources is Any or contains the address.',
    'function Test-RuleSource([string]$Address, [string[]]$Sources) {',
    '    foreach ($source in $Sources) {',
    "        if ($source -eq 'Any' -or (Test-Ipv4InCidr $Address $source)) { return $true }",
    '    }',
    '    return $false',
    '}',
    '',
    'if ($External) {',
    '    $plan = $externalRules',
    "    $from = 'the Internet'",
    '} else {',
    '    if ($null -eq (ConvertTo-Ipv4Number $SourceAddress)) {',
    "        throw ('-SourceAddress must be an IPv4 address such as 10.0.1.11, not: ' + $SourceAddress)",
    '    }',
    '    $plan = $rules',
    '    $from = $SourceAddress',
    '}',
    '',
    '$results = @(',
    '    foreach ($rule in $plan) {',
    '        if (-not $External -and -not (Test-RuleSource $SourceAddress $rule.Sources)) { continue }',
    '        foreach ($destination in $rule.Destinations) {',
    '            $reached = Test-NetConnection -ComputerName $destination -Port $rule.Port -InformationLevel Quiet -WarningAction SilentlyContinue',
    '            [pscustomobject]@{',
    '                Rule        = $rule.Rule',
    '                Destination = $destination',
    '                Port        = $rule.Port',
    "                Result      = $(if ($reached) { 'PASS' } else { 'FAIL' })",
    '            }',
    '        }',
    '    }',
    ')',
    '',
    'if ($results.Count -eq 0) {',
    "    Write-Output ('No planned TCP rule admits traffic from ' + $from + '.')",
    '    exit 0',
    '}',
    '$results | Format-Table -Property Rule, Destination, Port, Result -AutoSize | Out-String -Width 4096 | Write-Output',
    "$failed = @($results | Where-Object { $_.Result -eq 'FAIL' }).Count",
    "Write-Output ('{0} probes from {1}: {2} failed.' -f $results.Count, $from, $failed)",
    'if ($failed -gt 0) { exit 1 }',
    'exit 0',
];
