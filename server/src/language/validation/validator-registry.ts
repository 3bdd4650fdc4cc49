import type { AstNode, ValidationChecks } from 'langium';
import type { SfbtopoAstType } from '../generated/ast.js';
import type { SfbtopoServices } from '../sfbtopo-module.js';
import { checkHostAddress, checkServerAddresses, checkUniqueAddresses } from './addresses.js';
import { checkCentralManagementStore } from './cms.js';
import { checkFqdn, checkUniqueFqdns } from './fqdns.js';
import { checkLoadBalancer, checkPoolLoadBalancing } from './load-balancers.js';
import { checkClientMedia, checkPoolMedia } from './media-ranges.js';
import { checkUniqueNames } from './names.js';
import { checkPortOverrides } from './port-overrides.js';
import { checkPortRange } from './port-ranges.js';
import { checkPoolOptions, checkServerShape } from './pools.js';
import { toLangiumCheck, type TopologyCheck } from './report.js';
import { checkAddressesInSubnets, checkSubnet, checkSubnetOverlaps } from './subnets.js';

/** One map from AST type to the checks that apply to it; each check lives with its concern. */
export function registerValidationChecks(services: SfbtopoServices): void {
    const locale = services.l10n.Locale;
    const checks = <N extends AstNode>(...list: Array<TopologyCheck<N>>) => list.map((check) => toLangiumCheck(check, locale));
    const registry: ValidationChecks<SfbtopoAstType> = {
        Topology: checks(checkUniqueNames, checkUniqueAddresses, checkUniqueFqdns, checkCentralManagementStore),
        Site: checks(checkSubnetOverlaps, checkAddressesInSubnets),
        Subnet: checks(checkSubnet),
        Pool: checks(checkPoolOptions, checkPoolLoadBalancing, checkPoolMedia, checkPortOverrides),
        Server: checks(checkServerAddresses, checkServerShape),
        Gateway: checks(checkHostAddress),
        ReverseProxy: checks(checkHostAddress),
        Vip: checks(checkHostAddress),
        LoadBalancer: checks(checkLoadBalancer),
        Fqdn: checks(checkFqdn),
        PortRange: checks(checkPortRange),
        Clients: checks(checkClientMedia),
    };
    services.validation.ValidationRegistry.register(registry);
}
