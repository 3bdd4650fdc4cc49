import type { Rule } from '../../rules/rule.js';
import { sealContent } from '../content-hash.js';
import type { Renderer } from '../export-file.js';
import { checkedPorts, powershellAddresses, powershellComment, powershellQuote, powershellScript } from '../quoting/powershell.js';
import { powershellGroup, powershellHeader } from './windows-firewall.js';

/**
 * `ipsec-powershell` (spec §4): `ipsec-exceptions.ps1`, one `New-NetIPsecRule` per IPsec
 * exception of the topology, with `-InboundSecurity None -OutboundSecurity None` so that
 * the matching traffic needs no IPsec negotiation. The exceptions belong to the sites;
 * they are grouped by topology (`sfbtopo <topology>`), and the script first removes that
 * group's IPsec rules, so running it again leaves the same rules.
 *
 * An IPsec rule has no direction: it names a local and a remote end. The local end is
 * the side of the exception the servers (or clients) it is meant for stand on: the
 * destination of an inbound exception, the source of an outbound one and of the client
 * exception (direction `any`, whose source ports are the client media range, hence
 * `-LocalPort`). On a computer whose addresses are not the local end, a rule matches
 * nothing, so the one script can run on every computer of the topology.
 */
export const renderIpsecPowershell: Renderer = (rules, context) => [
    {
        name: 'ipsec-exceptions.ps1',
        content: sealContent(
            powershellScript([
                ...powershellHeader(rules, context),
                '#',
                powershellComment(`IPsec exceptions of topology ${rules.topology}: media must not wait for IPsec negotiation.`),
                powershellComment('Run on the servers (and, for the client exceptions, the clients) of the topology; each rule applies'),
                powershellComment('only where its local address matches. A new run first removes the IPsec rules of group'),
                powershellComment(`'${powershellGroup(rules)}', so the result stays the same.`),
                '#Requires -RunAsAdministrator',
                "$ErrorActionPreference = 'Stop'",
                '',
                `$group = ${powershellQuote(powershellGroup(rules))}`,
                '$previous = @(Get-NetIPsecRule -Group $group -ErrorAction SilentlyContinue)',
                'if ($previous.Count -gt 0) { $previous | Remove-NetIPsecRule }',
                '',
                ...rules.ipsec.map(newNetIpsecRule),
                '',
                `Write-Output ('IPsec exceptions created in group ' + $group + ${powershellQuote(`: ${rules.ipsec.length}`)})`,
            ]),
            'hash-comment',
        ),
    },
];

function newNetIpsecRule(rule: Rule): string {
    const localIsDestination = rule.direction === 'inbound';
    const local = localIsDestination ? rule.destination : rule.source;
    const remote = localIsDestination ? rule.source : rule.destination;
    // Destination ports belong to the destination end, source ports to the source end.
    const destinationPorts = rule.ports === 'any' ? undefined : checkedPorts(rule.ports);
    const sourcePorts = rule.sourcePorts && rule.sourcePorts !== 'any' ? checkedPorts(rule.sourcePorts) : undefined;
    const localPorts = localIsDestination ? destinationPorts : sourcePorts;
    const remotePorts = localIsDestination ? sourcePorts : destinationPorts;
    const args = [
        `-DisplayName ${powershellQuote(rule.id)}`,
        '-Group $group',
        '-InboundSecurity None',
        '-OutboundSecurity None',
        `-Protocol ${powershellQuote(rule.transport)}`,
        `-LocalAddress ${powershellAddresses(local)}`,
        ...(localPorts ? [`-LocalPort ${powershellQuote(localPorts)}`] : []),
        `-RemoteAddress ${powershellAddresses(remote)}`,
        ...(remotePorts ? [`-RemotePort ${powershellQuote(remotePorts)}`] : []),
        `-Description ${powershellQuote(`${rule.service}: ${rule.purpose.en}`)}`,
    ];
    return `New-NetIPsecRule ${args.join(' ')} | Out-Null`;
}
