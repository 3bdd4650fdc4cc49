import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { diagnosticCode, severityWord } from '../format-diagnostic.js';
import { ruleDescription } from '../rule-descriptions.js';
import { UNREADABLE_FILE_CODE, type FileDiagnostic, type UnreadableFile } from './report-input.js';

export interface SarifOptions {
    /** The version of sfbtopo, for `tool.driver.version`. */
    toolVersion: string;
    /** Files inside this directory get URIs relative to it; others get `file://` URIs. */
    cwd: string;
}

// The subset of SARIF 2.1.0 (OASIS standard) that sfbtopo writes.
interface ReportingDescriptor {
    id: string;
    shortDescription: { text: string };
}
interface ArtifactLocation {
    uri: string;
}
interface Region {
    startLine: number;
    startColumn: number;
    endLine: number;
    endColumn: number;
}
interface SarifLocation {
    physicalLocation: { artifactLocation: ArtifactLocation; region?: Region };
}
interface SarifResult {
    ruleId?: string;
    ruleIndex?: number;
    level: 'error' | 'warning' | 'note';
    message: { text: string };
    locations: SarifLocation[];
}
interface SarifNotification {
    descriptor: { id: string; index: number };
    level: 'error';
    message: { text: string };
    locations: SarifLocation[];
}
interface SarifInvocation {
    executionSuccessful: boolean;
    toolExecutionNotifications?: SarifNotification[];
}
export interface SarifLog {
    $schema: string;
    version: '2.1.0';
    runs: Array<{
        tool: {
            driver: {
                name: string;
                version: string;
                rules: ReportingDescriptor[];
                notifications?: ReportingDescriptor[];
            };
        };
        invocations: SarifInvocation[];
        results: SarifResult[];
    }>;
}

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';

/**
 * `validate --format sarif`: a SARIF 2.1.0 log of one run. Each distinct diagnostic code
 * becomes a rule; a file that could not be read is a tool execution notification, and
 * makes the invocation unsuccessful.
 */
export function sarifReport(diagnostics: readonly FileDiagnostic[], unreadable: readonly UnreadableFile[], options: SarifOptions): string {
    return JSON.stringify(sarifLog(diagnostics, unreadable, options), null, 2);
}

export function sarifLog(diagnostics: readonly FileDiagnostic[], unreadable: readonly UnreadableFile[], options: SarifOptions): SarifLog {
    const rules: ReportingDescriptor[] = [];
    const ruleIndex = new Map<string, number>();
    const results = diagnostics.map(({ file, diagnostic }): SarifResult => {
        const code = diagnosticCode(diagnostic);
        let rule: { ruleId: string; ruleIndex: number } | undefined;
        if (code !== undefined) {
            let index = ruleIndex.get(code);
            if (index === undefined) {
                index = rules.push({ id: code, shortDescription: { text: ruleDescription(code) } }) - 1;
                ruleIndex.set(code, index);
            }
            rule = { ruleId: code, ruleIndex: index };
        }
        return {
            ...rule,
            level: sarifLevel(diagnostic),
            message: { text: diagnostic.message },
            locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file, options.cwd) }, region: region(diagnostic) } }],
        };
    });
    const invocation: SarifInvocation = { executionSuccessful: unreadable.length === 0 };
    if (unreadable.length > 0) {
        invocation.toolExecutionNotifications = unreadable.map(({ file, message }) => ({
            descriptor: { id: UNREADABLE_FILE_CODE, index: 0 },
            level: 'error',
            message: { text: message },
            locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(file, options.cwd) } } }],
        }));
    }
    return {
        $schema: SARIF_SCHEMA_URI,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'sfbtopo',
                        version: options.toolVersion,
                        rules,
                        ...(unreadable.length > 0 && {
                            notifications: [{ id: UNREADABLE_FILE_CODE, shortDescription: { text: ruleDescription(UNREADABLE_FILE_CODE) } }],
                        }),
                    },
                },
                invocations: [invocation],
                results,
            },
        ],
    };
}

function sarifLevel(diagnostic: Diagnostic): SarifResult['level'] {
    const word = severityWord(diagnostic);
    return word === 'error' || word === 'warning' ? word : 'note';
}

/** SARIF lines and columns are 1-based, and its end column, like the LSP end character, is exclusive. */
function region({ range }: Diagnostic): Region {
    return {
        startLine: range.start.line + 1,
        startColumn: range.start.character + 1,
        endLine: range.end.line + 1,
        endColumn: range.end.character + 1,
    };
}

/** A relative URI reference (forward slashes) for a file inside `cwd`, else a `file://` URI. */
export function artifactUri(file: string, cwd: string): string {
    const absolute = resolve(cwd, file);
    const inside = relative(cwd, absolute);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
        return pathToFileURL(absolute).href;
    }
    return inside.split(sep).map(encodeURIComponent).join('/');
}
