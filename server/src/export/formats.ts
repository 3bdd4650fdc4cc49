const FORMATS = ['nftables', 'csv', 'json', 'ipsec-netsh', 'windows-firewall', 'ipsec-powershell', 'probe-powershell'] as const;

export type ExportFormat = (typeof FORMATS)[number];

/**
 * The export formats of spec §4 (`all` is every one of them), in the order they are
 * written; format-renderers.ts has the renderer of each. Only the names here: `sfbtopo`
 * offers them for `--format` without loading the renderers (nor Node's crypto, for the seals).
 */
export const EXPORT_FORMATS: ExportFormat[] = [...FORMATS];
