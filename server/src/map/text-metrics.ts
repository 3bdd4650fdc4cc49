// Text widths without a browser: the layout runs in the language server and the command
// line, where no font can be measured. The estimate is per character class, a little on
// the wide side of common sans-serif fonts (Segoe UI, Helvetica, DejaVu Sans), so that
// text fits its box in the webview and in an SVG viewer alike. Deterministic by design.

const NARROW = new Set([...'iljtfrI|!.,:;\'`()[]{} ']);
const WIDE_LATIN = new Set([...'mwMW@%']);

/** East Asian wide characters take a full em. */
function isWide(code: number): boolean {
    return (
        (code >= 0x1100 && code <= 0x115f) ||
        (code >= 0x2e80 && code <= 0xa4cf) ||
        (code >= 0xac00 && code <= 0xd7a3) ||
        (code >= 0xf900 && code <= 0xfaff) ||
        (code >= 0xfe30 && code <= 0xfe4f) ||
        (code >= 0xff00 && code <= 0xff60) ||
        (code >= 0xffe0 && code <= 0xffe6)
    );
}

/** Estimated advance width of `text` in pixels at `fontSize`. */
export function textWidth(text: string, fontSize: number, bold = false): number {
    let ems = 0;
    for (const char of text) {
        const code = char.codePointAt(0) ?? 0;
        if (isWide(code)) ems += 1;
        else if (NARROW.has(char)) ems += 0.34;
        else if (WIDE_LATIN.has(char)) ems += 0.9;
        else if (char >= 'A' && char <= 'Z') ems += 0.7;
        else if (char >= '0' && char <= '9') ems += 0.64;
        else ems += 0.6;
    }
    return Math.ceil(ems * fontSize * (bold ? 1.14 : 1.04));
}
