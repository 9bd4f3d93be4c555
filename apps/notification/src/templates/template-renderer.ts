/**
 * `{{placeholder}}` templates for notification emails. Only the names in the contract's
 * TEMPLATE_PLACEHOLDERS exist, and a template naming anything else is refused when it is saved
 * (libs/api-contracts/src/email-templates.contract.ts), so sending never meets an unknown name.
 * Values are HTML-escaped in the html part and stripped of line breaks in the subject (a header).
 */
import { PLACEHOLDER_PATTERN, type PlaceholderName } from '@badges/api-contracts';

export { unknownPlaceholders, type PlaceholderName } from '@badges/api-contracts';

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

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

function fill(template: string, values: TemplateValues, encode: (value: string) => string): string {
  return template.replace(PLACEHOLDER_PATTERN, (whole, name: string) =>
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
