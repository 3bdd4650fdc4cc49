import type { RuleSet } from '../rules/rule.js';

/** One generated file: a name relative to the output folder, and its text. */
export interface ExportFile {
    /** A plain file name (letters, digits, `.`, `_`, `-`); renderers never emit folders. */
    name: string;
    content: string;
}

/** What every renderer knows besides the rules: where they came from, for the header comment. */
export interface ExportContext {
    /** The topology file's name as the administrator knows it (base name, no folders). */
    sourceFile: string;
}

/** A renderer: a pure function from the rule model to files. */
export type Renderer = (rules: RuleSet, context: ExportContext) => ExportFile[];
