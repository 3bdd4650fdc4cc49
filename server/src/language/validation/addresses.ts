import { isReverseProxy, type Gateway, type ReverseProxy, type Server, type Topology, type Vip } from '../generated/ast.js';
import { ipv4AddressProblem, isUnknownAddress, normaliseIpv4, type AddressProblem } from '../../net/ipv4.js';
import type { Bilingual } from '../l10n/locale.js';
import { IssueCodes } from './issue-codes.js';
import type { Reporter } from './report.js';
import { addressOwner, addressUses, lineOf, trailingComment, type AddressNode, type AddressProperty, type AddressUse } from './topology-contents.js';

export function checkServerAddresses(server: Server, report: Reporter): void {
    for (const property of ['address', 'internal', 'external', 'nat'] as const) {
        checkAddress(server, property, server[property], report);
    }
    for (const service of server.services) checkAddress(service, 'address', service.address, report);
}

export function checkHostAddress(node: Gateway | ReverseProxy | Vip, report: Reporter): void {
    checkAddress(node, 'address', node.address, report);
    if (isReverseProxy(node)) checkAddress(node, 'external', node.external, report);
}

function checkAddress(node: AddressNode, property: AddressProperty, text: string | undefined, report: Reporter): void {
    if (text === undefined) return;
    const problem = ipv4AddressProblem(text);
    if (problem) {
        report('error', IssueCodes.InvalidAddress, addressMessage(problem, text), { node, property });
    } else if (isUnknownAddress(text)) {
        report('error', IssueCodes.AddressUnknown, unknownAddressMessage(node, property), { node, property });
    }
}

/** A host name at the start of a trailing `// comment`, as `sfbtopo import` writes it beside each server and gateway. */
const COMMENTED_FQDN = /^\/\/\s*([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)\b/;

/**
 * 0.0.0.0 stands for an address nobody has written yet. The message says where to find it:
 * the FQDN in the line's comment resolves to the server's own (internal) address; an Edge
 * server's public addresses come from the perimeter network's plan instead.
 */
function unknownAddressMessage(node: AddressNode, property: AddressProperty): Bilingual {
    const owner = addressOwner(node, property);
    const lookedUp = property === 'address' || property === 'internal';
    const fqdn = lookedUp ? COMMENTED_FQDN.exec(trailingComment(node) ?? '')?.[1] : undefined;
    if (!lookedUp) {
        return {
            en: `The address of ${owner.en} is not known yet (0.0.0.0 is a placeholder): write the public IPv4 address from the perimeter network's plan.`,
            ja: `${owner.ja} のアドレスはまだ分かっていません (0.0.0.0 は仮の値です)。境界ネットワークの設計にあるパブリック IPv4 アドレスを書いてください。`,
        };
    }
    const where = fqdn
        ? { en: `look up ${fqdn} in DNS (nslookup ${fqdn})`, ja: `DNS で ${fqdn} を調べる (nslookup ${fqdn})` }
        : { en: 'look up its FQDN in DNS', ja: 'DNS でその FQDN を調べる' };
    return {
        en: `The address of ${owner.en} is not known yet (0.0.0.0 is a placeholder): write its IPv4 address. To find it, ${where.en}, or import the topology again with --hosts FILE or --resolve.`,
        ja: `${owner.ja} のアドレスはまだ分かっていません (0.0.0.0 は仮の値です)。IPv4 アドレスを書いてください。${where.ja}か、--hosts FILE または --resolve を付けてトポロジをもう一度インポートすると分かります。`,
    };
}

function addressMessage(problem: AddressProblem, text: string): Bilingual {
    return problem === 'cidr-not-address'
        ? {
              en: `'${text}' is a subnet (CIDR), but a single IPv4 address is expected here, such as 10.0.1.11.`,
              ja: `'${text}' はサブネット (CIDR) です。ここには 10.0.1.11 のような単一の IPv4 アドレスを書きます。`,
          }
        : {
              en: `'${text}' is not an IPv4 address: write four decimal numbers from 0 to 255 separated by dots, such as 10.0.1.11.`,
              ja: `'${text}' は IPv4 アドレスではありません。10.0.1.11 のように、0 から 255 までの 10 進数 4 つをドットで区切って書きます。`,
          };
}

/** Two things at one address would make every rule for that address ambiguous. */
export function checkUniqueAddresses(topology: Topology, report: Reporter): void {
    const first = new Map<string, AddressUse>();
    for (const use of addressUses(topology)) {
        const key = normaliseIpv4(use.text);
        if (key === undefined || isUnknownAddress(key)) {
            continue; // reported as an invalid or a not yet known address
        }
        const earlier = first.get(key);
        if (!earlier) {
            first.set(key, use);
            continue;
        }
        const line = lineOf(earlier.node);
        report(
            'error',
            IssueCodes.DuplicateAddress,
            {
                en:
                    `The address ${use.text} of ${use.owner.en} is already used by ${earlier.owner.en} at line ${line}; ` +
                    'each server address (internal, external, per service, NAT), gateway, reverse proxy and load balancer VIP needs an address of its own.',
                ja:
                    `${use.owner.ja} のアドレス ${use.text} は、${line} 行目の${earlier.owner.ja}で既に使われています。` +
                    'サーバー、ゲートウェイ、リバース プロキシ、ロード バランサーの VIP には、それぞれ別のアドレスが必要です。',
            },
            { node: use.node, property: use.property },
        );
    }
}
