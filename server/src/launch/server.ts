// Entry point of the language server the VS Code client starts (out/server.cjs): runs the
// server bundle, out/server-main.cjs, through V8's code cache.
import { join } from 'node:path';
import { LANGUAGE_SERVER_V8_FLAGS } from '../workspace/v8-flags.js';
import { runWithCodeCache } from './code-cache.js';

runWithCodeCache(join(__dirname, 'server-main.cjs'), 'server', LANGUAGE_SERVER_V8_FLAGS);
