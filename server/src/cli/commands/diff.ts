import { resolve } from 'node:path';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { EmptyFileSystem } from 'langium';
import type { Locale } from '../../language/l10n/locale.js';
import { createSfbtopoCoreServices, type SfbtopoCoreServices } from '../../language/sfbtopo-core-module.js';
import { changeRequest, type DiffSides } from '../../diff/change-request.js';
import { fileAtRevision } from '../../diff/git-revision.js';
import { renderDiffCsv } from '../../diff/renderers/csv.js';
import { renderDiffJson } from '../../diff/renderers/json.js';
import { renderDiffMarkdown } from '../../diff/renderers/markdown.js';
import { renderDiffText } from '../../diff/renderers/text.js';
import { countChanges, diffRuleSets, type RuleDiff } from '../../diff/rule-diff.js';
import { readRulesJson } from '../../diff/rules-json.js';
import { topologyRules } from '../../diff/topology-rules.js';
import type { RuleSet } from '../../rules/rule.js';
import { decodeTopology } from '../../workspace/topology-text.js';
import { ExitCode } from '../exit-codes.js';
import { formatDiagnostic, inReadingOrder, plural } from '../format-diagnostic.js';
import type { DiffFormat } from '../diff-formats.js';
import type { Output } from '../output.js';
import { readTopologyFile, undecodable } from '../read-topology-file.js';


export interface DiffOptions {
    /** Defaults to `text`. */
    format?: DiffFormat;
    /** Exit 1 when anything changed, as `git diff --exit-code`. */
    exitCode?: boolean;
    /** Compare the one file given with itself at this git revision. */
    git?: string;
    locale: Locale;
    /** ANSI colours in the text format: for a terminal only. */
    colour?: boolean;
}

/** A side that could not be compared: the exit code, the lines already printed. */
class Refused {
    constructor(readonly exitCode: number) {}
}

/**
 * `sfbtopo diff OLD NEW` or `sfbtopo diff --git REV FILE` (spec §4): the firewall and IPsec
 * rules added, removed, changed and renamed between two topologies (OLD may also be a
 * rules.json export). An unreadable side exits 2; a topology with errors is refused with
 * its findings in the validate format (exit 1). Otherwise exit 0, or with `--exit-code`
 * 1 when there are changes.
 */
export async function diffCommand(files: string[], options: DiffOptions, out: Output): Promise<number> {
    const expected = options.git === undefined ? 2 : 1;
    if (files.length !== expected) {
        out.error(
            options.git === undefined
                ? 'sfbtopo: diff needs two files, OLD and NEW (or one file with --git REV)'
                : 'sfbtopo: diff --git REV takes one file, compared with itself at REV',
        );
        return ExitCode.UsageOrInput;
    }
    const { sfbtopo } = createSfbtopoCoreServices(EmptyFileSystem);
    sfbtopo.l10n.Locale.current = options.locale;
    const newFile = files[files.length - 1];
    let before: RuleSet;
    let after: RuleSet;
    let sides: DiffSides;
    try {
        if (options.git !== undefined) {
            const shown = `${options.git}:${newFile}`;
            before = await oldAtRevision(newFile, options.git, shown, sfbtopo, out);
            sides = { before: shown, after: newFile };
        } else {
            before = await oldSide(files[0], sfbtopo, out);
            sides = { before: files[0], after: newFile };
        }
        after = await topologySide(newFile, resolve(newFile), readTopologyFile(newFile), sfbtopo, out);
    } catch (error) {
        if (error instanceof Refused) return error.exitCode;
        throw error;
    }

    const diff = diffRuleSets(before, after);
    const format = options.format ?? 'text';
    out.print(render(diff, sides, format, options).replace(/\n$/, ''));
    if (format !== 'text') out.error(`sfbtopo: ${summary(diff)}`);
    return options.exitCode && diff.changes.length > 0 ? ExitCode.TopologyErrors : ExitCode.Ok;
}

function render(diff: RuleDiff, sides: DiffSides, format: DiffFormat, options: DiffOptions): string {
    switch (format) {
        case 'text':
            return renderDiffText(diff, sides, { locale: options.locale, colour: options.colour === true });
        case 'markdown':
            return renderDiffMarkdown(changeRequest(diff, sides, options.locale));
        case 'csv':
            return renderDiffCsv(diff);
        case 'json':
            return renderDiffJson(diff);
    }
}

function summary(diff: RuleDiff): string {
    const counts = countChanges(diff);
    const total = (change: keyof (typeof counts)['firewall']) => counts.firewall[change] + counts.ipsec[change];
    return `${plural(total('added'), 'rule')} added, ${total('removed')} removed, ${total('changed')} changed, ${total('renamed')} renamed`;
}

/** OLD: a topology file, or the rules.json an export wrote. */
async function oldSide(file: string, services: SfbtopoCoreServices, out: Output): Promise<RuleSet> {
    if (!file.toLowerCase().endsWith('.json')) return topologySide(file, resolve(file), readTopologyFile(file), services, out);
    const read = readTopologyFile(file);
    if (!read.ok) return unreadable(read.message, out);
    const rules = readRulesJson(read.text);
    return rules.ok ? rules.rules : unreadable(`${file} ${rules.message}`, out);
}

async function oldAtRevision(file: string, revision: string, shown: string, services: SfbtopoCoreServices, out: Output): Promise<RuleSet> {
    const found = await fileAtRevision(file, revision);
    if (!found.ok) return unreadable(found.message, out);
    const decoded = decodeTopology(found.bytes);
    const read = decoded.ok ? { ok: true as const, text: decoded.text } : { ok: false as const, message: `${shown} ${undecodable(decoded)}` };
    // A path of its own, so that checking the file as it is now does not replace it.
    return topologySide(shown, `${resolve(file)}.${revision}`, read, services, out);
}

async function topologySide(
    shown: string,
    path: string,
    read: { ok: true; text: string } | { ok: false; message: string },
    services: SfbtopoCoreServices,
    out: Output,
): Promise<RuleSet> {
    if (!read.ok) return unreadable(read.message, out);
    const side = await topologyRules(path, read.text, services);
    if (side.ok) return side.rules;
    const found = inReadingOrder(side.diagnostics);
    for (const diagnostic of found) out.print(formatDiagnostic(shown, diagnostic));
    const errors = found.filter((d) => d.severity === DiagnosticSeverity.Error).length;
    out.error(`sfbtopo: not compared: ${shown} has ${plural(Math.max(errors, 1), 'error')}; fix them and compare again`);
    throw new Refused(ExitCode.TopologyErrors);
}

function unreadable(message: string, out: Output): never {
    out.error(`sfbtopo: ${message}`);
    throw new Refused(ExitCode.UsageOrInput);
}
