import { EmptyFileSystem, OperationCancelled, type ValidationAcceptor, type ValidationChecks } from 'langium';
import { describe, expect, it, vi } from 'vitest';
import type { Fqdn, Server, SfbtopoAstType } from '../../../server/src/language/generated/ast.js';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';
import { checkTopologies } from '../../../server/src/workspace/topology-documents.js';
import { readRepoFile } from '../../helpers.js';

/** The services with extra checks registered beside the topology's own. */
function servicesWith(checks: ValidationChecks<SfbtopoAstType>) {
    const services = createSfbtopoServices(EmptyFileSystem).sfbtopo;
    services.validation.ValidationRegistry.register(checks);
    return services;
}

describe('checks that return at once (no promise per node and check)', () => {
    const text = readRepoFile('examples/contoso.sfbtopo');

    it('reports a check that throws, or returns a promise that rejects, at its node, as Langium does, and runs the other checks', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        const services = servicesWith({
            Server: (server: Server, accept: ValidationAcceptor) => {
                if (server.name === 'fe01a') throw new Error('boom');
                if (server.name === 'fe01b') return Promise.reject(new Error('later boom'));
                if (server.name === 'fe01c') return Promise.resolve().then(() => accept('warning', 'found later', { node: server }));
                return undefined;
            },
            Fqdn: (fqdn: Fqdn, accept: ValidationAcceptor) => accept('warning', `seen ${fqdn.value}`, { node: fqdn }),
        });
        const [checked] = await checkTopologies([{ path: '/virtual/c.sfbtopo', text }], services);
        const messages = checked.diagnostics.map((d) => `${d.range.start.line + 1} ${d.message}`);
        const line = (name: string) => text.split('\n').findIndex((l) => new RegExp(`server ${name}\\b`).test(l)) + 1;
        expect(messages).toContain(`${line('fe01a')} An error occurred during validation: boom`);
        expect(messages).toContain(`${line('fe01b')} An error occurred during validation: later boom`);
        expect(messages).toContain(`${line('fe01c')} found later`);
        expect(messages.filter((m) => m.includes('seen ')).length).toBe((text.match(/\bfqdn\b/g) ?? []).length);
        vi.restoreAllMocks();
    });

    it('lets a cancellation thrown by a check end the validation instead of becoming a diagnostic', async () => {
        const services = servicesWith({
            Server: () => {
                throw OperationCancelled;
            },
        });
        await expect(checkTopologies([{ path: '/virtual/c.sfbtopo', text }], services)).rejects.toBe(OperationCancelled);
    });
});
