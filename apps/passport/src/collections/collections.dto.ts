import { z } from 'zod';

const assertionIds = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Not an assertion entityId.' }), { error: 'Expected a list of assertion entityIds.' })
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'Each badge may appear once.' });

/** POST /v2/backpack/collections (Badgr: name, description, assertions). */
export const CollectionCreateBodySchema = z.object({
  name: z.string({ error: 'This field is required.' }).trim().min(1, { error: 'This field may not be blank.' }).max(128),
  description: z.string().trim().max(2000).default(''),
  assertions: assertionIds.default([]),
});

/** PUT: every field optional; `assertions` replaces the list (its order is the display order). */
export const CollectionUpdateBodySchema = z.object({
  name: z.string().trim().min(1, { error: 'This field may not be blank.' }).max(128).optional(),
  description: z.string().trim().max(2000).optional(),
  assertions: assertionIds.optional(),
});

export type CollectionCreateBody = z.output<typeof CollectionCreateBodySchema>;
export type CollectionUpdateBody = z.output<typeof CollectionUpdateBodySchema>;
