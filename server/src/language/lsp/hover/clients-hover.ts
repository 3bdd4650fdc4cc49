import { AstUtils } from 'langium';
import { effectiveClientPorts } from '../../../model/effective-ports.js';
import { isClientSubnet, isMediaRange, isSite, type Clients } from '../../generated/ast.js';
import type { Markdown } from './markdown.js';

/** A site's `clients` block: its subnets and the client rows, with the media ranges it sets. */
export function clientsHover(md: Markdown, clients: Clients): Markdown {
    const site = AstUtils.getContainerOfType(clients, isSite);
    md.heading({ en: `Clients of site ${site?.name ?? ''}`, ja: `サイト ${site?.name ?? ''} のクライアント` });
    const subnets = clients.statements.filter(isClientSubnet).map((s) => (s.subnet?.ref ? `${s.subnet.ref.name} (${s.subnet.ref.cidr})` : s.subnet?.$refText));
    if (subnets.length > 0) {
        md.say({ en: `Client subnets: ${subnets.join(', ')}.`, ja: `クライアントのサブネット: ${subnets.join('、')}。` });
    }
    return md
        .say({ en: 'What the clients send, with the media ranges this block sets:', ja: 'クライアントが送信するポート (メディアの範囲はこのブロックの指定どおり):' })
        .effective(effectiveClientPorts(clients.statements.filter(isMediaRange)));
}
