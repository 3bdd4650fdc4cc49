/** What `sfbtopo diff --format` accepts; apart from the command, so that `--help` does not load the diff. */
export const DIFF_FORMATS = ['text', 'markdown', 'csv', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];
