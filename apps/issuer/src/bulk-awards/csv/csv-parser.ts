/** One CSV record and the physical line it starts on (the first line of the file is 1). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'CsvSyntaxError';
  }
}

const QUOTE = 34; // "
const COMMA = 44; // ,
const CR = 13;
const LF = 10;

/**
 * A small RFC 4180 reader: quoted fields (with commas, quotes doubled as `""`, and line breaks
 * inside), CRLF, LF or lone CR line ends, a leading BOM. Records may be ragged (the caller
 * checks the cell count per row); blank lines are skipped. An unterminated quoted field is the
 * only syntax error: it swallows the rest of the file, so nothing after it can be trusted.
 * A quote inside an unquoted field is kept as a character (lenient, as spreadsheets write it).
 */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  /** At the start of a field: only there does a quote open a quoted field. */
  let atFieldStart = true;
  /** Whether the record has anything (a blank line has not). */
  let hasContent = false;

  const endRecord = (): void => {
    cells.push(field);
    if (hasContent || field !== '') records.push({ line: recordLine, cells });
    cells = [];
    field = '';
    atFieldStart = true;
    hasContent = false;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && atFieldStart) {
      // A quoted field: read to the closing quote.
      const openedOn = line;
      i++;
      let closed = false;
      while (i < n) {
        const q = text.charCodeAt(i);
        if (q === QUOTE) {
          if (text.charCodeAt(i + 1) === QUOTE) {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (q === CR) {
          line++;
          if (text.charCodeAt(i + 1) === LF) {
            field += '\r\n';
            i += 2;
            continue;
          }
        } else if (q === LF) {
          line++;
        }
        field += text[i];
        i++;
      }
      if (!closed) throw new CsvSyntaxError(`Line ${openedOn}: a quoted field is never closed (a " is missing).`, openedOn);
      hasContent = true;
      atFieldStart = false;
      // Anything between the closing quote and the next separator is kept (lenient).
      continue;
    }
    if (c === COMMA) {
      cells.push(field);
      field = '';
      hasContent = true;
      atFieldStart = true;
      i++;
      continue;
    }
    if (c === CR || c === LF) {
      endRecord();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += text[i];
    atFieldStart = false;
    i++;
  }
  if (hasContent || field !== '') endRecord();
  return records;
}
