import { AstUtils, type ValidationAcceptor } from 'langium';
import { isFqdn, type Fqdn, type Topology } from '../generated/ast.js';
import { fqdnProblem, normaliseFqdn } from '../../net/fqdn.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';
import { lineOf } from './topology-contents.js';

export function checkFqdn(fqdn: Fqdn, accept: ValidationAcceptor): void {
    if (fqdn.value === undefined) {
        return; // a parse error already points here
    }
    const problem = fqdnProblem(fqdn.value);
    if (problem) {
        report(accept, 'error', IssueCodes.InvalidFqdn, `Invalid FQDN: ${problem}.`, fqdn, 'value');
    }
}

export function checkUniqueFqdns(topology: Topology, accept: ValidationAcceptor): void {
    const first = new Map<string, Fqdn>();
    for (const fqdn of AstUtils.streamAllContents(topology).filter(isFqdn)) {
        if (fqdn.value === undefined || fqdnProblem(fqdn.value)) {
            continue; // reported as an invalid FQDN
        }
        const key = normaliseFqdn(fqdn.value);
        const earlier = first.get(key);
        if (!earlier) {
            first.set(key, fqdn);
            continue;
        }
        report(
            accept,
            'error',
            IssueCodes.DuplicateFqdn,
            `The FQDN "${fqdn.value}" is already given to ${ownerOf(earlier)} at ${lineOf(earlier)}; ` +
                `every pool and file share needs its own DNS name.`,
            fqdn,
            'value',
        );
    }
}

function ownerOf(fqdn: Fqdn): string {
    const owner = fqdn.$container;
    return owner.$type === 'Pool' ? `${owner.role} pool ${owner.name}` : `file share ${owner.name}`;
}
