/**
 * Badgr backpack imports (passport; ours, issue #18, decision 0046). docs/api.md "Bringing a Badgr
 * backpack":
 *
 * POST /v2/backpack/badgr-imports        -> 202, [BadgrImportV2] (queued; the backpack is already read)
 * GET  /v2/backpack/badgr-imports        -> 200, [BadgrImportV2, …] newest first (without items)
 * GET  /v2/backpack/badgr-imports/{id}   -> 200, [BadgrImportV2] with every item and collection
 */
import { z } from 'zod';

import { MigrationItemProblemSchema } from './migration-records.contract';
import { BADGE_STATUSES } from './passport.contract';

/**
 * The learner's Badgr sign-in: used once, for Badgr's password grant, while the request lasts.
 * Never stored, logged or audited.
 */
export const BadgrImportBodySchema = z.object({
  badgrUrl: z.url({ protocol: /^https?$/, error: 'badgrUrl must be the https address of a Badgr server.' }).max(2048).describe("Badgr's API address, e.g. https://api.badgr.io"),
  username: z.string().trim().min(1).max(254).describe('The learner’s Badgr username (their email address)'),
  password: z.string().min(1).max(1024).describe('The learner’s Badgr password: used once, never kept'),
});
export type BadgrImportBody = z.output<typeof BadgrImportBodySchema>;

export const BADGR_IMPORT_STATUSES = ['queued', 'running', 'completed'] as const;
export type BadgrImportStatus = (typeof BADGR_IMPORT_STATUSES)[number];

/**
 * Where one backpack item ended: `imported` (now in the passport), `already_in_passport` (it was;
 * its acceptance may have been brought over), `skipped` and `failed` with a reason; `pending`
 * until the job reaches it.
 */
export const BADGR_IMPORT_OUTCOMES = ['pending', 'imported', 'already_in_passport', 'skipped', 'failed'] as const;
export type BadgrImportOutcome = (typeof BADGR_IMPORT_OUTCOMES)[number];

/** Why an item was skipped or failed; the message says it in words. */
export const BADGR_IMPORT_REASONS = ['recipient_mismatch', 'revoked', 'import_failed', 'verifier_unavailable'] as const;
export type BadgrImportReason = (typeof BADGR_IMPORT_REASONS)[number];

export const BADGR_COLLECTION_OUTCOMES = ['pending', 'created', 'updated', 'unchanged', 'skipped'] as const;
export type BadgrCollectionOutcome = (typeof BADGR_COLLECTION_OUTCOMES)[number];

export const BadgrImportItemV2Schema = z.object({
  sourceId: z.string().describe("The badge's entityId at Badgr"),
  openBadgeId: z.string().describe('Its OB 2.0 id'),
  badgrAcceptance: z.enum(BADGE_STATUSES).describe("Its acceptance at Badgr, in the passport's words (Badgr never lists declined ones)"),
  revoked: z.boolean(),
  outcome: z.enum(BADGR_IMPORT_OUTCOMES),
  reason: z.enum(BADGR_IMPORT_REASONS).nullable(),
  message: z.string().nullable(),
  assertion: z.string().nullable().describe('The backpack assertion entityId in the passport, once it is there'),
  status: z.enum(BADGE_STATUSES).nullable().describe('Its acceptance in the passport after the import'),
});

export const BadgrImportCollectionV2Schema = z.object({
  sourceId: z.string().describe("The collection's entityId at Badgr (kept as its source key)"),
  name: z.string(),
  outcome: z.enum(BADGR_COLLECTION_OUTCOMES),
  collection: z.string().nullable().describe('The passport collection entityId'),
  badges: z.number().int().describe('Badges it holds in the passport'),
  leftOut: z.number().int().describe('Badges of the Badgr collection not in it: not in the passport, or not accepted'),
});

export const BadgrImportProgressSchema = z.object({
  total: z.number().int().describe('Items in the backpack'),
  imported: z.number().int(),
  alreadyInPassport: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
});

export const BadgrImportV2Schema = z.object({
  entityId: z.string(),
  badgrOrigin: z.string().describe('The Badgr server read'),
  status: z.enum(BADGR_IMPORT_STATUSES),
  progress: BadgrImportProgressSchema,
  problems: z.array(MigrationItemProblemSchema).describe('What the reader could not carry (an item left out, a part lost)'),
  items: z.array(BadgrImportItemV2Schema).describe('Empty in the list; every item on GET by id'),
  collections: z.array(BadgrImportCollectionV2Schema),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});

export type BadgrImportItemV2 = z.output<typeof BadgrImportItemV2Schema>;
export type BadgrImportCollectionV2 = z.output<typeof BadgrImportCollectionV2Schema>;
export type BadgrImportProgress = z.output<typeof BadgrImportProgressSchema>;
export type BadgrImportV2 = z.output<typeof BadgrImportV2Schema>;

export const BADGR_IMPORTS_RESPONSE_SCHEMAS = { BadgrImport: BadgrImportV2Schema } as const satisfies Record<string, z.ZodType>;
