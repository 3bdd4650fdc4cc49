import type { CodeAction } from 'vscode-languageserver';
import { isMediaRange, isPortRange } from '../../generated/ast.js';
import type { FixContext } from './fix-context.js';

/** `port-range-reversed`: write the lower port first. */
export function swapRange(context: FixContext): CodeAction[] {
    const range = context.nodeAt(isPortRange);
    if (!range || range.last === undefined) return [];
    const text = `${range.last}-${range.first}`;
    const edit = context.replace(range, text);
    return edit ? [context.fix({ en: `Swap to ${text}`, ja: `${text} に入れ替え` }, [edit])] : [];
}

/** The seed's minimum for a client media range. */
const CLIENT_MEDIA_MINIMUM = 20;

/** `client-media-too-small`: widen to 20 ports upwards, or downwards when that would pass 65535. */
export function widenClientRange(context: FixContext): CodeAction[] {
    const media = context.nodeAt(isMediaRange);
    if (!media?.range) return [];
    const first = media.range.first;
    const last = media.range.last ?? first;
    const text = first + CLIENT_MEDIA_MINIMUM - 1 <= 65535 ? `${first}-${first + CLIENT_MEDIA_MINIMUM - 1}` : `${last - CLIENT_MEDIA_MINIMUM + 1}-${last}`;
    const edit = context.replace(media.range, text);
    return edit ? [context.fix({ en: `Widen to ${text} (20 ports)`, ja: `${text} (20 ポート) に広げる` }, [edit])] : [];
}
