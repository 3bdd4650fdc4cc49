import type { Renderer } from './export-file.js';
import { renderJson } from './renderers/json.js';

/** The export formats of spec §4 (`all` is every one of them), each rendered by one pure function. */
export const RENDERERS = {
    json: renderJson,
} satisfies Record<string, Renderer>;

export type ExportFormat = keyof typeof RENDERERS;

export const EXPORT_FORMATS = Object.keys(RENDERERS) as ExportFormat[];
