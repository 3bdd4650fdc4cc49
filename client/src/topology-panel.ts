import { Uri, window, workspace, type Disposable, type WebviewPanel } from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node.js';
import type { DocumentCommandArgs } from '../../server/src/language/lsp/export/export-command-ids.js';

/** How long the document must rest before the server is asked again. */
const REFRESH_DELAY_MS = 400;

/** A server answer a panel can show; `stale` and `message` when it is older than the document. */
export type PanelData = { ok: true; stale?: boolean; message?: string };

/**
 * A webview beside a topology editor showing what the language server computes from that
 * topology (the map, the rules). It asks the server again, debounced, whenever the
 * document changes; when the server refuses (the document has errors now) it keeps the
 * last answer, marked stale, and says why. Subclasses fill the page and talk to it.
 */
export abstract class TopologyPanel<T extends PanelData, FromView> implements Disposable {
    protected data: T | undefined;
    protected stale = false;
    protected message: string | undefined;
    private timer: ReturnType<typeof setTimeout> | undefined;
    /** Numbers requests, so that a slow answer never replaces a newer one. */
    private generation = 0;
    private readonly subscriptions: Disposable[] = [];
    private disposed = false;

    constructor(
        readonly document: Uri,
        readonly panel: WebviewPanel,
        onDispose: () => void,
    ) {
        this.subscriptions.push(
            panel.webview.onDidReceiveMessage((message: FromView) => this.onMessage(message)),
            workspace.onDidChangeTextDocument((event) => {
                if (event.document.uri.toString() === document.toString() && event.contentChanges.length > 0) this.scheduleRefresh();
            }),
            panel.onDidDispose(() => {
                this.dispose();
                onDispose();
            }),
        );
    }

    /** The server's answer for the document. */
    protected abstract request(): Promise<T | { ok: false; message: string }>;
    /** The sentence shown when the server could not be asked. */
    protected abstract failure(reason: string): string;
    /** Sends what is to be shown to the webview. */
    protected abstract post(): void;
    protected abstract onMessage(message: FromView): void | Promise<void>;

    reveal(): void {
        this.panel.reveal(undefined, true);
    }

    private scheduleRefresh(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            void this.refresh();
        }, REFRESH_DELAY_MS);
    }

    async refresh(): Promise<void> {
        const generation = ++this.generation;
        let result: T | { ok: false; message: string };
        try {
            result = await this.request();
        } catch (error) {
            result = { ok: false, message: this.failure(error instanceof Error ? error.message : String(error)) };
        }
        if (this.disposed || generation !== this.generation) return;
        if (result.ok) {
            this.data = result;
            this.stale = result.stale === true;
            this.message = result.message;
        } else {
            // Nothing new to show: keep what is shown (stale) and say why.
            this.stale = this.data !== undefined;
            this.message = result.message;
        }
        this.post();
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (this.timer) clearTimeout(this.timer);
        this.subscriptions.splice(0).forEach((subscription) => subscription.dispose());
        this.panel.dispose();
    }
}

/** A server command about one topology, as the panels ask it (see {@link serverForPanels}); `extra` joins the URI in its argument. */
export type AskServer = <R>(command: string, topology: Uri, extra?: object) => Promise<R>;

/**
 * How panels ask the language server about their topology: once the client has started
 * (a panel restored with the window asks while the extension is still activating), and
 * with the document opened first, so that the client sends it to the server before the
 * request (a restored panel's topology may be in no editor, or outside the workspace).
 */
export function serverForPanels(client: LanguageClient, started: Promise<void>): AskServer {
    return async (command, topology, extra) => {
        await started;
        await workspace.openTextDocument(topology);
        const args: DocumentCommandArgs = { ...extra, uri: client.code2ProtocolConverter.asUri(topology) };
        return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: [args] });
    };
}

/**
 * Brings panels of one view type back after a window reload: their webview keeps its
 * topology's URI in its state, and `restore` gets it with the panel VS Code revived (and
 * the rest of the state). The manifest's `onWebviewPanel:` activation event starts the
 * extension for it.
 */
export function restorePanels(viewType: string, restore: (topology: Uri, panel: WebviewPanel, state: Record<string, unknown>) => void): Disposable {
    return window.registerWebviewPanelSerializer(viewType, {
        async deserializeWebviewPanel(panel, state: { topology?: unknown } | undefined) {
            if (typeof state?.topology === 'string') restore(Uri.parse(state.topology), panel, state);
            else panel.dispose();
        },
    });
}
