// Runs every in-process feature of the language on one input and checks the invariants
// the fuzzer cares about: nothing throws, nothing takes over a second, every diagnostic
// range lies inside the document, formatting edits apply, a valid topology exports.
import { performance } from 'node:perf_hooks';
import { EmptyFileSystem, TextDocument, type LangiumDocument } from 'langium';
import { CodeActionTriggerKind, DiagnosticSeverity, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import { exportDocument } from '../../server/src/export/export-topology.js';
import { EXPORT_FORMATS } from '../../server/src/export/formats.js';
import type { Topology } from '../../server/src/language/generated/ast.js';
import { createSfbtopoServices, type SfbtopoServices } from '../../server/src/language/sfbtopo-module.js';
import { checkTopologies } from '../../server/src/workspace/topology-documents.js';

/**
 * Each input, all features together, must finish within this many milliseconds of CPU
 * time. CPU rather than wall-clock time, so that a machine busy with other work (the
 * suite runs beside other test files) does not fail the property; `wallMs` is still
 * reported.
 */
export const BUDGET_MS = 1_000;

const PATH = '/fuzz/input.sfbtopo';

export interface Exercised {
    diagnostics: Diagnostic[];
    /** True when the topology had no error and every export format rendered. */
    exported: boolean;
    /** CPU time of this process, user and system, in milliseconds. */
    cpuMs: number;
    wallMs: number;
}

export class FuzzHarness {
    readonly services: SfbtopoServices = createSfbtopoServices(EmptyFileSystem).sfbtopo;

    /** Parses, links and validates `text`, and checks that every diagnostic lies inside it. */
    async check(text: string): Promise<Diagnostic[]> {
        const [checked] = await checkTopologies([{ path: PATH, text }], this.services);
        for (const diagnostic of checked.diagnostics) checkDiagnostic(checked.document.textDocument, diagnostic);
        return checked.diagnostics;
    }

    /**
     * Parses, links and validates `text`, then asks for hover and completion at each probe
     * (a fraction of the text's length, plus two positions off the end), formats the whole
     * document and a range, asks for code actions on the diagnostics and, if there is no
     * error, exports in every format. Throws on the first broken invariant.
     */
    async exercise(text: string, probes: readonly number[] = [0.5], budgetMs = BUDGET_MS): Promise<Exercised> {
        const started = performance.now();
        const cpu = process.cpuUsage();
        const [checked] = await checkTopologies([{ path: PATH, text }], this.services);
        const document = checked.document;
        const textDocument = document.textDocument;
        for (const diagnostic of checked.diagnostics) checkDiagnostic(textDocument, diagnostic);

        const uri = document.uri.toString();
        const positions = [
            ...probes.map((f) => textDocument.positionAt(Math.floor(f * (text.length + 1)))),
            { line: textDocument.lineCount + 3, character: 0 },
            { line: 0, character: 100_000 },
        ];
        const lsp = this.services.lsp;
        for (const [index, position] of positions.entries()) {
            const hover = await lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri }, position });
            if (hover?.range) checkRange(textDocument, hover.range, 'hover range');
            const completion = await lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri }, position });
            for (const item of completion?.items ?? []) {
                if (typeof item.label !== 'string') throw new Error('completion item without a label');
                const edit = item.textEdit;
                // Off the end, Langium's edits end at the position asked for: the client's own.
                if (edit && 'range' in edit && index < probes.length) checkRange(textDocument, edit.range, 'completion edit');
            }
        }

        const options = { tabSize: 2, insertSpaces: true };
        const edits = await lsp.Formatter!.formatDocument(document, { textDocument: { uri }, options });
        for (const edit of edits) checkRange(textDocument, edit.range, 'formatting edit');
        TextDocument.applyEdits(textDocument, edits); // throws on overlapping edits
        const [from, to] = [positions[0], positions[Math.min(1, probes.length - 1)]].sort((a, b) => a.line - b.line || a.character - b.character);
        const rangeEdits = await lsp.Formatter!.formatDocumentRange(document, { textDocument: { uri }, options, range: { start: from, end: to } });
        TextDocument.applyEdits(textDocument, rangeEdits);

        // Quick fixes are computed per diagnostic: a crash there breaks the light bulb.
        for (const diagnostic of checked.diagnostics.slice(0, 20)) {
            await lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri },
                range: diagnostic.range,
                context: { diagnostics: [diagnostic], triggerKind: CodeActionTriggerKind.Invoked },
            });
        }

        let exported = false;
        if (!checked.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) {
            const outcome = exportDocument(document as LangiumDocument<Topology>, EXPORT_FORMATS, { sourceFile: 'input.sfbtopo' });
            if (!outcome.ok) throw new Error('a topology without errors was refused for export');
            exported = true;
        }

        const { user, system } = process.cpuUsage(cpu);
        const cpuMs = (user + system) / 1000;
        const wallMs = performance.now() - started;
        if (cpuMs > budgetMs) throw new Error(`took ${Math.round(cpuMs)} ms of CPU time (${Math.round(wallMs)} ms wall), over the ${budgetMs} ms budget`);
        return { diagnostics: checked.diagnostics, exported, cpuMs, wallMs };
    }
}

function same(a: Position, b: Position): boolean {
    return a.line === b.line && a.character === b.character;
}

/** A position lies inside the document when it survives a round trip through an offset (no clamping). */
function checkPosition(document: TextDocument, position: Position, what: string): void {
    const { line, character } = position;
    const inside =
        Number.isInteger(line) && Number.isInteger(character) && line >= 0 && character >= 0 && line < document.lineCount && same(document.positionAt(document.offsetAt(position)), position);
    if (!inside) throw new Error(`${what} at ${line}:${character} lies outside the document (${document.lineCount} lines)`);
}

function checkRange(document: TextDocument, range: Range, what: string): void {
    checkPosition(document, range.start, `${what} start`);
    checkPosition(document, range.end, `${what} end`);
    if (document.offsetAt(range.start) > document.offsetAt(range.end)) throw new Error(`${what} ends before it starts`);
}

function checkDiagnostic(document: TextDocument, diagnostic: Diagnostic): void {
    const what = `diagnostic ${JSON.stringify(diagnostic.code ?? (diagnostic.data as { code?: string } | undefined)?.code)} "${diagnostic.message}"`;
    checkRange(document, diagnostic.range, what);
    if (typeof diagnostic.message !== 'string' || diagnostic.message.length === 0) throw new Error(`${what} has no message`);
}
