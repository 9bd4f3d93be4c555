/**
 * Migration records (ours): what an importer reads from another badge platform (Badgr first, #18),
 * said once in the platform's own words, whatever the source. The Badgr reader
 * (`libs/badgr-migration`) maps Badgr's v2 serializers onto these; the issuer service's migration
 * module writes them, keeping every id.
 *
 * Ids:
 * - `sourceId` is the source's own id (Badgr's `entityId`). It becomes the platform's id, so the
 *   document answers at the same path (`/public/assertions/{sourceId}`).
 * - `documentId` is the OB 2.0 `id` the source published (for example
 *   `https://api.badgr.io/public/assertions/…`). The platform keeps serving that exact `id`, so an
 *   earner's link, and a verifier's check that a document's `id` is where it came from, keep holding.
 *
 * Records reference each other by `sourceId`. Images come as data the reader already fetched, so the
 * writer never reaches out to the source.
 */
import { z } from 'zod';

import { RECIPIENT_TYPES } from './assertions.contract';
import { BADGE_STATUSES } from './passport.contract';

const sourceId = () => z.string().min(1).max(200).describe("The source's own id (Badgr's entityId); kept as ours");
const documentId = () => z.url().max(2000).describe('The OB 2.0 `id` the source published; served unchanged');

export const MigrationImageSchema = z.object({
  contentType: z.enum(['image/png', 'image/svg+xml']),
  base64: z.string().min(1),
});

export const MigrationStaffMemberSchema = z.object({
  email: z.email(),
  /** Badgr's issuer staff roles, which are ours too. */
  role: z.enum(['owner', 'editor', 'staff']),
});

export const MigrationIssuerSchema = z.object({
  sourceId: sourceId(),
  documentId: documentId(),
  name: z.string().min(1),
  description: z.string().nullable(),
  email: z.string(),
  url: z.string(),
  image: MigrationImageSchema.nullable(),
  staff: z.array(MigrationStaffMemberSchema),
  createdAt: z.iso.datetime(),
});

export const MigrationAlignmentSchema = z.object({
  targetName: z.string().min(1),
  targetUrl: z.string().min(1),
  targetDescription: z.string().nullable(),
  targetFramework: z.string().nullable(),
  targetCode: z.string().nullable(),
});

export const MigrationBadgeClassSchema = z.object({
  sourceId: sourceId(),
  documentId: documentId(),
  issuerSourceId: z.string().min(1),
  name: z.string().min(1),
  description: z.string(),
  image: MigrationImageSchema.nullable().describe('null when the source image could not be read (a conflict)'),
  criteriaUrl: z.string().nullable(),
  criteriaNarrative: z.string().nullable(),
  tags: z.array(z.string()),
  alignments: z.array(MigrationAlignmentSchema),
  expires: z.object({ amount: z.number().int().positive(), duration: z.enum(['days', 'weeks', 'months', 'years']) }).nullable(),
  createdAt: z.iso.datetime(),
});

export const MigrationEvidenceSchema = z.object({
  url: z.string().nullable(),
  narrative: z.string().nullable(),
});

export const MigrationAssertionSchema = z.object({
  sourceId: sourceId(),
  documentId: documentId(),
  badgeClassSourceId: z.string().min(1),
  issuerSourceId: z.string().min(1),
  /** Exactly as published: a hashed identity keeps its hash and salt, so it keeps matching its earner. */
  recipient: z.object({
    type: z.enum(RECIPIENT_TYPES),
    identity: z.string().min(1).describe('sha256$… when hashed, else the plain identity'),
    hashed: z.boolean(),
    salt: z.string().nullable(),
    plaintextIdentity: z
      .string()
      .nullable()
      .describe("The plain identity when the source knows it (Badgr's staff API does), for the passport's lookup"),
  }),
  issuedOn: z.iso.datetime(),
  expires: z.iso.datetime().nullable(),
  narrative: z.string().nullable(),
  evidence: z.array(MigrationEvidenceSchema),
  revoked: z.boolean(),
  revocationReason: z.string().nullable(),
  createdAt: z.iso.datetime(),
  /** When the source last changed it: `--since` compares against this. */
  updatedAt: z.iso.datetime(),
});

export type MigrationImage = z.output<typeof MigrationImageSchema>;
export type MigrationIssuer = z.output<typeof MigrationIssuerSchema>;
export type MigrationBadgeClass = z.output<typeof MigrationBadgeClassSchema>;
export type MigrationAssertion = z.output<typeof MigrationAssertionSchema>;

/**
 * A learner's backpack, read with their own credentials (their consent): the badges in it, each
 * with the learner's acceptance in our words (Badgr's Accepted/Unaccepted/Rejected are our
 * accepted/pending/declined), and their collections. One learner's backpack is small, so it comes
 * whole.
 */
export const MigrationBackpackItemSchema = z.object({
  sourceId: sourceId(),
  documentId: documentId(),
  badgeClassDocumentId: z.string().min(1),
  status: z.enum(BADGE_STATUSES),
  revoked: z.boolean(),
  issuedOn: z.iso.datetime(),
  expires: z.iso.datetime().nullable(),
});

export const MigrationCollectionSchema = z.object({
  sourceId: sourceId(),
  name: z.string().min(1),
  description: z.string().nullable(),
  /** Badgr's `published`: the collection had a public share link (its `shareHash`). */
  published: z.boolean(),
  shareHash: z.string().nullable(),
  /** The backpack items it holds, by their `sourceId`, in Badgr's order. */
  itemSourceIds: z.array(z.string().min(1)),
});

export const MigrationBackpackSchema = z.object({
  learner: z.object({
    sourceId: sourceId(),
    firstName: z.string(),
    lastName: z.string(),
    /** Only the addresses the source had verified: the passport may trust these. */
    verifiedEmails: z.array(z.email()),
  }),
  items: z.array(MigrationBackpackItemSchema),
  collections: z.array(MigrationCollectionSchema),
});

/**
 * One item the reader could not carry whole. `error`: the item is left out of the run; `warning`:
 * it is carried, but something of it was lost (said in `message`). A problem never stops a run.
 */
export const MIGRATION_ITEM_PROBLEM_CODES = [
  'unexpected_shape',
  'invalid_date',
  'badge_class_missing',
  'issuer_missing',
  'image_unreadable',
  'recipient_hash_mismatch',
  'staff_without_email',
  'extensions_dropped',
  'collection_item_missing',
] as const;
export type MigrationItemProblemCode = (typeof MIGRATION_ITEM_PROBLEM_CODES)[number];

export const MigrationItemProblemSchema = z.object({
  kind: z.enum(['issuer', 'badgeClass', 'assertion', 'backpackItem', 'collection']),
  sourceId: z.string().nullable().describe('The item\'s id at the source, when it has one'),
  severity: z.enum(['error', 'warning']),
  code: z.enum(MIGRATION_ITEM_PROBLEM_CODES),
  message: z.string(),
});

export type MigrationBackpackItem = z.output<typeof MigrationBackpackItemSchema>;
export type MigrationCollection = z.output<typeof MigrationCollectionSchema>;
export type MigrationBackpack = z.output<typeof MigrationBackpackSchema>;
export type MigrationItemProblem = z.output<typeof MigrationItemProblemSchema>;
