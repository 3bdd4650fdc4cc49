import { readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UriUtils, type LangiumDocument } from 'langium';
import { changeRequest, type DiffSides } from '../../../diff/change-request.js';
import { fileAtRevision } from '../../../diff/git-revision.js';
import { renderDiffMarkdown } from '../../../diff/renderers/markdown.js';
import { countChanges, diffRuleSets, type RuleDiff } from '../../../diff/rule-diff.js';
import { readRulesJson } from '../../../diff/rules-json.js';
import { topologyRules } from '../../../diff/topology-rules.js';
import { exportDocument } from '../../../export/export-topology.js';
import type { RuleSet } from '../../../rules/rule.js';
import { decodeTopology } from '../../../workspace/topology-text.js';
import type { Topology } from '../../generated/ast.js';
import type { LocaleSetting } from '../../l10n/locale.js';
import type { RuleChangesBase, RuleChangesCounts, RuleChangesResult } from './rule-changes-ids.js';

/** The file an export writes its rules to, which a later comparison reads back. */
export const EXPORTED_RULES = 'rules.json';

/**
 * The rules of an open topology document compared with its last export (the rules.json in
 * `outDir`) or with the file at git HEAD, as a change request in the client's language.
 * Anything that stops the comparison is a refusal saying what to do.
 */
export async function ruleChanges(
    document: LangiumDocument<Topology>,
    against: RuleChangesBase,
    outDir: string | undefined,
    locale: LocaleSetting,
): Promise<RuleChangesResult> {
    const name = UriUtils.basename(document.uri);
    const now = currentRules(document);
    if (!now) {
        return refuse(locale.pick({ en: `${name} has errors; fix them to compare its rules.`, ja: `${name} にエラーがあります。ルールを比較するには修正してください。` }));
    }
    const old = against === 'export' ? await exportedRules(outDir, now.topology, locale) : await rulesAtHead(document, locale);
    if (!old.ok) return old;
    const sides: DiffSides = { before: old.label, after: name };
    const diff = diffRuleSets(old.rules, now);
    const request = changeRequest(diff, sides, locale.current);
    return { ok: true, request, markdown: renderDiffMarkdown(request), counts: totals(diff) };
}

/** The rules of an export's rules.json read synchronously, or undefined without a readable one; for the code lens. */
export function exportedRuleSet(outDir: string): RuleSet | undefined {
    let text: string;
    try {
        text = readFileSync(join(outDir, EXPORTED_RULES), 'utf8');
    } catch {
        return undefined;
    }
    const old = readRulesJson(text);
    return old.ok ? old.rules : undefined;
}

/** Counts of a diff of the document against an export's rules, or undefined when the document has errors; for the code lens. */
export function changesSince(document: LangiumDocument<Topology>, old: RuleSet): RuleChangesCounts | undefined {
    const now = currentRules(document);
    // Topologies side by side share the default folder: another one's export is no baseline.
    return now && old.topology === now.topology ? totals(diffRuleSets(old, now)) : undefined;
}

/** What identifies the state of an export's rules.json, to know when counts computed from it are out of date. */
export function exportStamp(outDir: string): string | undefined {
    try {
        const info = statSync(join(outDir, EXPORTED_RULES));
        return `${info.mtimeMs}:${info.size}`;
    } catch {
        return undefined;
    }
}

function currentRules(document: LangiumDocument<Topology>): RuleSet | undefined {
    const outcome = exportDocument(document, [], { sourceFile: UriUtils.basename(document.uri) });
    return outcome.ok ? outcome.rules : undefined;
}

function totals(diff: RuleDiff): RuleChangesCounts {
    const { firewall, ipsec } = countChanges(diff);
    return { added: firewall.added + ipsec.added, removed: firewall.removed + ipsec.removed, changed: firewall.changed + ipsec.changed, renamed: firewall.renamed + ipsec.renamed };
}

type OldSide = { ok: true; rules: RuleSet; label: string } | { ok: false; message: string };

async function exportedRules(outDir: string | undefined, topology: string, locale: LocaleSetting): Promise<OldSide> {
    if (!outDir) {
        return refuse(locale.pick({ en: 'Save the topology to a file first: its export is looked for beside it.', ja: '先にトポロジをファイルに保存してください。エクスポートはその隣で探します。' }));
    }
    const path = join(outDir, EXPORTED_RULES);
    let text: string;
    try {
        text = await readFile(path, 'utf8');
    } catch {
        return refuse(
            locale.pick({
                en: `No export to compare with: ${path} does not exist. Export the rules (JSON is among the formats) first, or compare with git HEAD.`,
                ja: `比較するエクスポートがありません: ${path} が存在しません。先にルールをエクスポートする (形式に JSON を含めます) か、git の HEAD と比較してください。`,
            }),
        );
    }
    const read = readRulesJson(text);
    if (!read.ok) return refuse(locale.pick({ en: `${path} ${read.message}.`, ja: `${path} は sfbtopo の rules.json として読めません (${read.message})。` }));
    if (read.rules.topology !== topology) {
        const other = read.rules.topology;
        return refuse(
            locale.pick({
                en: `${path} is the export of topology ${other}, not of ${topology}. Export this topology (JSON is among the formats) first, or compare with git HEAD.`,
                ja: `${path} はトポロジ ${other} のエクスポートで、${topology} のものではありません。先にこのトポロジをエクスポートする (形式に JSON を含めます) か、git の HEAD と比較してください。`,
            }),
        );
    }
    return { ok: true, rules: read.rules, label: locale.pick({ en: `the last export (${path})`, ja: `前回のエクスポート (${path})` }) };
}

async function rulesAtHead(document: LangiumDocument<Topology>, locale: LocaleSetting): Promise<OldSide> {
    if (document.uri.scheme !== 'file') {
        return refuse(locale.pick({ en: 'Save the topology to a file in a git repository to compare it with HEAD.', ja: 'HEAD と比較するには、トポロジを git リポジトリ内のファイルに保存してください。' }));
    }
    const path = document.uri.fsPath;
    const found = await fileAtRevision(path, 'HEAD');
    // git's reasons are the command line's, in English, as git itself speaks.
    if (!found.ok) return refuse(locale.pick({ en: `Cannot compare with git HEAD: ${found.message}.`, ja: `git の HEAD と比較できません: ${found.message}。` }));
    const decoded = decodeTopology(found.bytes);
    const label = `HEAD:${UriUtils.basename(document.uri)}`;
    const side = decoded.ok ? await topologyRules(`${path}.HEAD`, decoded.text) : undefined;
    if (!side?.ok) {
        return refuse(locale.pick({ en: `${label} cannot be compared: it has errors (or is not text).`, ja: `${label} にはエラーがある (またはテキストではない) ため比較できません。` }));
    }
    return { ok: true, rules: side.rules, label };
}

function refuse(message: string): { ok: false; message: string } {
    return { ok: false, message };
}
