import type { Topology } from '../generated/ast.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';
import { lineOf, namedDeclarations, type NamedDeclaration } from './topology-contents.js';

/**
 * Every name in a topology is unique, whatever it names, and regardless of letter
 * case: names become rule names and per-pool file names, and Windows compares
 * those without case.
 */
export function checkUniqueNames(topology: Topology, report: Reporter): void {
    const first = new Map<string, NamedDeclaration>();
    for (const declaration of namedDeclarations(topology)) {
        const name = declaration.node.name;
        const earlier = first.get(name.toLowerCase());
        if (!earlier) {
            first.set(name.toLowerCase(), declaration);
            continue;
        }
        const line = lineOf(earlier.node);
        const caseOnly = earlier.node.name !== name;
        report(
            'error',
            IssueCodes.DuplicateName,
            {
                en:
                    `The name '${name}' is already used by the ${earlier.kind.en} at line ${line}` +
                    (caseOnly ? ` ('${earlier.node.name}', which differs only in letter case)` : '') +
                    '; every site, pool, server, subnet, gateway, reverse proxy, load balancer and file share needs its own name.',
                ja:
                    `名前 '${name}' は ${line} 行目の${earlier.kind.ja}で既に使われています` +
                    (caseOnly ? ` ('${earlier.node.name}'。大文字と小文字の違いだけです)` : '') +
                    '。サイト、プール、サーバー、サブネット、ゲートウェイ、リバース プロキシ、ロード バランサー、ファイル共有には、それぞれ別の名前が必要です。',
            },
            { node: declaration.node, property: 'name' },
        );
    }
}
