import ipaddr from 'ipaddr.js';

// IPv4 syntax is checked with ipaddr.js rather than a pattern: it knows the octet
// bounds and refuses the octal and hexadecimal forms that Windows tools would misread.
// Functions here say what is wrong; the validators turn that into sentences.

/**
 * The address as a number when it is four decimal octets of 0-255 without leading
 * zeros: what topologies almost always hold, valid for ipaddr.js and already canonical.
 * Read first, by hand, because parsing every address of a large topology with ipaddr.js
 * (or a regular expression and `split`) on each keystroke was measurable.
 */
function plainIpv4(text: string): number | undefined {
    let value = 0;
    let octets = 0;
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
        const code = i < text.length ? text.charCodeAt(i) : DOT;
        if (code === DOT) {
            const digits = i - start;
            if (digits === 0 || digits > 3 || (digits > 1 && text.charCodeAt(start) === ZERO) || ++octets > 4) return undefined;
            const octet = Number(text.slice(start, i));
            if (octet > 255) return undefined;
            value = value * 256 + octet;
            start = i + 1;
        } else if (code < ZERO || code > ZERO + 9) {
            return undefined;
        }
    }
    return octets === 4 ? value : undefined;
}

const DOT = 0x2e;
const ZERO = 0x30;

export type AddressProblem = 'cidr-not-address' | 'not-ipv4';

export function ipv4AddressProblem(text: string): AddressProblem | undefined {
    if (plainIpv4(text) !== undefined) return undefined;
    if (text.includes('/')) return 'cidr-not-address';
    return ipaddr.IPv4.isValidFourPartDecimal(text) ? undefined : 'not-ipv4';
}

export type CidrCheck =
    | { problem: 'no-prefix' }
    | { problem: 'bad-address'; address: string }
    | { problem: 'bad-prefix'; prefix: string }
    | { problem?: undefined; network: Ipv4Network; hostBitsSet: boolean };

export interface Ipv4Network {
    /** First address as an unsigned 32-bit number. */
    first: number;
    last: number;
    prefix: number;
    /** The network written canonically, e.g. 10.0.0.0/16. */
    text: string;
}

export function checkIpv4Cidr(text: string): CidrCheck {
    const slash = text.indexOf('/');
    if (slash < 0) return { problem: 'no-prefix' };
    const address = text.slice(0, slash);
    const prefixText = text.slice(slash + 1);
    if (!ipaddr.IPv4.isValidFourPartDecimal(address)) return { problem: 'bad-address', address };
    const prefix = Number(prefixText);
    if (!/^(0|[1-9][0-9]?)$/.test(prefixText) || prefix > 32) return { problem: 'bad-prefix', prefix: prefixText };
    const size = 2 ** (32 - prefix);
    const first = Math.floor(ipv4ToNumber(address) / size) * size;
    return {
        network: { first, last: first + size - 1, prefix, text: `${numberToIpv4(first)}/${prefix}` },
        hostBitsSet: first !== ipv4ToNumber(address),
    };
}

/** The canonical form of a valid IPv4 address, for comparing two spellings. */
export function normaliseIpv4(text: string): string | undefined {
    if (plainIpv4(text) !== undefined) return text;
    return ipaddr.IPv4.isValidFourPartDecimal(text) ? ipaddr.IPv4.parse(text).toString() : undefined;
}

export function ipv4ToNumber(text: string): number {
    const plain = plainIpv4(text);
    if (plain !== undefined) return plain;
    return ipaddr.IPv4.parse(text).octets.reduce((value, octet) => value * 256 + octet, 0);
}

export function numberToIpv4(value: number): string {
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/**
 * The placeholders of a fact not yet known: `0.0.0.0` for an address, `0.0.0.0/0` for a
 * subnet. Topology Builder records 0.0.0.0 where a server listens on every address it has,
 * so `sfbtopo import` writes these where the XML holds no usable fact, and the validator
 * reports each as an error until the administrator fills it in (issue 17).
 */
export const UNKNOWN_ADDRESS = '0.0.0.0';
export const UNKNOWN_SUBNET = '0.0.0.0/0';

export function isUnknownAddress(text: string): boolean {
    return normaliseIpv4(text) === UNKNOWN_ADDRESS;
}

export function isUnknownSubnet(text: string): boolean {
    const slash = text.indexOf('/');
    return slash > 0 && text.slice(slash + 1) === '0' && isUnknownAddress(text.slice(0, slash));
}
