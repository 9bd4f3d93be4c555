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
