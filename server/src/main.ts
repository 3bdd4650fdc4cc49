// Entry point of the bundled language server that the VS Code client starts.
import { runLanguageServer } from './language-server.js';

runLanguageServer();
