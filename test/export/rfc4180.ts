// A strict RFC 4180 reader for the tests: CRLF records, quoted fields with doubled quotes.

/**
 * A strict RFC 4180 reader: records end with CRLF (the last one too), a quoted field may
 * hold commas, CRLF and doubled quotes, an unquoted field may hold no quote, CR or LF.
 */
export function parseCsv(text: string): string[][] {
    const records: string[][] = [];
    let record: string[] = [];
    let i = 0;
    while (i < text.length) {
        let field = '';
        if (text[i] === '"') {
            i++;
            for (;;) {
                if (i >= text.length) throw new Error('unterminated quoted field');
                if (text[i] === '"') {
                    if (text[i + 1] === '"') {
                        field += '"';
                        i += 2;
                    } else {
                        i++;
                        break;
                    }
                } else {
                    field += text[i++];
                }
            }
        } else {
            while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
                if (text[i] === '"' || text[i] === '\n') throw new Error(`unquoted field with ${JSON.stringify(text[i])} at ${i}`);
                field += text[i++];
            }
        }
        record.push(field);
        if (text[i] === ',') {
            i++;
        } else if (text.startsWith('\r\n', i)) {
            records.push(record);
            record = [];
            i += 2;
        } else {
            throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
        }
    }
    if (record.length > 0) throw new Error('last record has no CRLF');
    return records;
}
