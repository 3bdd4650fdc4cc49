import type { ValidationChecks } from 'langium';
import type { SfbtopoAstType } from '../generated/ast.js';
import type { SfbtopoServices } from '../sfbtopo-module.js';
import { checkHostAddress, checkServerAddresses, checkSubnet, checkUniqueAddresses } from './addresses.js';
import { checkFqdn, checkUniqueFqdns } from './fqdns.js';
import { checkUniqueNames } from './names.js';
import { checkPortRange } from './port-ranges.js';

/** One map from AST type to the checks that apply to it; each check lives with its concern. */
export function registerValidationChecks(services: SfbtopoServices): void {
    const checks: ValidationChecks<SfbtopoAstType> = {
        Topology: [checkUniqueNames, checkUniqueAddresses, checkUniqueFqdns],
        Subnet: checkSubnet,
        Server: checkServerAddresses,
        Gateway: checkHostAddress,
        ReverseProxy: checkHostAddress,
        Vip: checkHostAddress,
        Fqdn: checkFqdn,
        PortRange: checkPortRange,
    };
    services.validation.ValidationRegistry.register(checks);
}
