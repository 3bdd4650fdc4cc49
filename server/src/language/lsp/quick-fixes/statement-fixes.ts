import type { AstNode } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { isEdition, isLoadBalancer, isLoadBalancerPorts, isPoolStatement, isVip } from '../../generated/ast.js';
import type { FixContext } from './fix-context.js';

const isRemovable = (node: unknown): node is AstNode => isPoolStatement(node) || isVip(node) || isLoadBalancerPorts(node);

/**
 * `option-not-for-role`, `duplicate-statement`, `cms-duplicate`, `standard-edition-load-balancing`:
 * remove the statement the diagnostic covers (for a load balancer in front of a
 * Standard Edition pool, the load balancer itself).
 */
export function removeStatement(context: FixContext): CodeAction[] {
    const balancer = context.nodeAt(isRemovable) ? undefined : context.nodeAt(isLoadBalancer);
    const statement = balancer ?? context.nodeAt(isRemovable);
    if (!statement) return [];
    const edit = context.removal(statement);
    const text = balancer ? `loadbalancer ${balancer.name}` : (statement.$cstNode?.text ?? '');
    return edit ? [context.fix({ en: `Remove \`${text}\``, ja: `\`${text}\` を削除` }, [edit])] : [];
}

/** `standard-edition-servers`: a pool that has grown past one server becomes Enterprise Edition. */
export function makeEnterprise(context: FixContext): CodeAction[] {
    const edition = context.nodeAt(isEdition);
    const servers = context.data.servers as number | undefined;
    if (!edition?.$cstNode || servers === undefined || servers < 2) return [];
    const edit = context.replace(edition, 'edition enterprise');
    return edit ? [context.fix({ en: 'Change to `edition enterprise`', ja: '`edition enterprise` に変更' }, [edit])] : [];
}
