import { isFileShare, isPool, isServer, isSubnet, isVip, type Server, type Site, type Subnet, type Vip } from '../generated/ast.js';
import { checkIpv4Cidr, ipv4ToNumber, isUnknownSubnet, normaliseIpv4, type Ipv4Network } from '../../net/ipv4.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';
import { addressOwner, lineOf, nodesOfSite } from './topology-contents.js';

export function checkSubnet(subnet: Subnet, report: Reporter): void {
    if (subnet.cidr === undefined) {
        return; // a parse error already points here
    }
    const checked = checkIpv4Cidr(subnet.cidr);
    const cidr = subnet.cidr;
    const place = { node: subnet, property: 'cidr' };
    switch (checked.problem) {
        case 'no-prefix':
            report('error', IssueCodes.InvalidSubnet, {
                en: `Subnet ${subnet.name}: '${cidr}' has no prefix length; a subnet is written as a CIDR, such as 10.0.0.0/16.`,
                ja: `サブネット ${subnet.name}: '${cidr}' にプレフィックス長がありません。10.0.0.0/16 のように CIDR で書きます。`,
            }, place);
            return;
        case 'bad-address':
            report('error', IssueCodes.InvalidSubnet, {
                en: `Subnet ${subnet.name}: '${checked.address}' in '${cidr}' is not an IPv4 address; write four decimal numbers from 0 to 255 separated by dots.`,
                ja: `サブネット ${subnet.name}: '${cidr}' の '${checked.address}' は IPv4 アドレスではありません。0 から 255 までの 10 進数 4 つをドットで区切って書きます。`,
            }, place);
            return;
        case 'bad-prefix':
            report('error', IssueCodes.InvalidSubnet, {
                en: `Subnet ${subnet.name}: '/${checked.prefix}' in '${cidr}' is not a prefix length; IPv4 prefixes run from 0 to 32.`,
                ja: `サブネット ${subnet.name}: '${cidr}' の '/${checked.prefix}' はプレフィックス長ではありません。IPv4 のプレフィックス長は 0 から 32 までです。`,
            }, place);
            return;
    }
    if (isUnknownSubnet(cidr)) {
        report('error', IssueCodes.SubnetUnknown, {
            en: `Subnet ${subnet.name} is not known yet (0.0.0.0/0 is a placeholder): write the network as a CIDR, such as 10.0.0.0/16. The network team's address plan, or the server's IP settings (ipconfig), give it.`,
            ja: `サブネット ${subnet.name} はまだ分かっていません (0.0.0.0/0 は仮の値です)。10.0.0.0/16 のように CIDR でネットワークを書いてください。ネットワーク チームのアドレス計画か、サーバーの IP 設定 (ipconfig) で分かります。`,
        }, place);
        return;
    }
    if (checked.hostBitsSet) {
        report('warning', IssueCodes.SubnetHostBits, {
            en: `Subnet ${subnet.name}: '${cidr}' has host bits set; the network it denotes is ${checked.network.text}, write that instead.`,
            ja: `サブネット ${subnet.name}: '${cidr}' にはホスト部のビットが立っています。表すネットワークは ${checked.network.text} なので、そう書きます。`,
        }, place);
    }
}

export interface DeclaredSubnet {
    subnet: Subnet;
    network: Ipv4Network;
}

/** The site's subnets with a usable network: not those in error, nor a placeholder not yet filled in. */
export function declaredSubnets(site: Site): DeclaredSubnet[] {
    return site.members.filter(isSubnet).flatMap((subnet) => {
        const checked = subnet.cidr === undefined || isUnknownSubnet(subnet.cidr) ? undefined : checkIpv4Cidr(subnet.cidr);
        return checked && checked.problem === undefined ? [{ subnet, network: checked.network }] : [];
    });
}

/** Two subnets of one site that overlap make "which network is this server on" ambiguous. */
export function checkSubnetOverlaps(site: Site, report: Reporter): void {
    const subnets = declaredSubnets(site);
    subnets.forEach((later, index) => {
        const earlier = subnets.slice(0, index).find((s) => s.network.first <= later.network.last && later.network.first <= s.network.last);
        if (earlier) {
            report('warning', IssueCodes.SubnetsOverlap, {
                en: `Subnet ${later.subnet.name} (${later.network.text}) overlaps subnet ${earlier.subnet.name} (${earlier.network.text}) at line ${lineOf(earlier.subnet)}; the subnets of a site should not share addresses.`,
                ja: `サブネット ${later.subnet.name} (${later.network.text}) は ${lineOf(earlier.subnet)} 行目のサブネット ${earlier.subnet.name} (${earlier.network.text}) と重なっています。サイト内のサブネットはアドレスを共有しないようにします。`,
            }, { node: later.subnet, property: 'cidr' });
        }
    });
}

/**
 * Internal server addresses and VIPs belong in one of the site's declared subnets,
 * when it declares any. Edge external addresses and external VIPs, reverse proxies and
 * gateways often sit in perimeter networks, so they are not checked.
 */
export function checkAddressesInSubnets(site: Site, report: Reporter): void {
    const subnets = declaredSubnets(site);
    if (subnets.length === 0) return;
    for (const node of nodesOfSite(site)) {
        let property: 'address' | 'internal' | undefined;
        if (isServer(node) && (isPool(node.$container) || isFileShare(node.$container))) {
            property = node.address !== undefined ? 'address' : node.internal !== undefined ? 'internal' : undefined;
        } else if (isVip(node) && (node.side === undefined || node.side === 'internal')) {
            property = 'address';
        }
        const text = property === undefined ? undefined : (node as unknown as Record<string, string | undefined>)[property];
        if (property === undefined || text === undefined || normaliseIpv4(text) === undefined) continue;
        const address = ipv4ToNumber(text);
        if (subnets.some(({ network }) => network.first <= address && address <= network.last)) continue;
        const nearest = nearestSubnet(subnets, address);
        const owner = addressOwner(node as Server | Vip, 'address');
        report('warning', IssueCodes.AddressOutsideSubnets, {
            en: `The address ${text} of ${owner.en} is in none of site ${site.name}'s subnets; the nearest is ${nearest.subnet.name} (${nearest.network.text}).`,
            ja: `${owner.ja} のアドレス ${text} は、サイト ${site.name} のどのサブネットにも含まれていません。最も近いのは ${nearest.subnet.name} (${nearest.network.text}) です。`,
        }, { node, property });
    }
}

function nearestSubnet(subnets: DeclaredSubnet[], address: number): DeclaredSubnet {
    const distance = ({ network }: DeclaredSubnet) => (address < network.first ? network.first - address : address - network.last);
    return subnets.reduce((best, candidate) => (distance(candidate) < distance(best) ? candidate : best));
}
