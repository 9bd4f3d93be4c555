import { z } from 'zod';

import { PLACEHOLDERS, unknownPlaceholders } from './template-renderer';

const withKnownPlaceholders = (schema: z.ZodString) =>
  schema.superRefine((value, context) => {
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `Unknown placeholder${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `{{${name}}}`).join(', ')}; use ${PLACEHOLDERS.map((name) => `{{${name}}}`).join(', ')}.`,
      });
    }
  });

const text = (max: number) =>
  z
    .string({ error: 'This field is required.' })
    .min(1, { error: 'This field may not be blank.' })
    .max(max, { error: `Ensure this field has no more than ${max} characters.` });

/** PUT /v2/notifications/templates/:kind */
export const TemplateBodySchema = z.object({
  subject: withKnownPlaceholders(
    text(300).refine((value) => value.trim().length > 0 && !/[\r\n]/.test(value), { error: 'The subject must be one non-blank line.' }),
  ),
  text: withKnownPlaceholders(text(20_000)),
  html: withKnownPlaceholders(text(100_000)).nullish(),
});

export type TemplateBody = z.output<typeof TemplateBodySchema>;

export interface TemplateV2 {
  kind: string;
  subject: string;
  text: string;
  html: string | null;
  /** True when this is the built-in template (no override). */
  isDefault: boolean;
  placeholders: string[];
  updatedAt: string | null;
}
