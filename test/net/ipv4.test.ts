import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { ipv4AddressProblem, ipv4ToNumber, normaliseIpv4 } from '../../server/src/net/ipv4.js';

// The hand-written fast path for plain dotted-decimal addresses must agree with ipaddr.js.
const addressLike = fc.oneof(
    fc.stringMatching(/^[0-9.]{1,17}$/),
    fc.tuple(...Array.from({ length: 4 }, () => fc.nat({ max: 300 }))).map((octets) => octets.join('.')),
    fc.constantFrom('0.0.0.0', '255.255.255.255', '10.0.0.01', '256.1.1.1', '1.2.3', '1.2.3.4.5', '1..2.3', '.1.2.3', '1.2.3.', '010.1.1.1', '0x1.1.1.1', '10.0.1.11'),
);

describe('IPv4 addresses', () => {
    it('are read, normalised and refused exactly as ipaddr.js reads four-part decimal addresses', () => {
        fc.assert(
            fc.property(addressLike, (text) => {
                const valid = ipaddr.IPv4.isValidFourPartDecimal(text);
                expect(normaliseIpv4(text)).toBe(valid ? ipaddr.IPv4.parse(text).toString() : undefined);
                expect(ipv4AddressProblem(text) === undefined).toBe(valid);
                if (valid) expect(ipv4ToNumber(text)).toBe(ipaddr.IPv4.parse(text).octets.reduce((value, octet) => value * 256 + octet, 0));
            }),
            { seed: 20_261_128, numRuns: 5_000 },
        );
    });
});
