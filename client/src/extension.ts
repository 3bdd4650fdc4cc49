import { commands, l10n, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { ClientCommands, ServerCommands, type ExportRulesArgs } from '../../server/src/language/lsp/export/export-command-ids.js';
import { languageServerEnvironment } from '../../server/src/workspace/server-environment.js';
import {
    exportAllCommand,
    exportFirewallCommand,
    exportIpsecCommand,
    previewRulesCommand,
    type CommandContext,
    type CommandTarget,
} from './commands.js';
import { registerImportCommand } from './import/import-command.js';
import { registerRuleChanges } from './changes/rule-changes.js';
import { registerMapCommands } from './map/map-commands.js';
import { registerRulesPreview } from './preview/rules-preview.js';
import { serverForPanels } from './topology-panel.js';
import { mayWrite } from './trust.js';
import { startupTiming } from './startup-timing.js';

let client: LanguageClient | undefined;

/** Starts the bundled sfbtopo language server over IPC; all topology logic lives there. */
export async function activate(context: ExtensionContext): Promise<void> {
    const timing = startupTiming();
    timing.activated();
    const module = context.asAbsolutePath('out/server.cjs');
    const serverOptions: ServerOptions = {
        // The allocator settings keep the server's memory flat on Linux; see the module for what else the environment leaves out.
        run: { module, transport: TransportKind.ipc, options: { env: languageServerEnvironment(process.env) } },
        debug: { module, transport: TransportKind.ipc, options: { env: languageServerEnvironment(process.env), execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    // The server advertises `sfbtopo.exportRules`, `sfbtopo.previewRules` and more, and the
    // language client registers a VS Code command for each. `sfbtopo.previewRules` is also the
    // lens and palette command: instead of registering it a second time, its calls are
    // intercepted here to open the preview (the server would only return the markdown).
    // `sfbtopo.exportRules` run directly (by another extension, a keybinding) writes files,
    // so in Restricted Mode it is refused here and the server is told the trust anyway.
    let previewRules: ((target?: CommandTarget) => Promise<void>) | undefined;
    const clientOptions: LanguageClientOptions = {
        documentSelector: [
            { scheme: 'file', language: 'sfbtopo' },
            { scheme: 'untitled', language: 'sfbtopo' },
        ],
        // Hovers may link to the rules preview (the role hover does); no other command runs from a hover.
        markdown: { isTrusted: { enabledCommands: [ClientCommands.previewRules] } },
        middleware: {
            ...timing.middleware,
            executeCommand: (command, args, next) => {
                if (command === ClientCommands.previewRules && previewRules) return previewRules(args[0]);
                if (command === ServerCommands.exportRules) {
                    if (!mayWrite()) return undefined;
                    return next(command, [{ ...(args[0] as ExportRulesArgs), workspaceTrusted: workspace.isTrusted }, ...args.slice(1)]);
                }
                return next(command, args);
            },
        },
    };
    // The id must stay `sfbtopo`: vscode-languageclient reads the `sfbtopo.trace.server` setting by it.
    const languageClient = new LanguageClient('sfbtopo', l10n.t('sfbtopo language server'), serverOptions, clientOptions);
    client = languageClient;

    // Started before the panels exist: a panel VS Code restores asks the server once it runs.
    const started = languageClient.start();
    const askServer = serverForPanels(languageClient, started);
    const preview = registerRulesPreview(askServer, context.extensionUri);
    const commandContext: CommandContext = { client: languageClient, preview };
    previewRules = previewRulesCommand(commandContext);
    context.subscriptions.push(
        preview,
        commands.registerCommand(ClientCommands.exportAll, exportAllCommand(commandContext)),
        commands.registerCommand(ClientCommands.exportFirewall, exportFirewallCommand(commandContext)),
        commands.registerCommand(ClientCommands.exportIpsec, exportIpsecCommand(commandContext)),
        registerMapCommands(askServer, context.extensionUri),
        registerImportCommand(languageClient, started),
        registerRuleChanges(askServer, context.extensionUri),
    );
    await started;
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}
