import { randomBytes } from 'node:crypto';
import { env, Uri, type Webview } from 'vscode';

/**
 * A webview's page under a strict Content Security Policy: nothing from the network,
 * only its own bundled script and inline style, both under a fresh nonce. `body` is
 * trusted markup (no data in it: the scripts fill the page with textContent).
 */
export function webviewPage(options: { cspSource: string; scriptUri: string; css: string; body: string }): string {
    const nonce = randomBytes(16).toString('base64');
    const csp = [
        "default-src 'none'",
        `style-src ${options.cspSource} 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
        `img-src ${options.cspSource} data:`,
        `font-src ${options.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="${escapeHtml(env.language)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style nonce="${nonce}">${options.css}</style>
</head>
<body>
${options.body}
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page of a panel whose script is one of the bundles in `out/` (its only local resource root). */
export function panelPage(webview: Webview, extensionUri: Uri, script: string, css: string, body: string): string {
    return webviewPage({ cspSource: webview.cspSource, scriptUri: webview.asWebviewUri(Uri.joinPath(extensionUri, 'out', script)).toString(), css, body });
}
