// Entry point of `sfbtopo` (out/cli.cjs): runs the command line bundle, out/cli-main.cjs,
// through V8's code cache, one cache per command. Node's own modules only, to load at once.
import { join } from 'node:path';
import { LANGUAGE_SERVER_V8_FLAGS } from '../workspace/v8-flags.js';
import { runWithCodeCache } from './code-cache.js';

const command = process.argv[2] ?? '';
runWithCodeCache(join(__dirname, 'cli-main.cjs'), `cli.${/^[a-z]+$/.test(command) ? command : 'other'}`, command === 'lsp' ? LANGUAGE_SERVER_V8_FLAGS : []);
