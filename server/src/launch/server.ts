// Entry point of the language server the VS Code client starts (out/server.cjs): runs the
// server bundle, out/server-main.cjs, through V8's code cache.
import { join } from 'node:path';
import { runWithCodeCache } from './code-cache.js';

runWithCodeCache(join(__dirname, 'server-main.cjs'), 'server');
