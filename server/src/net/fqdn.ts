// A pool's FQDN ends up in DNS, certificates and generated scripts, so only a plain
// host name is accepted: RFC 1123 labels (letters, digits, inner hyphens), at least
// two of them, 253 characters at most, and a top-level label that is not all digits.

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

/** Why `text` is not a plain fully qualified host name, or undefined when it is one. */
export function fqdnProblem(text: string): string | undefined {
    if (text.length === 0) {
        return 'the FQDN is empty: write the pool\'s DNS name, such as "pool01.contoso.com"';
    }
    if (text.length > 253) {
        return `the FQDN is ${text.length} characters long; DNS names are at most 253`;
    }
    const labels = text.split('.');
    if (labels.length < 2) {
        return `'${text}' is not fully qualified: add the DNS domain, such as "${text}.contoso.com"`;
    }
    for (const label of labels) {
        if (label.length === 0) {
            return `'${text}' has an empty label (two dots in a row, or a leading or trailing dot)`;
        }
        if (label.length > 63) {
            return `the label '${label.slice(0, 20)}…' in '${text}' is ${label.length} characters long; DNS labels are at most 63`;
        }
        if (!LABEL.test(label)) {
            return `the label '${label}' in '${text}' is not a host name label: use letters, digits and inner hyphens only`;
        }
    }
    if (/^[0-9]+$/.test(labels[labels.length - 1])) {
        return `'${text}' ends in an all-digit label, so it is not a host name; write the address in an address position instead`;
    }
    return undefined;
}

/** DNS names compare without regard to letter case. */
export function normaliseFqdn(text: string): string {
    return text.toLowerCase();
}
