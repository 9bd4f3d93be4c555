/**
 * An institution's award-email template (`/v2/notifications/templates/{kind}`), served by the
 * notification service. Only the placeholders listed here exist; a template naming anything else is
 * refused when it is saved (400 with the field), so sending never meets an unknown name.
 */
import { z } from 'zod';

export const TEMPLATE_KINDS = ['assertion-issued'] as const;
export type TemplateKindName = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_PLACEHOLDERS = ['badgeName', 'issuerName', 'assertionUrl', 'passportUrl'] as const;
export type PlaceholderName = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** `{{ name }}`; global, so use it with `replace` or `matchAll` (which never share its lastIndex). */
export const PLACEHOLDER_PATTERN = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The placeholder names a template uses that we do not know (empty when it is valid). */
export function unknownPlaceholders(template: string): string[] {
  const known = TEMPLATE_PLACEHOLDERS as readonly string[];
  return [...new Set([...template.matchAll(PLACEHOLDER_PATTERN)].map((match) => match[1]).filter((name) => !known.includes(name)))];
}

const withKnownPlaceholders = (schema: z.ZodString) =>
  schema.superRefine((value, context) => {
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `{{${name}}}`).join(', ')}; use ${TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}.`,
      });
    }
  });

const text = (max: number) =>
  z
    .string({ error: 'This field is required.' })
    .min(1, { error: 'This field may not be blank.' })
    .max(max, { error: `Ensure this field has no more than ${max} characters.` });

/** PUT /v2/notifications/templates/{kind} */
export const TemplateBodySchema = z.object({
  subject: withKnownPlaceholders(
    text(300).refine((value) => value.trim().length > 0 && !/[\r\n]/.test(value), { error: 'The subject must be one non-blank line.' }),
  ),
  text: withKnownPlaceholders(text(20_000)),
  html: withKnownPlaceholders(text(100_000)).nullish().describe('Absent or null: a text-only email. Placeholder values are HTML-escaped here.'),
});
export type TemplateBody = z.output<typeof TemplateBodySchema>;

/** The template in effect for an institution: its override, or the built-in default. */
export const EmailTemplateV2Schema = z.object({
  kind: z.enum(TEMPLATE_KINDS),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  isDefault: z.boolean().describe('True when this is the built-in template (no override).'),
  placeholders: z.array(z.enum(TEMPLATE_PLACEHOLDERS)),
  updatedAt: z.iso.datetime().nullable(),
});
export type EmailTemplateV2 = z.output<typeof EmailTemplateV2Schema>;
