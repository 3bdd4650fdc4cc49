import { distance } from 'fastest-levenshtein';
import type { CodeAction } from 'vscode-languageserver';
import { isPortOverride } from '../../generated/ast.js';
import { namedDeclarations } from '../../validation/topology-contents.js';
import type { FixContext } from './fix-context.js';

/** What each reference names, by the AST type and property holding it. */
const TARGET_TYPES: Record<string, string> = {
    'LoadBalancer.pool': 'Pool',
    'GatewayLink.gateway': 'Gateway',
    'ClientSubnet.subnet': 'Subnet',
};

/** `linking-error`: point the reference at the declared name of the right kind nearest to what was typed. */
export function nearestReference(context: FixContext): CodeAction[] {
    const { refText, containerType, property } = context.data as { refText?: string; containerType?: string; property?: string };
    const target = TARGET_TYPES[`${containerType}.${property}`];
    if (!refText || !target) return [];
    const names = namedDeclarations(context.topology)
        .filter((declaration) => declaration.node.$type === target)
        .map((declaration) => declaration.node.name);
    return byDistance(refText, names)
        .slice(0, 3)
        .map((name, index) =>
            context.fix({ en: `Change to '${name}'`, ja: `'${name}' に変更` }, [{ range: context.diagnostic.range, newText: name }], index === 0),
        );
}

/** `unknown-service`: use one of the service keys the validator suggested. */
export function suggestedService(context: FixContext): CodeAction[] {
    const override = context.nodeAt(isPortOverride);
    const suggestions = (context.data.suggestions as string[] | undefined) ?? [];
    if (!override) return [];
    return suggestions.map((name, index) =>
        context.fix({ en: `Change to '${name}'`, ja: `'${name}' に変更` }, [{ range: context.diagnostic.range, newText: name }], index === 0),
    );
}

function byDistance(typed: string, names: string[]): string[] {
    return [...new Set(names)].sort((a, b) => distance(typed, a) - distance(typed, b) || a.localeCompare(b));
}
