/** `{0}`, `{1}`… of a translated template replaced by the values, as `l10n.t` does in the extension. */
export function format(template: string, ...values: Array<string | number>): string {
    return template.replace(/\{(\d+)\}/g, (match, index: string) => (values[Number(index)] === undefined ? match : String(values[Number(index)])));
}
