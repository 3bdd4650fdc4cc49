import type { Bilingual } from '../../catalogue/types.js';

export type { Bilingual };

/** The languages messages are written in; anything else falls back to English. */
export type Locale = 'en' | 'ja';

/** Maps a BCP 47 tag such as the LSP client's `locale` (`ja`, `ja-JP`, `en-US`) to a supported locale. */
export function localeFromTag(tag: string | undefined): Locale {
    return tag?.toLowerCase().split(/[-_]/)[0] === 'ja' ? 'ja' : 'en';
}

/**
 * The locale of this language server or command-line run: set from the client's
 * `initialize` request or from `--locale`, read whenever a message is built.
 */
export class LocaleSetting {
    current: Locale = 'en';

    pick(message: Bilingual): string {
        return message[this.current];
    }
}
