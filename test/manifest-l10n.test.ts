import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

// The extension's user-facing text: `%key%` placeholders in package.json resolved from
// package.nls*.json, and run-time strings of the client resolved from l10n/bundle.l10n.*.json.

const readJson = (relative: string) => JSON.parse(readFileSync(join(repoRoot, relative), 'utf8'));
const manifest = readJson('package.json');
const nls: Record<string, Record<string, unknown>> = {
    en: readJson('package.nls.json'),
    ja: readJson('package.nls.ja.json'),
};

/** Every string value in the manifest that is a whole `%key%` placeholder, as the key. */
function placeholders(value: unknown): string[] {
    if (typeof value === 'string') {
        const match = /^%([^%\s]+)%$/.exec(value);
        return match ? [match[1]] : [];
    }
    if (Array.isArray(value)) return value.flatMap(placeholders);
    if (value !== null && typeof value === 'object') return Object.values(value).flatMap(placeholders);
    return [];
}

/** The string literals passed as first argument to `l10n.t(...)` in the client sources. */
function clientMessages(): Array<{ file: string; message: string }> {
    const dir = join(repoRoot, 'client/src');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const call = /\bl10n\.t\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g;
    const unescape = (raw: string) => raw.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t' })[c] ?? c);
    return files.flatMap((file) =>
        [...readFileSync(join(dir, file), 'utf8').matchAll(call)].map((match) => ({ file, message: unescape(match[2]) })),
    );
}

/** `{0}`, `{name}`: the arguments a translated message must keep. */
const messageArguments = (message: string) => [...message.matchAll(/\{[^{}]+\}/g)].map((m) => m[0]).sort();

describe('manifest localisation (package.nls*.json)', () => {
    const used = [...new Set(placeholders(manifest))];

    it('localises the display name, description and language alias', () => {
        expect(manifest.displayName).toBe('%displayName%');
        expect(manifest.description).toBe('%description%');
        expect(used).toContain('language.sfbtopo.alias');
    });

    it.each(Object.keys(nls))('resolves every %%key%% of package.json in the %s file', (locale) => {
        const missing = used.filter((key) => typeof nls[locale][key] !== 'string' || (nls[locale][key] as string).trim() === '');
        expect(missing).toEqual([]);
    });

    it('keeps the English and Japanese files on the same keys, with no stale ones', () => {
        expect(Object.keys(nls.ja).sort()).toEqual(Object.keys(nls.en).sort());
        expect(Object.keys(nls.en).filter((key) => !used.includes(key))).toEqual([]);
    });

    it('contributes the language client trace setting under the client id', () => {
        const extension = readFileSync(join(repoRoot, 'client/src/extension.ts'), 'utf8');
        expect(extension).toMatch(/new LanguageClient\(\s*'sfbtopo'/);
        expect(manifest.contributes.configuration.title).toBe('sfbtopo');
        expect(manifest.contributes.configuration.properties['sfbtopo.trace.server']).toMatchObject({
            scope: 'window',
            type: 'string',
            enum: ['off', 'messages', 'verbose'],
            default: 'off',
        });
    });
});

describe('client run-time localisation (l10n/bundle.l10n.*.json)', () => {
    const messages = clientMessages();

    it('finds the client strings, including the language client name', () => {
        expect(messages.map((m) => m.message)).toContain('sfbtopo language server');
    });

    it('points package.json at the bundle directory', () => {
        expect(manifest.l10n).toBe('./l10n');
        expect(existsSync(join(repoRoot, manifest.l10n, 'bundle.l10n.ja.json'))).toBe(true);
    });

    it('has a Japanese translation, with the same arguments, for every l10n.t string', () => {
        const ja: Record<string, unknown> = readJson(join(manifest.l10n, 'bundle.l10n.ja.json'));
        for (const { file, message } of messages) {
            const translation = ja[message];
            expect(typeof translation === 'string' && translation.trim() !== '', `${file}: "${message}"`).toBe(true);
            expect(messageArguments(translation as string), `${file}: "${message}"`).toEqual(messageArguments(message));
        }
    });

    it('has no Japanese entries for strings the client no longer shows', () => {
        const ja: Record<string, unknown> = readJson(join(manifest.l10n, 'bundle.l10n.ja.json'));
        const shown = new Set(messages.map((m) => m.message));
        expect(Object.keys(ja).filter((key) => !shown.has(key))).toEqual([]);
    });
});
