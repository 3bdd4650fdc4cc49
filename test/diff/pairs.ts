// Pairs of topologies for the diff tests: the reference example, and the same example
// after one administrator's change each. Each edit must apply (the test fails otherwise).
import { DiagnosticSeverity } from 'vscode-languageserver';
import { resolveTopology } from '../../server/src/model/resolved-topology.js';
import { buildRuleSet } from '../../server/src/rules/rule-model.js';
import type { RuleSet } from '../../server/src/rules/rule.js';
import { check, readRepoFile } from '../helpers.js';

export const CONTOSO = readRepoFile('examples/contoso.sfbtopo');

/** Replaces each `from` (which must be there) with its `to`. */
export function edit(text: string, ...replacements: Array<[string, string]>): string {
    return replacements.reduce((result, [from, to]) => {
        if (!result.includes(from)) throw new Error(`the edit does not apply: ${from}`);
        return result.replace(from, to);
    }, text);
}

/** The edits of each kind of change the issue names, on the reference example. */
export const CHANGES = {
    'server added': edit(CONTOSO, ['    server fe01c 10.0.1.13\n', '    server fe01c 10.0.1.13\n    server fe01d 10.0.1.14\n']),
    'server removed': edit(CONTOSO, ['    server fe01c 10.0.1.13\n', '']),
    'pool added': edit(CONTOSO, ['  officewebapps pool owa01 {', '  persistentchat pool pc02 {\n    fqdn "pchat02.contoso.com"\n    server pc02a 10.0.4.12\n  }\n\n  officewebapps pool owa01 {']),
    'pool removed': edit(CONTOSO, ['  persistentchat pool pc01 {\n    fqdn "pchat01.contoso.com"\n    server pc01a 10.0.4.11\n  }\n\n', '']),
    'media range moved': edit(CONTOSO, ['media audio 50020-50039', 'media audio 50120-50139']),
    'port override': edit(CONTOSO, ['    fqdn "dirpool01.contoso.com"\n', '    fqdn "dirpool01.contoso.com"\n    port sip 5160\n']),
    'load balancing switched': edit(CONTOSO, ['    hosts cms\n    loadbalancing dns', '    hosts cms\n    loadbalancing hardware']),
    'gateway removed': edit(CONTOSO, ['    gateway pstn1\n', ''], ['  gateway pstn1 10.0.3.200\n', '']),
    'pool renamed': edit(CONTOSO, ['officewebapps pool owa01', 'officewebapps pool owa02']),
} as const;

/** The rules of a topology text that must have no errors. */
export async function rulesOf(text: string, path = '/virtual/contoso.sfbtopo'): Promise<RuleSet> {
    const { document, diagnostics } = await check(text, path);
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    if (errors.length > 0) throw new Error(`the test topology has errors: ${errors.map((e) => e.message).join('; ')}`);
    return buildRuleSet(resolveTopology(document.parseResult.value));
}

/** One change request's worth of edits to the reference example, for the golden outputs. */
export const CONTOSO_CHANGED = edit(
    CONTOSO,
    ['  persistentchat pool pc01 {\n    fqdn "pchat01.contoso.com"\n    server pc01a 10.0.4.11\n  }\n\n', ''],
    ['officewebapps pool owa01', 'officewebapps pool owa02'],
    ['  edge pool edge01 {', '  officewebapps pool owa03 {\n    fqdn "owa03.contoso.com"\n    server owa03a 10.0.5.13\n  }\n\n  edge pool edge01 {'],
    ['    fqdn "dirpool01.contoso.com"\n', '    fqdn "dirpool01.contoso.com"\n    port sip 5160\n'],
    ['media audio 50020-50039', 'media audio 50120-50139'],
    ['    server med01a 10.0.3.11\n', '    server med01a 10.0.3.11\n    server med01b 10.0.3.12\n    loadbalancing dns\n'],
);

export const PERIMETER = readRepoFile('examples/perimeter.sfbtopo');

/** A third Edge server in Amsterdam's DNS load balanced Edge pool. */
export const PERIMETER_CHANGED = edit(PERIMETER, [
    '    server ams-edge2b internal 10.30.9.22 access 203.0.113.41 webconf 203.0.113.42 av 203.0.113.43\n',
    '    server ams-edge2b internal 10.30.9.22 access 203.0.113.41 webconf 203.0.113.42 av 203.0.113.43\n    server ams-edge2c internal 10.30.9.23 access 203.0.113.51 webconf 203.0.113.52 av 203.0.113.53\n',
]);
