import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ALLOCATOR_ENVIRONMENT, languageServerEnvironment } from '../../server/src/workspace/server-environment.js';

describe('the language server environment', () => {
    it('adds the allocator settings, keeping a user’s own', () => {
        const environment = languageServerEnvironment({ PATH: '/usr/bin', MALLOC_ARENA_MAX: '4' });
        expect(environment).toMatchObject({ ...ALLOCATOR_ENVIRONMENT, PATH: '/usr/bin', MALLOC_ARENA_MAX: '4' });
    });

    it('leaves out the extra CA certificates, which Node would read at every start, even laid over the extension host’s', () => {
        const host = { ...process.env, NODE_EXTRA_CA_CERTS: '/nonexistent/extra-ca.pem' };
        // vscode-languageclient (getEnvironment in its node/main.js) copies the extension host's
        // environment and lays the server options' environment over it.
        const env = { ...host, ...languageServerEnvironment(host) };
        const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.env.NODE_EXTRA_CA_CERTS))'], { env, encoding: 'utf8' });
        expect(child.stdout).toBe('undefined');
        expect(child.stderr).not.toMatch(/extra certs/i);
        // The extension host's own environment is left as it was.
        expect(host.NODE_EXTRA_CA_CERTS).toBe('/nonexistent/extra-ca.pem');
    });
});
