// Quoting for nftables ruleset files (`nft -f`). Everything the renderer writes from the
// topology goes through one of these functions: names become identifiers, texts become
// safe comments, addresses and ports are checked before they reach the file.

/** nft refuses longer rule comments ("comment too long, 128 characters maximum allowed"). */
export const NFT_COMMENT_MAX = 128;

/** Longer set names are cut (and made unique again); the kernel allows 255 bytes. */
const NFT_NAME_MAX = 64;

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(\/([12]?\d|3[0-2]))?$/;
const PORTS = /^\d{1,5}(-\d{1,5})?$/;

/**
 * An nft identifier from a prefix and topology names: letters, digits and `_` only
 * (`-` and anything else become `_`). The prefix (`pool`, `vip` …) starts with a letter
 * and keeps set names apart from nft keywords.
 */
export function nftIdentifier(prefix: string, ...names: string[]): string {
    const text = [prefix, ...names].join('_').replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z]/.test(text)) throw new Error(`nftables: identifier '${text}' must start with a letter`);
    return text.slice(0, NFT_NAME_MAX);
}

/**
 * Hands out unique identifiers. Topology names are unique, but `a-b` and `a_b` both map to
 * `a_b`: the second comer gets `_2` (then `_3` …), in the order names are asked for, so
 * the same topology always gives the same names.
 */
export class NftNames {
    private readonly taken = new Set<string>();

    unique(identifier: string): string {
        let candidate = identifier;
        for (let n = 2; this.taken.has(candidate.toLowerCase()); n++) {
            const suffix = `_${n}`;
            candidate = identifier.slice(0, NFT_NAME_MAX - suffix.length) + suffix;
        }
        this.taken.add(candidate.toLowerCase());
        return candidate;
    }
}

/**
 * A double-quoted nft string for `comment`: only `[A-Za-z0-9_./:-]` survive (anything else
 * becomes `_`), cut to nft's 128 characters, so no quote, backslash or newline can get in.
 */
export function nftComment(text: string): string {
    return `"${text.replace(/[^A-Za-z0-9_./:-]/g, '_').slice(0, NFT_COMMENT_MAX)}"`;
}

/** Text for a `#` line comment: printable ASCII on one line (anything else becomes `?`). */
export function nftLineComment(text: string): string {
    return `# ${text.replace(/[^\x20-\x7e]/g, '?')}`.trimEnd();
}

/** An IPv4 address or CIDR, checked: the topology validated them, the file must not be where that breaks. */
export function nftAddress(address: string): string {
    if (!IPV4.test(address)) throw new Error(`nftables: '${address}' is not an IPv4 address or CIDR`);
    return address;
}

/** A port or a range `a-b`, as nft writes them. */
export function nftPorts(ports: string): string {
    if (!PORTS.test(ports)) throw new Error(`nftables: '${ports}' is not a port or port range`);
    return ports;
}
