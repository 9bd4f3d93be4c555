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
  return Array.from(csvRecords(input));
}

/** parseCsv one record at a time, so a caller can give the event loop a turn between batches. */
export function* csvRecords(input: string): Generator<CsvRecord> {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
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

  const endRecord = (): CsvRecord | undefined => {
    cells.push(field);
    const record = hasContent || field !== '' ? { line: recordLine, cells } : undefined;
    cells = [];
    field = '';
    atFieldStart = true;
    hasContent = false;
    return record;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && atFieldStart) {
      // A quoted field: read to the closing quote.
      const openedOn = line;
      i++;
      let closed = false;
      // Runs between quotes are copied whole (indexOf and slice are native): a 2 MB field is one
      // slice, not two million string appends that held the event loop for a third of a second.
      while (i < n) {
        const quote = text.indexOf('"', i);
        const end = quote === -1 ? n : quote;
        const run = text.slice(i, end);
        field += run;
        line += countLineBreaks(run);
        i = end;
        if (quote === -1) break;
        if (text.charCodeAt(i + 1) === QUOTE) {
          field += '"';
          i += 2;
          continue;
        }
        closed = true;
        i++;
        break;
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
      const record = endRecord();
      if (record) yield record;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    // The rest of an unquoted field, to the next separator, in one native match.
    UNQUOTED_RUN.lastIndex = i;
    const run = UNQUOTED_RUN.exec(text)?.[0] ?? text[i];
    field += run;
    atFieldStart = false;
    i += run.length;
  }
  if (hasContent || field !== '') yield endRecord() as CsvRecord;
}

/** A run of characters that ends no field and no record (a quote inside an unquoted field is kept). */
const UNQUOTED_RUN = /[^,\r\n]+/y;

/** Line breaks as the reader counts them: CRLF, a lone CR or a lone LF is one. */
const LINE_BREAK = /\r\n|\r|\n/g;

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}
