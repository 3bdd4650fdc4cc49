import ipaddr from 'ipaddr.js';

// IPv4 syntax is checked with ipaddr.js rather than a pattern: it knows the octet
// bounds and refuses the octal and hexadecimal forms that Windows tools would misread.

/** Why `text` is not a single IPv4 address, or undefined when it is one. */
export function ipv4AddressProblem(text: string): string | undefined {
    if (text.includes('/')) {
        return `'${text}' is a subnet (CIDR), but a single IPv4 address is expected here, such as 10.0.1.11`;
    }
    if (!ipaddr.IPv4.isValidFourPartDecimal(text)) {
        return `'${text}' is not an IPv4 address: write four decimal numbers from 0 to 255 separated by dots, such as 10.0.1.11`;
    }
    return undefined;
}

export interface CidrCheck {
    /** Set when the text is not a usable IPv4 CIDR. */
    problem?: string;
    /** Set when the CIDR is valid but has host bits: the network it denotes. */
    network?: string;
}

export function checkIpv4Cidr(text: string): CidrCheck {
    const slash = text.indexOf('/');
    if (slash < 0) {
        return { problem: `'${text}' has no prefix length: a subnet is written as a CIDR, such as 10.0.0.0/16` };
    }
    const address = text.slice(0, slash);
    const prefixText = text.slice(slash + 1);
    if (!ipaddr.IPv4.isValidFourPartDecimal(address)) {
        return { problem: `'${address}' in '${text}' is not an IPv4 address: write four decimal numbers from 0 to 255 separated by dots` };
    }
    const prefix = Number(prefixText);
    if (!/^(0|[1-9][0-9]?)$/.test(prefixText) || prefix > 32) {
        return { problem: `'/${prefixText}' in '${text}' is not a prefix length: IPv4 prefixes run from 0 to 32` };
    }
    const network = ipaddr.IPv4.networkAddressFromCIDR(text).toString();
    return network === address ? {} : { network: `${network}/${prefix}` };
}

/** The canonical form of a valid IPv4 address, for comparing two spellings. */
export function normaliseIpv4(text: string): string | undefined {
    return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text).toString() : undefined;
}
