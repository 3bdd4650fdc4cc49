import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { EmptyFileSystem } from 'langium';
import { expect } from 'vitest';
import type { Locale } from '../server/src/language/l10n/locale.js';
import { createSfbtopoServices } from '../server/src/language/sfbtopo-module.js';
import { checkTopologies, type CheckedTopology } from '../server/src/workspace/topology-documents.js';
import { diagnosticCode } from '../server/src/cli/format-diagnostic.js';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export function readRepoFile(relative: string): string {
    return readFileSync(new URL(`../${relative}`, import.meta.url), 'utf8');
}

const servicesByLocale = new Map<Locale, ReturnType<typeof createSfbtopoServices>['sfbtopo']>();

/** Parses, links and validates one topology text as the command line does, in English unless told. */
export async function check(text: string, path = '/virtual/test.sfbtopo', locale: Locale = 'en'): Promise<CheckedTopology> {
    let services = servicesByLocale.get(locale);
    if (!services) {
        services = createSfbtopoServices(EmptyFileSystem).sfbtopo;
        services.l10n.Locale.current = locale;
        servicesByLocale.set(locale, services);
    }
    const [checked] = await checkTopologies([{ path, text }], services);
    return checked;
}

export interface FoundDiagnostic {
    severity: 'error' | 'warning' | 'info' | 'hint';
    code: string | undefined;
    /** The source text the diagnostic's range covers. */
    text: string;
    line: number;
    message: string;
}

/** Diagnostics in a form that tests can compare: code, severity and the text they point at. */
export async function diagnose(text: string): Promise<FoundDiagnostic[]> {
    const { diagnostics } = await check(text);
    return diagnostics.map((diagnostic) => describe(text, diagnostic));
}

function describe(text: string, diagnostic: Diagnostic): FoundDiagnostic {
    const lines = text.split('\n');
    const offset = (line: number, character: number) => lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;
    const { start, end } = diagnostic.range;
    const severities = { [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning', [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint' } as const;
    return {
        severity: severities[diagnostic.severity ?? DiagnosticSeverity.Error],
        code: diagnosticCode(diagnostic),
        text: text.slice(offset(start.line, start.character), offset(end.line, end.character)),
        line: start.line + 1,
        message: diagnostic.message,
    };
}

/** Severity, code, covered text and line: what most rule tests compare. */
export function summary(found: FoundDiagnostic[]): Array<[string, string | undefined, string, number]> {
    return found.map((d) => [d.severity, d.code, d.text, d.line]);
}

/**
 * `diagnose` narrowed to the codes of one concern, so that a test of one rule is not
 * disturbed by other rules reacting to the same small topology.
 */
export function diagnoseOnly(...codes: string[]): (text: string) => Promise<FoundDiagnostic[]> {
    return async (text) => (await diagnose(text)).filter((found) => found.code !== undefined && codes.includes(found.code));
}

/** A minimal valid topology around the given site body, for focused validation tests. */
export function site(body: string): string {
    return `topology T\nsite S {\n${body}\n}\n`;
}

/** Errors and warnings only: information-level findings say what sfbtopo assumed and block nothing. */
export function problemsOf<D extends { severity?: number }>(diagnostics: D[]): D[] {
    return diagnostics.filter((diagnostic) => (diagnostic.severity ?? DiagnosticSeverity.Error) <= DiagnosticSeverity.Warning);
}

/** The information-level findings of examples/contoso.sfbtopo (see test/language/examples.test.ts). */
export const CONTOSO_INFO_CODES = ['implicit-nexthop', 'reverse-proxy-without-external'];

/** The codes of the information-level findings, sorted. */
export function infoCodesOf<D extends { severity?: number; code?: string | number }>(diagnostics: D[]): string[] {
    return diagnostics
        .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Information)
        .map((diagnostic) => String(diagnostic.code))
        .sort();
}

/**
 * A golden file: `path` holds the expected output, byte for byte. After an intended change,
 * run with `UPDATE_GOLDEN=1` to rewrite it, then read the diff.
 */
export function expectGoldenFile(path: string, content: string): void {
    if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, content);
    }
    expect(existsSync(path), `${path} is missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(content).toBe(readFileSync(path, 'utf8'));
}
