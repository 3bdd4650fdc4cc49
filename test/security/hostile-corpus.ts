// The hostile-name corpus of issue 8 item 4: payloads, the positions of a topology where
// the administrator (or the file system, for the file name) puts free text, and a valid
// template to put them in.

/** A position: a placeholder of the template and the benign value it has otherwise. */
export interface Position {
    id: string;
    /** How the position reaches the outputs: a name in the topology text, or the source file name of the export context. */
    kind: 'text' | 'source-file';
    benign: string;
}

export const POSITIONS: Position[] = [
    { id: 'topology', kind: 'text', benign: 'Fabrikam' },
    { id: 'site', kind: 'text', benign: 'Kyoto' },
    { id: 'subnet', kind: 'text', benign: 'kyo-clients' },
    { id: 'pool', kind: 'text', benign: 'kyo-fe' },
    { id: 'server', kind: 'text', benign: 'kyo-fe01' },
    { id: 'gateway', kind: 'text', benign: 'kyo-sbc' },
    { id: 'reverseproxy', kind: 'text', benign: 'kyo-rp' },
    { id: 'loadbalancer', kind: 'text', benign: 'kyo-fe-lb' },
    { id: 'fileshare', kind: 'text', benign: 'kyo-fs' },
    { id: 'fqdn', kind: 'text', benign: 'kyo-fe.fabrikam.example' },
    { id: 'sharefqdn', kind: 'text', benign: 'kyo-fs.fabrikam.example' },
    { id: 'service', kind: 'text', benign: 'sip' },
    { id: 'sourcefile', kind: 'source-file', benign: 'kyoto.sfbtopo' },
];

/**
 * Every statement kind with a name or a string, each placeholder also where it is
 * referred to (a pool by its load balancer, a gateway by its pool, a subnet by the
 * clients), so that a payload the grammar accepts as a name still links.
 */
export const TEMPLATE = `topology {{topology}}

site {{site}} {
  subnet kyo-servers 10.50.0.0/16
  subnet {{subnet}} 10.60.0.0/16

  frontend pool {{pool}} {
    fqdn "{{fqdn}}"
    edition enterprise
    server {{server}} 10.50.1.11
    server kyo-fe02 10.50.1.12
    colocate mediation
    hosts cms
    loadbalancing hardware
    gateway {{gateway}}
  }

  director pool kyo-dir {
    fqdn "kyo-dir.fabrikam.example"
    server kyo-dir01 10.50.2.11
    port {{service}} 5100
  }

  edge pool kyo-edge {
    fqdn "kyo-edge.fabrikam.example"
    server kyo-edge01 internal 10.50.9.10 external 203.0.113.50
  }

  fileshare {{fileshare}} {
    fqdn "{{sharefqdn}}"
    server kyo-fs01 10.50.7.11
  }

  gateway {{gateway}} 10.50.3.200
  reverseproxy {{reverseproxy}} 10.51.0.5

  loadbalancer {{loadbalancer}} for {{pool}} { vip 10.50.1.100 }

  clients {
    subnet {{subnet}}
    media audio 50020-50039
    media video 50040-50059
    media appsharing 50060-50079
    media filetransfer 50080-50099
  }
}
`;

export interface Built {
    text: string;
    /** 0-based first and last line of each occurrence of the payload (CR, LF and CRLF end a line, as for the parser). */
    occurrences: Array<{ first: number; last: number }>;
}

/** Lines before the end of `text`, counted as the parser counts them. */
export const lineCount = (text: string) => text.split(/\r\n|\r|\n/).length - 1;

/** The template with `payload` at `position` (every occurrence) and benign values elsewhere. */
export function build(position: Position | undefined, payload: string): Built {
    let text = '';
    const occurrences: Built['occurrences'] = [];
    let rest = TEMPLATE;
    for (;;) {
        const match = /\{\{([a-z]+)\}\}/.exec(rest);
        if (!match) break;
        text += rest.slice(0, match.index);
        const value = position?.id === match[1] ? payload : POSITIONS.find((p) => p.id === match[1])!.benign;
        const first = lineCount(text);
        text += value;
        if (position?.id === match[1]) occurrences.push({ first, last: lineCount(text) });
        rest = rest.slice(match.index + match[0].length);
    }
    return { text: text + rest, occurrences };
}

const long = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/** The fixed corpus: at least 50 payloads, each a way a name or file name has broken a generated file somewhere. */
export const PAYLOADS: string[] = [
    // Quotes: PowerShell takes the curly ones as single quotes too.
    "a'b",
    "'",
    'a"b',
    '"',
    'a\u2018b',
    'a\u2019b',
    'a\u201Ab',
    'a\u201Bb',
    'a\u201Cb\u201D',
    "x'; Remove-NetFirewallRule -All; '",
    '"; nft flush ruleset; "',
    // Expansion and substitution.
    '$(calc)',
    'a$(Invoke-Expression calc)b',
    '${env:PATH}',
    '$env:USERNAME',
    '$null',
    'a`b',
    '`',
    'a`',
    '`n`r',
    // Command separators and redirections.
    'a;calc',
    'a; rm -rf /',
    'a&calc',
    'a && b',
    'a|b',
    'a || b',
    'a>b',
    'a<b',
    'a^',
    '^&',
    // Line breaks of every kind, with something behind them.
    'a\nb',
    'a\r\nb',
    'a\rb',
    'a\u0085b',
    'a\u2028b',
    'a\u2029b',
    'x\n@echo off\ncalc.exe\nREM',
    'x\ndelete table inet filter\n#',
    "x\nRemove-NetFirewallRule -All\n#",
    // cmd.exe variables.
    '%PATH%',
    '%~f0',
    '100%',
    '!x!',
    // Paths.
    '..',
    '../../etc/passwd',
    '..\\..\\Windows\\System32',
    '/etc/passwd',
    'C:\\Windows\\System32\\drivers\\etc\\hosts',
    '\\\\server\\share\\x',
    // Reserved Windows names.
    'CON',
    'con',
    'NUL',
    'PRN',
    'AUX',
    'COM1',
    'LPT1',
    'CON.txt',
    'nul.ps1',
    'COM1 ',
    'name.',
    // Lengths.
    long('a', 300),
    long('A', 5000),
    long('x-', 401),
    // Spreadsheet formulas.
    "=cmd|' /C calc'!A0",
    '+1+1',
    '-2+3',
    '@SUM(A1:A9)',
    '\t=1',
    // Controls and invisible characters.
    'a\u0000b',
    '\u001b[31mred',
    'a\u007fb',
    '\u202Egnp.exe',
    '\uFEFFbom',
    'a\u200Bb',
    '\uD800',
    // Grammar and comment syntax of the formats.
    'a b',
    'a,b',
    '#',
    'a # b',
    '/*',
    '*/',
    '//',
    'a } site evil {',
    '\\',
    'a\\',
    '{ }',
    '-',
    '_x',
    '',
    ' ',
    // Text that is fine, for contrast.
    '日本語',
    '😀',
    'site',
    'ok-name_1',
];
