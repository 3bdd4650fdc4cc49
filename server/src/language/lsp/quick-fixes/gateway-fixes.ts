import { AstUtils } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { isGatewayLink, isPool } from '../../generated/ast.js';
import type { FixContext } from './fix-context.js';
import { freeAddressNear } from './free-choices.js';

/**
 * `linking-error` on a pool's `gateway NAME`: declare that gateway in the pool's site,
 * right after the pool, with a free address next to the pool's servers for the
 * administrator to replace by the gateway's real one. Preferred only when no declared
 * gateway could be what was meant.
 */
export function createGateway(context: FixContext, preferred: boolean): CodeAction[] {
    const link = context.nodeAt(isGatewayLink);
    const name = link?.gateway?.$refText;
    const pool = link && AstUtils.getContainerOfType(link, isPool);
    const cst = pool?.$cstNode;
    if (!name || !pool || !cst || link.gateway.ref) return [];
    const indent = ' '.repeat(cst.range.start.character);
    const statement = `gateway ${name} ${freeAddressNear(context, pool)}`;
    return [
        context.fix({ en: `Create gateway \`${name}\``, ja: `ゲートウェイ \`${name}\` を作成` }, [{ range: { start: cst.range.end, end: cst.range.end }, newText: `\n\n${indent}${statement}` }], preferred),
    ];
}
