import type { Renderer } from './export-file.js';
import { renderCsv } from './renderers/csv.js';
import { renderIpsecNetsh } from './renderers/ipsec-netsh.js';
import { renderIpsecPowershell } from './renderers/ipsec-powershell.js';
import { renderJson } from './renderers/json.js';
import { renderNftables } from './renderers/nftables.js';
import { renderProbePowershell } from './renderers/probe-powershell.js';
import { renderWindowsFirewall } from './renderers/windows-firewall.js';

/** The export formats of spec §4 (`all` is every one of them), each rendered by one pure function. */
export const RENDERERS = {
    nftables: renderNftables,
    csv: renderCsv,
    json: renderJson,
    'ipsec-netsh': renderIpsecNetsh,
    'windows-firewall': renderWindowsFirewall,
    'ipsec-powershell': renderIpsecPowershell,
    'probe-powershell': renderProbePowershell,
} satisfies Record<string, Renderer>;

export type ExportFormat = keyof typeof RENDERERS;

export const EXPORT_FORMATS = Object.keys(RENDERERS) as ExportFormat[];
