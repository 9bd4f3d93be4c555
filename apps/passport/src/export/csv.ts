/** Cells a spreadsheet would read as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell of free text from outside (a badge or issuer name, a reason): neutralised if it starts like a formula. */
export interface FreeText {
  readonly freeText: string;
}

export function freeText(value: string): FreeText {
  return { freeText: value };
}

/**
 * RFC 4180 fields. Only free text gets the `'` prefix: ids (older ones may start with `-`), dates
 * and statuses are the platform's own values and come out exactly as the API shows them.
 */
export function csvField(value: string | FreeText): string {
  const text = typeof value === 'string' ? value : FORMULA_START.test(value.freeText) ? `'${value.freeText}` : value.freeText;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: ReadonlyArray<string | FreeText>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
