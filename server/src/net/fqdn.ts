// A pool's FQDN ends up in DNS, certificates and generated scripts, so only a plain
// host name is accepted: RFC 1123 labels (letters, digits, inner hyphens), at least
// two of them, 253 characters at most, and a top-level label that is not all digits.

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;

export type FqdnProblem =
    | { kind: 'empty' }
    | { kind: 'too-long'; length: number }
    | { kind: 'single-label' }
    | { kind: 'empty-label' }
    | { kind: 'label-too-long'; label: string }
    | { kind: 'bad-label'; label: string }
    | { kind: 'numeric-tld' };

export function fqdnProblem(text: string): FqdnProblem | undefined {
    if (text.length === 0) return { kind: 'empty' };
    if (text.length > 253) return { kind: 'too-long', length: text.length };
    const labels = text.split('.');
    if (labels.length < 2) return { kind: 'single-label' };
    for (const label of labels) {
        if (label.length === 0) return { kind: 'empty-label' };
        if (label.length > 63) return { kind: 'label-too-long', label };
        if (!LABEL.test(label)) return { kind: 'bad-label', label };
    }
    return /^[0-9]+$/.test(labels[labels.length - 1]) ? { kind: 'numeric-tld' } : undefined;
}

/** DNS names compare without regard to letter case. */
export function normaliseFqdn(text: string): string {
    return text.toLowerCase();
}
