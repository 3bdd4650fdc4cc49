import type { ValidationAcceptor } from 'langium';
import type { Gateway, ReverseProxy, Server, Subnet, Topology, Vip } from '../generated/ast.js';
import { checkIpv4Cidr, ipv4AddressProblem, normaliseIpv4 } from '../../net/ipv4.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';
import { addressUses, lineOf, type AddressUse } from './topology-contents.js';

export function checkSubnet(subnet: Subnet, accept: ValidationAcceptor): void {
    if (subnet.cidr === undefined) {
        return; // a parse error already points here
    }
    const { problem, network } = checkIpv4Cidr(subnet.cidr);
    if (problem) {
        report(accept, 'error', IssueCodes.InvalidSubnet, `Subnet ${subnet.name}: ${problem}.`, subnet, 'cidr');
    } else if (network) {
        report(
            accept,
            'warning',
            IssueCodes.SubnetHostBits,
            `Subnet ${subnet.name}: '${subnet.cidr}' has host bits set; the network it denotes is ${network}, write that instead.`,
            subnet,
            'cidr',
        );
    }
}

export function checkServerAddresses(server: Server, accept: ValidationAcceptor): void {
    for (const property of ['address', 'internal', 'external'] as const) {
        checkAddress(server, property, accept);
    }
}

export function checkHostAddress(node: Gateway | ReverseProxy | Vip, accept: ValidationAcceptor): void {
    checkAddress(node, 'address', accept);
}

function checkAddress(node: Server | Gateway | ReverseProxy | Vip, property: 'address' | 'internal' | 'external', accept: ValidationAcceptor): void {
    const text = (node as Partial<Record<typeof property, string>>)[property];
    const problem = text === undefined ? undefined : ipv4AddressProblem(text);
    if (problem) {
        report(accept, 'error', IssueCodes.InvalidAddress, `${problem}.`, node, property);
    }
}

/** Two things at one address would make every rule for that address ambiguous. */
export function checkUniqueAddresses(topology: Topology, accept: ValidationAcceptor): void {
    const first = new Map<string, AddressUse>();
    for (const use of addressUses(topology)) {
        const key = normaliseIpv4(use.text);
        if (key === undefined) {
            continue; // reported as an invalid address
        }
        const earlier = first.get(key);
        if (!earlier) {
            first.set(key, use);
            continue;
        }
        report(
            accept,
            'error',
            IssueCodes.DuplicateAddress,
            `The address ${use.text} of ${use.owner} is already used by ${earlier.owner} at ${lineOf(earlier.node)}; ` +
                `each server, gateway, reverse proxy and load balancer VIP needs an address of its own.`,
            use.node,
            use.property,
        );
    }
}
