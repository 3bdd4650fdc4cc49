import type { Rule, RuleSet } from '../../rules/rule.js';
import type { Renderer } from '../export-file.js';
import { sealContent } from '../content-hash.js';
import { headerLines } from '../header.js';
import { batchRemark, netshEndpoints, netshName, netshPorts, netshQuote, netshText } from '../quoting/netsh.js';
import { linesText } from '../text-joins.js';

/** Batch files are read by cmd.exe, which expects CRLF. */
const EOL = '\r\n';

/**
 * `ipsec-exceptions.cmd`: the IPsec exceptions as Windows connection security rules
 * that require no authentication, for servers without PowerShell's NetSecurity module.
 * It first deletes the rules a previous run added (by name, errors ignored), then adds
 * one rule per exception; it stops at the first rule netsh refuses.
 */
export const renderIpsecNetsh: Renderer = (rules, context) => {
    const lines = [
        '@echo off',
        ...headerLines(rules, context).map((line) => batchRemark(line)),
        'REM IPsec exceptions (connection security rules with action=noauthentication).',
        'REM Run from an elevated command prompt. Running it again replaces the rules.',
        '',
        'REM Remove the rules an earlier run of this script added.',
        ...rules.ipsec.map((rule) => `netsh advfirewall consec delete rule name=${ruleName(rules, rule)} >nul 2>&1`),
        '',
        'REM Add the exceptions.',
        ...rules.ipsec.flatMap((rule) => [addRule(rules, rule), 'if errorlevel 1 goto failed']),
        '',
        `echo sfbtopo: ${rules.ipsec.length} IPsec exception(s) added.`,
        'exit /b 0',
        '',
        ':failed',
        'echo sfbtopo: netsh refused an IPsec exception; run this script as an administrator.',
        'exit /b 1',
    ];
    return [{ name: 'ipsec-exceptions.cmd', content: sealContent(linesText(lines, EOL), 'rem-comment') }];
};

/** `sfbtopo <topology> <rule id>`: unique in the topology, and what the delete step finds again. */
function ruleName(rules: RuleSet, rule: Rule): string {
    return netshQuote(netshName(`sfbtopo ${rules.topology} ${rule.id}`));
}

function addRule(rules: RuleSet, rule: Rule): string {
    return [
        'netsh advfirewall consec add rule',
        `name=${ruleName(rules, rule)}`,
        `description=${netshQuote(netshText(`${rule.service}: ${rule.purpose.en}`))}`,
        `endpoint1=${netshEndpoints(rule.source)}`,
        `endpoint2=${netshEndpoints(rule.destination)}`,
        `protocol=${rule.transport === 'TCP' ? 'tcp' : 'udp'}`,
        ...(rule.sourcePorts && rule.sourcePorts !== 'any' ? [`port1=${netshPorts(rule.sourcePorts)}`] : []),
        ...(rule.ports !== 'any' ? [`port2=${netshPorts(rule.ports)}`] : []),
        'action=noauthentication',
    ].join(' ');
}
