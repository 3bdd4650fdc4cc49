import { formatTopologyText } from './format-topology.js';
import type { Dialect } from './imported-topology.js';
import { mapTopology, type ImportReport } from './map-topology.js';
import { readTopologyXml } from './read-topology-xml.js';
import { readXml, type XmlProblem } from './read-xml.js';

export interface ImportOptions {
    /** The source file's name, named in the written file's opening comment. */
    sourceName: string;
    /** Addresses by host name (lower case), from a hosts file. */
    hosts?: ReadonlyMap<string, string>;
    /** Looks up the host names whose addresses are still unknown (`--resolve`). */
    resolve?: (names: string[]) => Promise<ReadonlyMap<string, string>>;
    /** Refuse larger input (bytes); defaults to XML_MAX_BYTES. */
    maxBytes?: number;
}

export type ImportOutcome =
    | { ok: true; text: string; report: ImportReport; dialect: Dialect; encoding: string; unknownHosts: string[] }
    | { ok: false; problem: XmlProblem };

/**
 * A topology XML file's bytes to the text of a `.sfbtopo` file and the import report:
 * decode, parse safely, read either dialect, map, fill addresses from the hosts file and
 * DNS when asked, and lay the text out with the formatter.
 */
export async function importTopology(bytes: Uint8Array, options: ImportOptions): Promise<ImportOutcome> {
    const xml = readXml(bytes, options.maxBytes);
    if (!xml.ok) return xml;
    const read = readTopologyXml(xml.root);
    if (!read.ok) return read;
    const known = new Map(options.hosts ?? []);
    let mapped = mapTopology(read.topology, { sourceName: options.sourceName, knownAddresses: known });
    if (options.resolve && mapped.unknownHosts.length > 0) {
        for (const [name, address] of await options.resolve(mapped.unknownHosts)) known.set(name, address);
        mapped = mapTopology(read.topology, { sourceName: options.sourceName, knownAddresses: known });
    }
    return {
        ok: true,
        text: formatTopologyText(mapped.text),
        report: mapped.report,
        dialect: read.topology.dialect,
        encoding: xml.encoding,
        unknownHosts: mapped.unknownHosts,
    };
}
