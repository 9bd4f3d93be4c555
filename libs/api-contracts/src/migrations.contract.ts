/**
 * Migration runs (issue #18, decision 0044): the operator's API under
 * `/admin/institutions/{id}/migrations` (plain answers, no v2 envelope), forwarded to the issuer
 * service, which writes migration records (migration-records.contract.ts) keeping every id.
 * An importer starts a run, posts batches of records to it, then finishes it; each item is answered
 * `created | unchanged | updated | skipped`, a skipped one with a code, and no item stops the run.
 */
import { z } from 'zod';

import { MIGRATION_ITEM_PROBLEM_CODES, MigrationItemProblemSchema } from './migration-records.contract';

export const MIGRATION_RECORD_KINDS = ['issuer', 'badgeClass', 'assertion', 'staff'] as const;
export type MigrationRecordKind = (typeof MIGRATION_RECORD_KINDS)[number];

export const MIGRATION_OUTCOMES = ['created', 'unchanged', 'updated', 'skipped'] as const;
export type MigrationOutcome = (typeof MIGRATION_OUTCOMES)[number];

/**
 * Why an item was skipped:
 * - `id_taken_by_other_institution`: another institution holds that id (never touched);
 * - `id_taken_differs`: this institution holds that id with other contents (`overwrite` replaces it);
 * - `issuer_missing` / `badge_class_missing`: the record's parent is neither stored nor in the run;
 * - `image_missing`: a badge class without an image (the source's could not be read);
 * - `image_invalid`: an image that is not a PNG or SVG we accept;
 * - `invalid`: the record does not follow the migration-records contract (the message says where);
 * - `staff_not_migrated`: issuer staff are people, who live in the gateway; invite them (decision 0044).
 */
export const MIGRATION_PROBLEM_CODES = [
  'id_taken_by_other_institution',
  'id_taken_differs',
  'issuer_missing',
  'badge_class_missing',
  'image_missing',
  'image_invalid',
  'invalid',
  'staff_not_migrated',
] as const;
export type MigrationProblemCode = (typeof MIGRATION_PROBLEM_CODES)[number];

/**
 * `failed`: its driver could not read the source to the end (`failure` says why); `interrupted`: the
 * platform was driving it (a console run) and its process stopped (decision 0045). Runs are
 * idempotent, so either is simply run again.
 */
export const MIGRATION_RUN_STATUSES = ['running', 'finished', 'failed', 'interrupted'] as const;
export type MigrationRunStatus = (typeof MIGRATION_RUN_STATUSES)[number];

/**
 * Records per kind in one batch at most; a batch is one transaction. Its body must also fit the
 * 2 MiB every request is held to: about 1,000 assertions, or a few badge classes with their images.
 */
export const MIGRATION_BATCH_MAX = 1000;

export const MigrationRunStartBodySchema = z.object({
  dryRun: z.boolean().default(false).describe('Compute every answer and write nothing'),
  overwrite: z.boolean().default(false).describe('Replace what this institution already holds under the same id'),
  since: z.iso.datetime().nullable().default(null).describe('The importer read only records changed after this (kept on the run)'),
});
export type MigrationRunStartBody = z.output<typeof MigrationRunStartBodySchema>;
export type MigrationRunStartInput = z.input<typeof MigrationRunStartBodySchema>;

/** A problem the importer met reading the source (migration-records.contract.ts), for one of the records a run writes. */
export const MigrationSourceProblemSchema = MigrationItemProblemSchema.extend({ kind: z.enum(['issuer', 'badgeClass', 'assertion']) });
export type MigrationSourceProblem = z.output<typeof MigrationSourceProblemSchema>;

/**
 * A run the platform drives itself from Badgr credentials (the operator console, decision 0045). The
 * password is held in memory for the run only: never stored, never logged, gone with the process.
 */
export const BadgrMigrationStartBodySchema = z.object({
  url: z.url({ protocol: /^https?$/ }).max(2000).describe("Badgr's API origin, e.g. https://api.badgr.io"),
  username: z.string().min(1).max(320),
  password: z.string().min(1).max(1000),
  dryRun: z.boolean().default(false),
  overwrite: z.boolean().default(false),
  since: z.union([z.iso.datetime({ offset: true }), z.literal('last')]).nullable().default(null).describe('Only what Badgr changed after this; `last`: after the last finished run\'s read'),
});
export type BadgrMigrationStartBody = z.output<typeof BadgrMigrationStartBodySchema>;

/** How its driver ends a run: `nextSince` for the next incremental run, or why the read stopped. */
export const MigrationRunFinishBodySchema = z.object({
  nextSince: z.iso.datetime({ offset: true }).nullable().default(null).describe("The source's clock when this run's read began: the next run's `since`"),
  failure: z.string().min(1).max(2000).nullable().default(null).describe('Set when the source could not be read to the end: the run is `failed`'),
});
export type MigrationRunFinishBody = z.output<typeof MigrationRunFinishBodySchema>;
export type MigrationRunFinishInput = z.input<typeof MigrationRunFinishBodySchema>;

/**
 * A batch: each item is checked on its own against its record schema, so one malformed record is
 * answered `skipped`/`invalid` and the others are written. Parents come before children in a batch
 * (issuers, then badge classes, then assertions), or in an earlier batch of the run.
 */
export const MigrationBatchBodySchema = z.object({
  issuers: z.array(z.unknown()).max(MIGRATION_BATCH_MAX).default([]),
  badgeClasses: z.array(z.unknown()).max(MIGRATION_BATCH_MAX).default([]),
  assertions: z.array(z.unknown()).max(MIGRATION_BATCH_MAX).default([]),
  sourceProblems: z
    .array(MigrationSourceProblemSchema)
    .max(MIGRATION_BATCH_MAX)
    .default([])
    .describe("The importer's problems reading these records at the source (items it left out or carried in part), kept on the run (decision 0045)"),
});
export type MigrationBatchBody = z.output<typeof MigrationBatchBodySchema>;
export type MigrationBatchInput = z.input<typeof MigrationBatchBodySchema>;

const outcomeCounts = z.object({ created: z.number().int(), unchanged: z.number().int(), updated: z.number().int(), skipped: z.number().int() });
export type MigrationOutcomeCounts = z.output<typeof outcomeCounts>;

export const MigrationRunCountsSchema = z.object({
  issuer: outcomeCounts,
  badgeClass: outcomeCounts,
  assertion: outcomeCounts,
  staff: outcomeCounts,
});
export type MigrationRunCounts = z.output<typeof MigrationRunCountsSchema>;

export const MigrationRunSchema = z.object({
  id: z.string(),
  institutionId: z.string(),
  status: z.enum(MIGRATION_RUN_STATUSES),
  dryRun: z.boolean(),
  overwrite: z.boolean(),
  since: z.iso.datetime().nullable(),
  driver: z.enum(['importer', 'platform']).describe('An importer posting batches (the CLI), or the platform reading the source itself (a console run)'),
  nextSince: z.iso.datetime().nullable().describe('Set once finished: the `since` of the next incremental run'),
  failure: z.string().nullable(),
  counts: MigrationRunCountsSchema,
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
});
export type MigrationRun = z.output<typeof MigrationRunSchema>;

export const MigrationRunListSchema = z.object({ runs: z.array(MigrationRunSchema).describe('Newest first (at most 50)') });
export type MigrationRunList = z.output<typeof MigrationRunListSchema>;

export const MigrationItemResultSchema = z.object({
  kind: z.enum(MIGRATION_RECORD_KINDS),
  /** The record's source id (for a staff member, their email); `#<index>` when the record had none. */
  sourceId: z.string(),
  outcome: z.enum(MIGRATION_OUTCOMES),
  code: z.enum(MIGRATION_PROBLEM_CODES).optional(),
  message: z.string().optional(),
});
export type MigrationItemResult = z.output<typeof MigrationItemResultSchema>;

export const MigrationBatchResultSchema = z.object({
  items: z.array(MigrationItemResultSchema).describe('One per record posted, in the order posted (issuers, staff, badge classes, assertions)'),
  run: MigrationRunSchema,
});
export type MigrationBatchResult = z.output<typeof MigrationBatchResultSchema>;

export const MigrationProblemSchema = z.object({
  kind: z.enum(MIGRATION_RECORD_KINDS),
  sourceId: z.string(),
  origin: z.enum(['platform', 'source']).describe('Found by the writer, or by the importer reading the source'),
  severity: z.enum(['error', 'warning']).describe("error: the item was not written; warning: it was, with what the message says lost"),
  code: z.union([z.enum(MIGRATION_PROBLEM_CODES), z.enum(MIGRATION_ITEM_PROBLEM_CODES)]),
  message: z.string(),
});
export type MigrationProblem = z.output<typeof MigrationProblemSchema>;

export const MigrationProblemPageSchema = z.object({
  problems: z.array(MigrationProblemSchema),
  page: z.number().int(),
  perPage: z.number().int(),
  total: z.number().int(),
});
export type MigrationProblemPage = z.output<typeof MigrationProblemPageSchema>;

export const MigrationProblemQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  perPage: z.coerce.number().int().min(1).max(500).default(100),
});

/** The operator's migration answers, by their OpenAPI component names (openapi.ts spreads them). */
export const MIGRATIONS_RESPONSE_SCHEMAS = {
  MigrationRun: MigrationRunSchema,
  MigrationRunList: MigrationRunListSchema,
  MigrationBatchResult: MigrationBatchResultSchema,
  MigrationProblemPage: MigrationProblemPageSchema,
} as const satisfies Record<string, z.ZodObject>;
