import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const readJson = (relative: string) => JSON.parse(readFileSync(join(repoRoot, relative), 'utf8'));
const manifest = readJson('package.json');

describe('the extension manifest', () => {
    it('contributes the sfbtopo language for *.sfbtopo with its configuration and grammar', () => {
        const [language] = manifest.contributes.languages;
        expect(language).toMatchObject({ id: 'sfbtopo', extensions: ['.sfbtopo'] });
        const configuration = readJson(language.configuration);
        expect(configuration.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(configuration.brackets).toEqual([['{', '}']]);

        const [grammar] = manifest.contributes.grammars;
        expect(grammar.language).toBe('sfbtopo');
        expect(readJson(grammar.path).scopeName).toBe(grammar.scopeName);
    });

    it('activates on the language or a folder holding a topology, and points main and bin at the built bundles', () => {
        expect(manifest.activationEvents).toContain('onLanguage:sfbtopo');
        // A folder of topologies gets its diagnostics as it opens, and an opened topology its findings at once.
        expect(manifest.activationEvents).toContain('workspaceContains:**/*.sfbtopo');
        expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
        expect(existsSync(join(repoRoot, manifest.main))).toBe(true);
        const cli = readFileSync(join(repoRoot, manifest.bin.sfbtopo), 'utf8');
        expect(cli.startsWith('#!/usr/bin/env node\n')).toBe(true);
        expect(existsSync(join(repoRoot, 'out/server.cjs'))).toBe(true);
    });

    it('ships what the launchers load: the command line bundles with npm, the server bundles in the .vsix, the map layout engine in both', () => {
        const packed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot, encoding: 'utf8' }))[0].files.map((file: { path: string }) => file.path);
        expect(packed).toEqual(expect.arrayContaining(['out/cli.cjs', 'out/cli-main.cjs', 'out/elk.cjs']));
        const vsce = join(repoRoot, 'node_modules/@vscode/vsce/vsce');
        const listed = execFileSync(process.execPath, [vsce, 'ls'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter((path) => path.startsWith('out/'));
        expect(listed.sort()).toEqual(['out/changes-view.js', 'out/client.cjs', 'out/elk.cjs', 'out/map-view.js', 'out/rules-view.js', 'out/server-main.cjs', 'out/server.cjs']);
    }, 60_000);

    it('uses the vscode-languageserver line that Langium itself depends on, and a client speaking the same protocol', () => {
        const langium = readJson('node_modules/langium/package.json');
        expect(manifest.dependencies['vscode-languageserver']).toBe(langium.dependencies['vscode-languageserver']);
        const serverProtocol = readJson('node_modules/vscode-languageserver/package.json').dependencies['vscode-languageserver-protocol'];
        const clientProtocol = readJson('node_modules/vscode-languageclient/package.json').dependencies['vscode-languageserver-protocol'];
        expect(clientProtocol).toBe(serverProtocol);
    });

    it('keeps the client bundle free of the language engine', () => {
        const client = readFileSync(join(repoRoot, 'out/client.cjs'), 'utf8');
        expect(client).not.toMatch(/chevrotain/i);
    });

    it('declares limited support for untrusted workspaces, with the output folder a restricted setting', () => {
        const { untrustedWorkspaces, virtualWorkspaces } = manifest.capabilities;
        expect(untrustedWorkspaces).toMatchObject({ supported: 'limited', restrictedConfigurations: ['sfbtopo.export.outputFolder'] });
        expect(untrustedWorkspaces.description).toMatch(/^%.+%$/);
        for (const setting of untrustedWorkspaces.restrictedConfigurations) {
            expect(Object.keys(manifest.contributes.configuration.properties)).toContain(setting);
        }
        // The language client serves file and untitled documents only.
        expect(virtualWorkspaces.supported).toBe(false);
    });

    it('activates for a rules preview or a map restored with the window, and ships their webview scripts', () => {
        expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onWebviewPanel:sfbtopo.rules', 'onWebviewPanel:sfbtopo.map']));
        expect(existsSync(join(repoRoot, 'out/rules-view.js'))).toBe(true);
        expect(existsSync(join(repoRoot, 'out/map-view.js'))).toBe(true);
        expect(readFileSync(join(repoRoot, '.vscodeignore'), 'utf8')).toMatch(/^!out\/\*\.js$/m);
    });
});

