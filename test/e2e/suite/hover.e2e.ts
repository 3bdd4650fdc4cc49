import { strict as assert } from 'node:assert';
import { suite, suiteSetup, test } from 'mocha';
import * as vscode from 'vscode';
import { closeAllEditors, hoversOn, openEditor, screenshot, waitFor, workspaceFile } from './helpers.js';

// In the English workbench; japanese.e2e.ts has the same hover with display language ja.
suite('Hover', () => {
    suiteSetup(async () => {
        await closeAllEditors();
        await vscode.commands.executeCommand('workbench.action.closePanel');
    });

    test('on a load balancer port it answers for that load balancer, then names the other users', async () => {
        const editor = await openEditor(workspaceFile('ports.sfbtopo'));
        const { markdown: text, position } = await hoversOn(editor, '5061');
        assert.match(text, /\*\*Port 5061 on load balancer lbdir \(pool dir01\)\*\*/);
        assert.match(text, /\| Director load balancer \| 5061 \|/);
        assert.match(text, /Also used by: Front End, Director, /);
        assert.equal(vscode.env.language, 'en');

        editor.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('editor.action.showHover');
        await screenshot('hover-5061', '.monaco-hover >> text=Port 5061');
    });

    test('on an Edge server\'s NAT it says which firewall it faces and lists the rules there', async () => {
        const editor = await openEditor(workspaceFile('perimeter.sfbtopo'));
        const { markdown: text } = await hoversOn(editor, 'nat 198.51.100.23');
        assert.match(text, /\*\*NAT of Edge server ams-edge1a: 198\.51\.100\.23 stands for the A\/V Edge 172\.16\.100\.23\*\*/);
        assert.match(text, /Faces the perimeter's external firewall, towards the Internet \(`perimeter-external`\)\./);
        assert.match(text, /\| Internet \| A\/V Edge of pool ams-edge1 \| 3478 \| UDP \|/);
        assert.match(text, /NAT: the external firewall sees 172\.16\.100\.23 as 198\.51\.100\.23/);
    });

    test('on a role keyword it summarises the ports by family and links to the rules preview', async () => {
        const editor = await openEditor(workspaceFile('ports.sfbtopo'));
        const { hovers, markdown: text, position } = await hoversOn(editor, 'director', 2);
        assert.match(text, /\*\*Director pool \(`director`\)\*\*/);
        assert.match(text, /- SIP 5060, 5061/);
        const link = /\[Preview rules\]\(command:(sfbtopo\.previewRules)\?([^)]+)\)/.exec(text);
        assert.ok(link, text);
        // VS Code runs a hover's command link only when the markdown trusts that command.
        assert.deepEqual((hovers[0].contents[0] as vscode.MarkdownString).isTrusted, { enabledCommands: ['sfbtopo.previewRules'] });

        // The link's command and arguments open the preview, as a click on it does.
        await vscode.commands.executeCommand(link[1], ...(JSON.parse(decodeURIComponent(link[2])) as unknown[]));
        await waitFor('the rules preview to list rules', async () => (await vscode.commands.executeCommand<{ shown: number } | undefined>('sfbtopo.rulesViewState', editor.document.uri))?.shown);
        await closeAllEditors();

        const again = await openEditor(workspaceFile('ports.sfbtopo'));
        again.selection = new vscode.Selection(position, position);
        await vscode.commands.executeCommand('editor.action.showHover');
        await screenshot('hover-role', '.monaco-hover >> text=Preview rules');
    });
});
