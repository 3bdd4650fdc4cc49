import type { ResolvedTopology } from '../model/resolved-topology.js';
import { firewallRules } from './firewall-rules.js';
import { ipsecRules } from './ipsec-rules.js';
import type { RuleSet } from './rule.js';
import { mergeRepeats } from './rule-builder.js';

/** The one rule model every export renders: deterministic in content and order. */
export function buildRuleSet(topology: ResolvedTopology): RuleSet {
    return {
        topology: topology.name,
        firewall: mergeRepeats(firewallRules(topology)),
        // Each of the seed's exceptions stays a rule of its own, even where two cover the same servers.
        ipsec: ipsecRules(topology),
    };
}
