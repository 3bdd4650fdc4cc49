import { strict as assert } from 'node:assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, openEditor, screenshot, waitForDiagnostics, workspaceFile } from './helpers.js';

suite('Diagnostics', () => {
    suiteSetup(closeAllEditors);

    test('the bundled example topology has no errors or warnings, only what was assumed', async () => {
        const editor = await openEditor(workspaceFile('contoso.sfbtopo'));
        const uri = editor.document.uri;
        // "None yet" and "none" look alike, so first see the server flag a mistake in this
        // very document, then take the mistake out again: the empty list that follows is
        // the server's verdict on the example exactly as shipped.
        const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
        await editor.edit((edit) => edit.insert(end, '\nsite Extra { gateway g 10.0.0.300 }\n'));
        await waitForDiagnostics(uri, 'the inserted bad address', (diagnostics) => diagnostics.some((d) => d.code === 'invalid-address'));
        await vscode.commands.executeCommand('workbench.action.files.revert');
        // Its Edge pool takes its site's Director as next hop and its reverse proxy has no Internet side: information only.
        const assumed = ['implicit-nexthop', 'reverse-proxy-without-external'];
        const diagnostics = await waitForDiagnostics(uri, 'only the information findings after the revert', (diagnostics) => diagnostics.length === assumed.length);
        assert.deepEqual(diagnostics.map((d) => [d.severity, d.code]).sort(), assumed.map((code) => [vscode.DiagnosticSeverity.Information, code]));
        assert.equal(editor.document.isDirty, false);
    });

    /** The findings of bad.sfbtopo as plain data, in reading order. */
    async function findingsOfBadFixture() {
        const editor = await openEditor(workspaceFile('bad.sfbtopo'));
        const diagnostics = await waitForDiagnostics(editor.document.uri, 'three findings', (diagnostics) => diagnostics.length >= 3);
        return diagnostics
            .map((d) => ({
                code: typeof d.code === 'object' ? d.code.value : d.code,
                severity: d.severity,
                range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
                text: editor.document.getText(d.range),
                message: d.message,
            }))
            .sort((a, b) => a.range[0] - b.range[0]);
    }

    test('a broken topology shows each finding with its range and message', async () => {
        const findings = await findingsOfBadFixture();
        assert.deepEqual(
            findings.map(({ severity, range, text }) => ({ severity, range, text })),
            [
                { severity: vscode.DiagnosticSeverity.Error, range: [12, 11, 12, 16], text: 'fe01a' },
                { severity: vscode.DiagnosticSeverity.Error, range: [15, 16, 15, 26], text: '10.0.3.300' },
                { severity: vscode.DiagnosticSeverity.Error, range: [16, 23, 16, 27], text: 'fe02' },
            ],
        );
        assert.match(findings[0].message, /The name 'fe01a' is already used by the server at line 8/);
        assert.match(findings[1].message, /'10\.0\.3\.300' is not an IPv4 address/);
        assert.match(findings[2].message, /No pool named 'fe02' in this topology/);

        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await screenshot('diagnostics', '.markers-panel .monaco-list-row');
    });

    test('each finding carries its stable code, as on the command line (also the linker\'s)', async () => {
        const findings = await findingsOfBadFixture();
        assert.deepEqual(
            findings.map(({ code }) => code),
            ['duplicate-name', 'invalid-address', 'linking-error'],
        );
    });
});
