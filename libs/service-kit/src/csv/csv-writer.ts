/** Cells a spreadsheet would read as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * CSV files the platform writes (bulk-award results, the passport's summary). A cell of free text:
 * what someone outside typed (a recipient, a name, a reason), or a message that echoes it.
 */
export interface FreeText {
  readonly freeText: string | null | undefined;
}

/** A plain string is a value the platform made (an id, a status, its own URL) and is written as it is. */
export type CsvValue = string | number | null | undefined | FreeText;

/** Marks a cell as free text, the only kind that is formula-neutralised. */
export function freeText(value: string | null | undefined): FreeText {
  return { freeText: value };
}

/** Prefixes a formula-looking cell with `'`, so a spreadsheet shows it as text instead of running it. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * RFC 4180 quoting. Only free text is neutralised: an id that starts with `-` (ids made before
 * they stopped doing so) must come out as it is stored, or the file no longer matches the API.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' ? neutraliseFormula(value.freeText ?? '') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
