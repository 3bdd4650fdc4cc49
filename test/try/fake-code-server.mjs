// A stand-in for code-server's entry point in the `npm run try` tests: `--install-extension`
// succeeds at once; otherwise it serves /healthz on --bind-addr, says where it listens as
// code-server does, starts a child of its own (as code-server starts its extension host)
// and writes "own pid, child pid, parent pid" to $FAKE_CODE_SERVER_PIDS.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';

const args = process.argv.slice(2);
if (args.includes('--install-extension')) process.exit(0);

const [host, port] = args[args.indexOf('--bind-addr') + 1].split(':');
const extensionHost = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
const server = createServer((request, response) => response.writeHead(request.url === '/healthz' ? 200 : 404).end());
server.listen(Number(port), host, () => {
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('no address');
    writeFileSync(process.env.FAKE_CODE_SERVER_PIDS ?? '', `${process.pid} ${extensionHost.pid} ${process.ppid}`);
    console.log(`[fake] HTTP server listening on http://127.0.0.1:${address.port}/`);
});
