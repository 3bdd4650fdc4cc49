import type { ValidationAcceptor } from 'langium';
import type { Topology } from '../generated/ast.js';
import { IssueCodes } from './issue-codes.js';
import { report } from './report.js';
import { lineOf, namedDeclarations, type NamedDeclaration } from './topology-contents.js';

/**
 * Every name in a topology is unique, whatever it names, and regardless of letter
 * case: names become rule names and per-pool file names, and Windows compares
 * those without case.
 */
export function checkUniqueNames(topology: Topology, accept: ValidationAcceptor): void {
    const first = new Map<string, NamedDeclaration>();
    for (const declaration of namedDeclarations(topology)) {
        const key = declaration.node.name.toLowerCase();
        const earlier = first.get(key);
        if (!earlier) {
            first.set(key, declaration);
            continue;
        }
        const sameSpelling = earlier.node.name === declaration.node.name;
        const spelling = sameSpelling ? '' : ` ('${earlier.node.name}', which differs only in letter case)`;
        report(
            accept,
            'error',
            IssueCodes.DuplicateName,
            `The name '${declaration.node.name}' is already used by the ${earlier.kind} at ${lineOf(earlier.node)}${spelling}; ` +
                `every site, pool, server, subnet, gateway, reverse proxy, load balancer and file share needs its own name.`,
            declaration.node,
            'name',
        );
    }
}
