/** A date in the reader's language (dates from the API are ISO 8601); unparseable ones as given. */
export function formatDate(value: string | undefined, lang: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

/** A moment (ISO 8601) in the reader's language and their own time zone, to the minute: when something happened. */
export function formatDateTime(value: string, lang: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A count or amount in the reader's language (1 500 in French, 1,500 in English). */
export function formatNumber(value: number, lang: string): string {
  return new Intl.NumberFormat(lang).format(value);
}
