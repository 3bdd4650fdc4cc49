import { describe, expect, it } from 'vitest';
import { ALLOCATOR_ENVIRONMENT, languageServerEnvironment } from '../../server/src/workspace/server-environment.js';

describe('the language server environment', () => {
    it('adds the allocator settings, keeping a user’s own', () => {
        const environment = languageServerEnvironment({ PATH: '/usr/bin', MALLOC_ARENA_MAX: '4' });
        expect(environment).toMatchObject({ ...ALLOCATOR_ENVIRONMENT, PATH: '/usr/bin', MALLOC_ARENA_MAX: '4' });
    });

    it('leaves out the extra CA certificates, which Node would read at every start', () => {
        const given = { PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' };
        const environment = languageServerEnvironment(given);
        expect(environment).not.toHaveProperty('NODE_EXTRA_CA_CERTS');
        expect(environment.PATH).toBe('/usr/bin');
        // The extension host's own environment is left as it was.
        expect(given.NODE_EXTRA_CA_CERTS).toBe('/etc/ssl/certs/ca-certificates.crt');
    });
});
