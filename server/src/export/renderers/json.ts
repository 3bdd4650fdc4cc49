import type { Rule } from '../../rules/rule.js';
import type { Renderer } from '../export-file.js';
import { sealContent } from '../content-hash.js';
import { headerLines } from '../header.js';
import { blocksOf } from '../text-joins.js';

/**
 * `rules.json` (spec §4): the rule model as it is. JSON has no comments, so the header
 * travels as fields ahead of the spec's: `sfbtopoHash` (the seal, see content-hash.ts)
 * and `generatedBy`.
 */
export const renderJson: Renderer = (rules, context) => {
    const pieces = [
        `{\n  "generatedBy": ${JSON.stringify(headerLines(rules, context).join(' '))},\n  "topology": ${JSON.stringify(rules.topology)},\n  "firewall": `,
        ...jsonRules(rules.firewall),
        ',\n  "ipsec": ',
        ...jsonRules(rules.ipsec),
        '\n}\n',
    ];
    return [{ name: 'rules.json', content: sealContent(pieces, 'json-field') }];
};

/** JSON.stringify(value, null, 2) of `{ x: [...] }` around the array's elements, which it indents as `firewall`'s. */
const OPEN = '{\n  "x": [\n';
const CLOSE = '\n  ]\n}';

/**
 * A list of rules as `JSON.stringify(model, null, 2)` writes it at a field of the model, in
 * pieces of a few hundred rules (blocksOf). V8 builds a long JSON text out of many parts that live
 * until the text is first read, so the collections that ran meanwhile copied them: at
 * 1,000 pools (28 MB of text, two bytes a character for the Japanese purposes) that made
 * the renderers after it slower too, and the whole export a sixth slower. The pieces are
 * hashed and put together as they are (see sealContent).
 */
function jsonRules(list: readonly Rule[]): string[] {
    if (list.length === 0) return ['[]'];
    const blocks = blocksOf(list).map((block) => {
        const text = JSON.stringify({ x: block.map(jsonRule) }, null, 2);
        return text.slice(OPEN.length, text.length - CLOSE.length);
    });
    return ['[\n', ...blocks.flatMap((block, index) => (index === 0 ? [block] : [',\n', block])), '\n  ]'];
}

/**
 * Spec fields first, then what helps a reader: the purpose, the host and the catalogue row.
 * `sourcePorts`, `nat` and `host` only where the rule has them: JSON.stringify leaves out a field
 * whose value is undefined (one shape for every rule, unlike spreading optional fields in,
 * keeps this fast on large topologies).
 */
export function jsonRule(rule: Rule): Record<string, unknown> {
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
        firewall: rule.firewall,
        nat: rule.nat,
        host: rule.host || undefined,
        catalogueId: rule.catalogueId,
        purpose: rule.purpose,
    };
}
