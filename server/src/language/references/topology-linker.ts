import { DefaultLinker, type LinkingError, type ReferenceInfo, type AstNodeDescription } from 'langium';

/** What each kind of reference must name, in the administrator's words. */
const EXPECTED: Record<string, { what: string; where: string }> = {
    Pool: { what: 'pool', where: '`for` names a pool declared in one of the topology\'s sites' },
    Gateway: { what: 'gateway', where: 'a pool\'s `gateway` names a site-level `gateway NAME ADDRESS`' },
    Subnet: { what: 'subnet', where: '`clients { subnet NAME }` names a site-level `subnet NAME CIDR`' },
};

export class TopologyLinker extends DefaultLinker {
    override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const expected = EXPECTED[this.reflection.getReferenceType(refInfo)];
        if (expected) {
            error.message = `No ${expected.what} named '${refInfo.reference.$refText}' in this topology: ${expected.where}.`;
        }
        return error;
    }
}
