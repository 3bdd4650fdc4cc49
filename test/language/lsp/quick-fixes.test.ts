import { EmptyFileSystem, TextDocument } from 'langium';
import { describe, expect, it } from 'vitest';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';
import { createSfbtopoServices } from '../../../server/src/language/sfbtopo-module.js';
import { checkTopologies } from '../../../server/src/workspace/topology-documents.js';
import { diagnosticCode } from '../../../server/src/cli/format-diagnostic.js';

const { sfbtopo } = createSfbtopoServices(EmptyFileSystem);
let fileNumber = 0;

async function diagnosticsOf(text: string) {
    const [checked] = await checkTopologies([{ path: `/virtual/fix-${fileNumber++}.sfbtopo`, text }], sfbtopo);
    return checked;
}

/** The quick fixes offered for the first diagnostic with `code`, as the editor would ask for them. */
async function quickFixes(text: string, code: string): Promise<{ actions: CodeAction[]; diagnostic: Diagnostic }> {
    const { document, diagnostics } = await diagnosticsOf(text);
    const diagnostic = diagnostics.find((d) => diagnosticCode(d) === code);
    expect(diagnostic, `expected a ${code} diagnostic`).toBeDefined();
    const actions = (await sfbtopo.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() },
        range: diagnostic!.range,
        context: { diagnostics: [diagnostic!] },
    })) as CodeAction[];
    return { actions, diagnostic: diagnostic! };
}

/** Applies the preferred fix, checks the result text, and that the rule no longer fires. */
async function applyFix(before: string, code: string, after: string, title?: string) {
    const { actions } = await quickFixes(before, code);
    const action = actions.find((a) => a.isPreferred) ?? actions[0];
    expect(action).toBeDefined();
    expect(action.kind).toBe('quickfix');
    if (title) expect(action.title).toBe(title);
    const edits = Object.values(action.edit!.changes!)[0];
    const fixed = TextDocument.applyEdits(TextDocument.create('file:///x.sfbtopo', 'sfbtopo', 1, before), edits);
    expect(fixed).toBe(after);
    const { diagnostics } = await diagnosticsOf(fixed);
    expect(diagnostics.filter((d) => diagnosticCode(d) === code)).toEqual([]);
    return fixed;
}

const topology = (body: string) => `topology T\nsite S {\n${body}\n}\n`;
const fePool = (extra: string) => `  frontend pool fe01 {\n    server fe01a 10.0.1.11\n    server fe01b 10.0.1.12\n    hosts cms\n${extra}  }\n`;

describe('quick fixes', () => {
    it('add the missing load balancer ports to an explicit list', async () => {
        const body = `${fePool('    loadbalancing dns\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 ports 443, 80 }`;
        await applyFix(topology(body), 'load-balancer-missing-ports', topology(body.replace('ports 443, 80', 'ports 443, 80, 4443, 8080')), 'Add ports 4443, 8080');
    });

    it('remove an extra load balancer port', async () => {
        const body = `${fePool('    loadbalancing dns\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 ports 80, 443, 5061, 4443, 8080 }`;
        await applyFix(topology(body), 'load-balancer-extra-port', topology(body.replace('443, 5061, 4443', '443, 4443')), 'Remove port 5061');
    });

    it('add a load balancer with a free VIP for a DNS load balanced pool that lacks one', async () => {
        const body = `  subnet servers 10.0.1.0/24\n${fePool('    loadbalancing dns\n')}  gateway g 10.0.1.13`;
        const after = topology(body.replace('  }\n  gateway', '  }\n\n  loadbalancer lb-fe01 for fe01 { vip 10.0.1.14 }\n  gateway'));
        const fixed = await applyFix(topology(body), 'dns-load-balancing-needs-hlb', after, 'Add load balancer lb-fe01 for pool fe01');
        // The new load balancer is itself clean: no missing VIP, no address outside the subnet.
        expect((await diagnosticsOf(fixed)).diagnostics).toEqual([]);
    });

    it('add a load balancer for a hardware load balanced pool, choosing a name that is free', async () => {
        const body = `${fePool('    loadbalancing hardware\n')}  gateway lb-fe01 10.0.9.1`;
        await applyFix(topology(body), 'hardware-load-balancer-missing', topology(body.replace('  }\n  gateway', '  }\n\n  loadbalancer lb-fe01-2 for fe01 { vip 10.0.1.13 }\n  gateway')));
    });

    it('swap a reversed range', async () => {
        await applyFix(topology('  clients { media audio 50039-50020 }'), 'port-range-reversed', topology('  clients { media audio 50020-50039 }'), 'Swap to 50020-50039');
    });

    it('widen a client media range to 20 ports, downwards at the top of the port space', async () => {
        await applyFix(topology('  clients { media audio 50000-50009 }'), 'client-media-too-small', topology('  clients { media audio 50000-50019 }'));
        await applyFix(topology('  clients { media video 65530-65535 }'), 'client-media-too-small', topology('  clients { media video 65516-65535 }'));
    });

    it.each([
        ['colocate mediation', 'colocate mediation'],
        ['hosts cms', 'hosts cms'],
        ['edition', 'edition enterprise'],
    ])('remove a misplaced `%s` from a non-frontend pool, line and all', async (_name, statement) => {
        const before = topology(`  director pool d {\n    server d1 10.0.2.11\n    ${statement}\n  }`);
        await applyFix(before, 'option-not-for-role', topology('  director pool d {\n    server d1 10.0.2.11\n  }'), `Remove \`${statement}\``);
    });

    it('remove a repeated statement written on one line with others', async () => {
        const before = topology('  frontend pool p { server a 10.0.0.1 hosts cms edition standard edition standard }');
        await applyFix(before, 'duplicate-statement', topology('  frontend pool p { server a 10.0.0.1 hosts cms edition standard }'));
    });

    it('remove a second `hosts cms` in another pool', async () => {
        const before = topology('  frontend pool p { server a 10.0.0.1 hosts cms edition standard }\n  frontend pool q { server b 10.0.0.2 hosts cms edition standard }');
        await applyFix(before, 'cms-duplicate', topology('  frontend pool p { server a 10.0.0.1 hosts cms edition standard }\n  frontend pool q { server b 10.0.0.2 edition standard }'));
    });

    it('change `edition standard` to enterprise once a second server is added', async () => {
        const before = topology('  frontend pool p {\n    edition standard\n    server a 10.0.0.1\n    server b 10.0.0.2\n    hosts cms\n  }');
        await applyFix(before, 'standard-edition-servers', before.replace('edition standard', 'edition enterprise'), 'Change to `edition enterprise`');
    });

    it('replace an unresolved reference with the nearest declared name of the right kind', async () => {
        const body = `${fePool('    loadbalancing hardware\n')}  frontend pool fe02 { server x 10.0.1.20 edition standard }\n  gateway fe0l 10.0.9.9\n  loadbalancer lb for fe0l { vip 10.0.1.100 }`;
        const { actions } = await quickFixes(topology(body), 'linking-error');
        // Only pools are offered, nearest first: the gateway named fe0l is not a candidate.
        expect(actions.map((a) => a.title)).toEqual(["Change to 'fe01'", "Change to 'fe02'"]);
        await applyFix(topology(body), 'linking-error', topology(body.replace('for fe0l', 'for fe01')));
    });

    it('create a gateway that no site declares, after the pool, at a free address next to its servers', async () => {
        const body = '  subnet servers 10.0.3.0/24\n  mediation pool med01 {\n    server med01a 10.0.3.11\n    gateway nosuch\n  }\n  reverseproxy rp 10.0.3.12';
        const after = topology(body.replace('  }\n  reverseproxy', '  }\n\n  gateway nosuch 10.0.3.13\n  reverseproxy'));
        await applyFix(topology(body), 'linking-error', after, 'Create gateway `nosuch`');
        sfbtopo.l10n.Locale.current = 'ja';
        try {
            expect((await quickFixes(topology(body), 'linking-error')).actions.map((a) => a.title)).toEqual(['ゲートウェイ `nosuch` を作成']);
        } finally {
            sfbtopo.l10n.Locale.current = 'en';
        }
    });

    it('offer creating a gateway after the nearest declared one, which stays preferred', async () => {
        const body = '  gateway pstn1 10.0.3.200\n  mediation pool med01 { server med01a 10.0.3.11 gateway pstn2 }';
        const { actions } = await quickFixes(topology(body), 'linking-error');
        expect(actions.map((a) => [a.title, a.isPreferred])).toEqual([["Change to 'pstn1'", true], ['Create gateway `pstn2`', false]]);
    });

    it('replace an unknown service with the suggestion', async () => {
        const before = topology(`${fePool('    loadbalancing dns\n    port sip-tsl 5100\n')}  loadbalancer lb for fe01 { vip 10.0.1.100 }`);
        await applyFix(before, 'unknown-service', before.replace('sip-tsl', 'sip-tls'), "Change to 'sip-tls'");
    });

    it('speak Japanese when the locale is ja', async () => {
        sfbtopo.l10n.Locale.current = 'ja';
        try {
            const { actions } = await quickFixes(topology('  clients { media audio 50039-50020 }'), 'port-range-reversed');
            expect(actions[0].title).toBe('50020-50039 に入れ替え');
        } finally {
            sfbtopo.l10n.Locale.current = 'en';
        }
    });

    it('offer nothing for diagnostics without a single right fix', async () => {
        const { actions } = await quickFixes(topology('  frontend pool p { server a 10.0.0.1 server b 10.0.0.2 hosts cms }'), 'pool-needs-load-balancing');
        expect(actions).toEqual([]);
    });
});
