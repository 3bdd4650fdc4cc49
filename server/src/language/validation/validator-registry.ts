import type { AstNode, ValidationChecks } from 'langium';
import type { SfbtopoAstType } from '../generated/ast.js';
import type { SfbtopoCoreServices } from '../sfbtopo-core-module.js';
import { checkHostAddress, checkServerAddresses, checkUniqueAddresses } from './addresses.js';
import { checkCentralManagementStore } from './cms.js';
import { checkFqdn, checkUniqueFqdns } from './fqdns.js';
import { checkLoadBalancer, checkPoolLoadBalancing } from './load-balancers.js';
import { checkClientMedia, checkPoolMedia } from './media-ranges.js';
import { checkUniqueNames } from './names.js';
import { checkPortOverrides } from './port-overrides.js';
import { checkPortRange } from './port-ranges.js';
import { checkEdgeExternalSubnets, checkEdgeServiceAddresses, checkPerimeterPool, checkReverseProxyExternal } from './perimeter.js';
import { checkPoolOptions, checkServerShape } from './pools.js';
import { toLangiumCheck, toLocalLangiumCheck, type TopologyCheck } from './report.js';
import { checkAddressesInSubnets, checkSubnet, checkSubnetOverlaps } from './subnets.js';

/** One map from AST type to the checks that apply to it; each check lives with its concern. */
export function registerValidationChecks(services: SfbtopoCoreServices): void {
    const locale = services.l10n.Locale;
    const checks = <N extends AstNode>(...list: Array<TopologyCheck<N>>) => list.map((check) => toLangiumCheck(check, locale));
    // Checks that read only the node's own site (see toLocalLangiumCheck).
    const local = <N extends AstNode>(...list: Array<TopologyCheck<N>>) => list.map((check) => toLocalLangiumCheck(check, locale));
    const registry: ValidationChecks<SfbtopoAstType> = {
        Topology: checks(checkUniqueNames, checkUniqueAddresses, checkUniqueFqdns, checkCentralManagementStore),
        Site: local(checkSubnetOverlaps, checkAddressesInSubnets, checkEdgeExternalSubnets),
        Subnet: local(checkSubnet),
        // Load balancing: a load balancer for the pool may be in another site.
        Pool: [...local(checkPoolOptions), ...checks(checkPoolLoadBalancing, checkPerimeterPool), ...local(checkPoolMedia, checkPortOverrides)],
        Server: local(checkServerAddresses, checkServerShape, checkEdgeServiceAddresses),
        Gateway: local(checkHostAddress),
        ReverseProxy: local(checkHostAddress, checkReverseProxyExternal),
        Vip: local(checkHostAddress),
        // The pool its `for` names may be in another site.
        LoadBalancer: checks(checkLoadBalancer),
        Fqdn: local(checkFqdn),
        PortRange: local(checkPortRange),
        Clients: local(checkClientMedia),
    };
    services.validation.ValidationRegistry.register(registry);
}
