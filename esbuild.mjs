// Bundles the entry points: the VS Code client, the language server, the command line,
// the map's layout engine and the three webview scripts. Type checking is `tsc`'s job (npm run typecheck), not esbuild's.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    minify: true,
    sourcemap: false,
    logLevel: 'warning',
    define: { SFBTOPO_VERSION: JSON.stringify(version) },
};

/**
 * ELK (1.4 MB of the 2.4 MB) is its own file, out/elk.cjs, required only when a map is
 * drawn: validating, exporting or serving an editor does not read or compile it. `import()`
 * becomes `require()` so that the bundles also run from a compiled script (see launch/code-cache.ts).
 */
const elkApart = {
    supported: { 'dynamic-import': false },
    plugins: [
        {
            name: 'elk-apart',
            setup(build) {
                build.onResolve({ filter: /^elkjs\/lib\/elk\.bundled\.js$/ }, () => ({ path: './elk.cjs', external: true }));
            },
        },
    ],
};

/**
 * Langium's document builder imports an error class and its codes from the LSP protocol
 * package, to report a request it cannot answer, which the command line never sends. The
 * package's entry point defines every request of the protocol and loads vscode-jsonrpc's
 * Node transports (IPC, sockets, pipes), and with them Node's net and crypto modules: a
 * third of the modules `sfbtopo validate` evaluated. In the command line's bundle the
 * protocol is loaded only if its names are used (`sfbtopo lsp` runs the server's
 * bundle), and vscode-jsonrpc is its shared part, with the Node runtime layer installed as
 * its Node entry point does.
 */
const protocolNames = Object.keys(createRequire(import.meta.url)('vscode-languageserver-protocol/lib/common/api.js'));

const withoutLspTransports = {
    name: 'without-lsp-transports',
    setup(build) {
        const root = new URL('.', import.meta.url).pathname;
        const shims = {
            // Every name, each loading the protocol when first read: `sfbtopo import` lays its output
            // out with the editor's formatter, whose module (langium/lsp) reads more of them.
            'vscode-languageserver-protocol':
                "let api; const load = () => (api ??= require('vscode-languageserver-protocol/lib/common/api.js')); " +
                `module.exports = { ${protocolNames.map((name) => `get ${name}() { return load().${name}; }`).join(', ')} };`,
            'vscode-jsonrpc': "require('vscode-jsonrpc/lib/node/ril.js').default.install(); module.exports = require('vscode-jsonrpc/lib/common/api.js');",
        };
        build.onResolve({ filter: /^(vscode-languageserver-protocol|vscode-jsonrpc)$/ }, ({ path }) => ({ path, namespace: 'cli-shim' }));
        build.onLoad({ filter: /.*/, namespace: 'cli-shim' }, ({ path }) => ({ contents: shims[path], resolveDir: root, loader: 'js' }));
    },
};

await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/client.cjs', external: ['vscode'] }),
    // The language server and `sfbtopo` are small launchers that run their bundle (…-main.cjs)
    // through V8's code cache (server/src/launch/).
    esbuild.build({ ...common, entryPoints: ['server/src/launch/server.ts'], outfile: 'out/server.cjs' }),
    esbuild.build({ ...common, ...elkApart, entryPoints: ['server/src/main.ts'], outfile: 'out/server-main.cjs' }),
    esbuild.build({ ...common, entryPoints: ['server/src/launch/cli.ts'], outfile: 'out/cli.cjs', banner: { js: '#!/usr/bin/env node' } }),
    esbuild.build({ ...common, ...elkApart, plugins: [...elkApart.plugins, withoutLspTransports], entryPoints: ['server/src/cli/main.ts'], outfile: 'out/cli-main.cjs' }),
    esbuild.build({ ...common, entryPoints: ['node_modules/elkjs/lib/elk.bundled.js'], outfile: 'out/elk.cjs' }),
    // The topology map's webview script: runs in the webview (a browser), not in Node.
    esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/map/map-view.ts'], outfile: 'out/map-view.js' }),
    // The rules preview's webview script, likewise.
    esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/preview/rules-view.ts'], outfile: 'out/rules-view.js' }),
    // The rule changes view's webview script, likewise.
    esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/changes/changes-view.ts'], outfile: 'out/changes-view.js' }),
]);
