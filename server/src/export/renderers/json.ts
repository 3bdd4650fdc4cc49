import type { Rule } from '../../rules/rule.js';
import type { Renderer } from '../export-file.js';
import { sealContent } from '../content-hash.js';
import { headerLines } from '../header.js';

/**
 * `rules.json` (spec §4): the rule model as it is. JSON has no comments, so the header
 * travels as fields ahead of the spec's: `sfbtopoHash` (the seal, see content-hash.ts)
 * and `generatedBy`.
 */
export const renderJson: Renderer = (rules, context) => {
    const model = {
        generatedBy: headerLines(rules, context).join(' '),
        topology: rules.topology,
        firewall: rules.firewall.map(jsonRule),
        ipsec: rules.ipsec.map(jsonRule),
    };
    // The JSON and its last line break sealed as two pieces: adding the line break to the JSON
    // first would copy its text (28 MB at 1,000 pools, the Japanese purposes making it two
    // bytes a character) only to hash it.
    return [{ name: 'rules.json', content: sealContent([JSON.stringify(model, null, 2), '\n'], 'json-field') }];
};

/**
 * Spec fields first, then what helps a reader: the purpose, the host and the catalogue row.
 * `sourcePorts` and `host` only where the rule has them: JSON.stringify leaves out a field
 * whose value is undefined (one shape for every rule, unlike spreading optional fields in,
 * keeps this fast on large topologies).
 */
function jsonRule(rule: Rule): Record<string, unknown> {
    return {
        id: rule.id,
        site: rule.site,
        source: rule.source,
        destination: rule.destination,
        transport: rule.transport,
        ports: rule.ports,
        sourcePorts: rule.sourcePorts || undefined,
        direction: rule.direction,
        service: rule.service,
        table: rule.table,
        role: rule.role,
        host: rule.host || undefined,
        catalogueId: rule.catalogueId,
        purpose: rule.purpose,
    };
}
