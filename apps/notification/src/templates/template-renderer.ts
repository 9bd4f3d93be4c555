/**
 * `{{placeholder}}` templates for notification emails. Only the names in PLACEHOLDERS exist; a
 * template naming anything else is refused when it is saved (400 with the field), so sending
 * never meets an unknown name. Values are HTML-escaped in the html part and stripped of line
 * breaks in the subject (a header).
 */
export const PLACEHOLDERS = ['badgeName', 'issuerName', 'assertionUrl'] as const;
export type PlaceholderName = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Record<PlaceholderName, string>;

export interface EmailTemplateContent {
  subject: string;
  text: string;
  /** Absent: a text-only email. */
  html: string | null;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string | null;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a template uses that we do not know (empty when it is valid). */
export function unknownPlaceholders(template: string): string[] {
  const known = PLACEHOLDERS as readonly string[];
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !known.includes(name)))];
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

function fill(template: string, values: TemplateValues, encode: (value: string) => string): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? encode(values[name as PlaceholderName]) : whole,
  );
}

export function renderEmail(template: EmailTemplateContent, values: TemplateValues): RenderedEmail {
  const oneLine = (value: string) => value.replace(/[\r\n]+/g, ' ');
  return {
    subject: oneLine(fill(template.subject, values, oneLine)).trim(),
    text: fill(template.text, values, (value) => value),
    html: template.html === null ? null : fill(template.html, values, escapeHtml),
  };
}
