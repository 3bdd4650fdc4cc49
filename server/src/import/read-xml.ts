import { SaxesParser } from 'saxes';
import type { Bilingual } from '../catalogue/types.js';
import { decodeTopology } from '../workspace/topology-text.js';

/** One element of the XML, with where it starts (1-based line and column). */
export interface XmlElement {
    /** The local name, without a prefix. */
    name: string;
    namespace: string;
    /** Attributes by local name (topology files put none in a namespace of their own). */
    attributes: Map<string, string>;
    children: XmlElement[];
    /** The element's own text, trimmed (a site's `<Name>`). */
    text: string;
    line: number;
    column: number;
}

/** Why the bytes are not a readable XML document, at a place in them when there is one, in both languages. */
export interface XmlProblem {
    message: Bilingual;
    line?: number;
    column?: number;
}

export type XmlReadResult = { ok: true; root: XmlElement; encoding: string } | { ok: false; problem: XmlProblem };

/**
 * Topology files of large deployments are a few megabytes; a 1,000-cluster published topology
 * is about 20 MB. Past this the file is refused before it is decoded or parsed.
 */
export const XML_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Reads a topology XML document into a tree of elements. UTF-8 with or without a byte order
 * mark, UTF-16 with one (what Windows PowerShell writes); the XML declaration's encoding is
 * not trusted over the bytes. A document type declaration is refused outright: topology files
 * have none, and refusing it means no entity is ever defined, expanded or fetched (an
 * "entity bomb" stops at its `<!DOCTYPE`). saxes itself knows only the five predefined
 * entities and never reads anything but the text it is given.
 */
export function readXml(bytes: Uint8Array, maxBytes = XML_MAX_BYTES): XmlReadResult {
    if (bytes.length > maxBytes) return { ok: false, problem: { message: oversizeMessage(bytes.length, maxBytes) } };
    const decoded = decodeTopology(bytes);
    if (!decoded.ok) {
        return {
            ok: false,
            problem: {
                message:
                    decoded.problem === 'nul-byte'
                        ? {
                              en: `not a text file (byte ${decoded.offset} is NUL); an XML topology is UTF-8, or UTF-16 with a byte order mark`,
                              ja: `テキスト ファイルではありません (${decoded.offset + 1} バイト目が NUL です)。XML のトポロジは UTF-8、またはバイト順マーク付きの UTF-16 です`,
                          }
                        : { en: `not valid ${ENCODING_NAMES[decoded.encoding]} text`, ja: `${ENCODING_NAMES[decoded.encoding]} のテキストとして正しくありません` },
            },
        };
    }
    const parsed = parseXml(decoded.text);
    return parsed.ok ? { ...parsed, encoding: decoded.encoding } : parsed;
}

const ENCODING_NAMES = { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16', 'utf-16be': 'UTF-16' } as const;

/** Why a file of `size` bytes is not imported. */
export function oversizeMessage(size: number, maxBytes = XML_MAX_BYTES): Bilingual {
    const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
    return {
        en: `the file is ${megabytes(size)}, over the import limit of ${megabytes(maxBytes)}; a topology XML is a few megabytes`,
        ja: `ファイルのサイズが ${megabytes(size)} で、インポートの上限 ${megabytes(maxBytes)} を超えています。トポロジの XML は通常数 MB です`,
    };
}

/** Thrown from the parser's handlers to stop at the first problem. */
class Stop extends Error {
    constructor(readonly problem: XmlProblem) {
        super(problem.message.en);
    }
}

/** 1-based line and column of an offset in the text. */
function placeOf(text: string, offset: number): { line: number; column: number } {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

function parseXml(text: string): { ok: true; root: XmlElement } | { ok: false; problem: XmlProblem } {
    // Other text would only be reported once the parser reached its end, far from the cause.
    const start = text.search(/\S/);
    if (start >= 0 && text[start] !== '<') {
        return { ok: false, problem: { ...placeOf(text, start), message: { en: 'this is not XML: an XML topology starts with `<`', ja: 'XML ではありません。XML のトポロジは `<` で始まります' } } };
    }
    const parser = new SaxesParser({ xmlns: true, position: true });
    const stack: XmlElement[] = [];
    let root: XmlElement | undefined;
    // saxes reports the position after what it has read; an element is placed at its `<`.
    let tagLine = 1;
    let tagColumn = 1;
    const here = () => ({ line: parser.line, column: parser.column });

    parser.on('error', (error) => {
        // saxes prefixes its messages with "line:column: "; the place is reported apart. Its own words are English.
        const detail = error.message.replace(/^\d+:\d+: /, '');
        throw new Stop({ ...here(), message: { en: detail, ja: `XML として正しくありません (${detail})` } });
    });
    parser.on('doctype', () => {
        // Reported where the declaration starts; saxes tells of it only once past its end.
        const at = text.indexOf('<!DOCTYPE');
        throw new Stop({
            ...(at >= 0 ? placeOf(text, at) : here()),
            message: {
                en: 'document type declarations (<!DOCTYPE …>) are refused: a topology file has none, and its entities are never expanded',
                ja: '文書型宣言 (<!DOCTYPE …>) は受け付けません。トポロジのファイルには含まれず、実体 (エンティティ) を展開することもありません',
            },
        });
    });
    parser.on('opentagstart', () => {
        tagLine = parser.line;
        tagColumn = parser.column;
    });
    parser.on('opentag', (tag) => {
        const attributes = new Map<string, string>();
        for (const attribute of Object.values(tag.attributes)) {
            if (attribute.prefix !== 'xmlns' && attribute.name !== 'xmlns') attributes.set(attribute.local, attribute.value);
        }
        // opentagstart fires once the name is read: step back over `<` and the name.
        const element: XmlElement = { name: tag.local, namespace: tag.uri, attributes, children: [], text: '', line: tagLine, column: Math.max(1, tagColumn - tag.name.length - 1) };
        const parent = stack.at(-1);
        if (parent) parent.children.push(element);
        else root = element;
        stack.push(element);
    });
    parser.on('text', (value) => {
        const current = stack.at(-1);
        if (current && current.text.length < 4096) current.text += value;
    });
    parser.on('closetag', () => {
        const element = stack.pop();
        if (element) element.text = element.text.trim();
    });

    try {
        parser.write(text).close();
    } catch (error) {
        if (error instanceof Stop) return { ok: false, problem: error.problem };
        throw error;
    }
    if (!root) return { ok: false, problem: { message: { en: 'no XML element found; this is not an XML topology', ja: 'XML の要素がありません。XML のトポロジではありません' }, ...here() } };
    return { ok: true, root };
}
