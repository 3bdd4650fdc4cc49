import { isReference, type AstNode, type ReferenceInfo } from 'langium';

/** The references a node holds itself, in property order, as `AstUtils.streamReferences` gives them, without a stream. */
export function referencesOf(node: AstNode): ReferenceInfo[] {
    const found: ReferenceInfo[] = [];
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value)) {
            found.push({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((item, index) => {
                if (isReference(item)) found.push({ reference: item, container: node, property, index });
            });
        }
    }
    return found;
}
