import type { Renderer } from './export-file.js';
import type { ExportFormat } from './formats.js';
import { renderCsv } from './renderers/csv.js';
import { renderIpsecNetsh } from './renderers/ipsec-netsh.js';
import { renderIpsecPowershell } from './renderers/ipsec-powershell.js';
import { renderJson } from './renderers/json.js';
import { renderNftables } from './renderers/nftables.js';
import { renderProbePowershell } from './renderers/probe-powershell.js';
import { renderWindowsFirewall } from './renderers/windows-firewall.js';

/** Each export format's renderer: one pure function. */
export const RENDERERS: Record<ExportFormat, Renderer> = {
    nftables: renderNftables,
    csv: renderCsv,
    json: renderJson,
    'ipsec-netsh': renderIpsecNetsh,
    'windows-firewall': renderWindowsFirewall,
    'ipsec-powershell': renderIpsecPowershell,
    'probe-powershell': renderProbePowershell,
};
