// Bundles the three entry points (the VS Code client, the language server and the
// command line) and the two webview scripts. Type checking is `tsc`'s job (npm run typecheck), not esbuild's.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

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

await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'out/client.cjs', external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'out/server.cjs' }),
    esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'out/cli.cjs', banner: { js: '#!/usr/bin/env node' } }),
    // The topology map's webview script: runs in the webview (a browser), not in Node.
    esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/map/map-view.ts'], outfile: 'out/map-view.js' }),
    // The rules preview's webview script, likewise.
    esbuild.build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/preview/rules-view.ts'], outfile: 'out/rules-view.js' }),
]);
