/** A date in the reader's language (dates from the API are ISO 8601); unparseable ones as given. */
export function formatDate(value: string | undefined, lang: string): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
