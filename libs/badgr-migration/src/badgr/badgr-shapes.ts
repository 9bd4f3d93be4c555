/**
 * Badgr's API v2 shapes as the reader takes them (concentricsky/badgr-server at 2344c61; field by
 * field in test/fixtures/badgr/*.json). Only the fields the reader uses are named; each item is
 * parsed on its own, so one odd item becomes a problem, never a failed page.
 */
import { z } from 'zod';

const nullableText = () => z.string().nullish().transform((value) => value ?? null);

export const BadgrStaffSchema = z.object({
  role: z.enum(['owner', 'editor', 'staff']),
  userProfile: z
    .object({ emails: z.array(z.object({ email: z.string(), verified: z.boolean(), primary: z.boolean() })).default([]) })
    .nullish(),
});

export const BadgrIssuerSchema = z.object({
  entityId: z.string().min(1),
  openBadgeId: z.string().min(1),
  createdAt: z.string(),
  name: z.string(),
  image: nullableText(),
  email: z.string(),
  description: nullableText(),
  url: z.string(),
  staff: z.array(BadgrStaffSchema).default([]),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

export const BadgrAlignmentSchema = z.object({
  targetName: z.string(),
  targetUrl: z.string(),
  targetDescription: nullableText(),
  targetFramework: nullableText(),
  targetCode: nullableText(),
});

export const BadgrBadgeClassSchema = z.object({
  entityId: z.string().min(1),
  openBadgeId: z.string().min(1),
  createdAt: z.string(),
  issuer: z.string().nullable(),
  name: z.string(),
  image: nullableText(),
  description: nullableText(),
  criteriaUrl: nullableText(),
  criteriaNarrative: nullableText(),
  alignments: z.array(BadgrAlignmentSchema).default([]),
  tags: z.array(z.string()).default([]),
  expires: z.object({ amount: z.number().nullable(), duration: z.string().nullable() }).nullish(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

export const BadgrRecipientSchema = z.object({
  identity: z.string(),
  hashed: z.boolean().nullable(),
  type: z.string(),
  plaintextIdentity: nullableText(),
  salt: nullableText(),
});

export const BadgrAssertionSchema = z.object({
  entityId: z.string().min(1),
  openBadgeId: z.string().min(1),
  createdAt: z.string(),
  badgeclass: z.string().nullable(),
  issuer: z.string().nullable(),
  recipient: BadgrRecipientSchema,
  issuedOn: z.string(),
  narrative: nullableText(),
  evidence: z.array(z.object({ url: nullableText(), narrative: nullableText() })).default([]),
  revoked: z.boolean(),
  revocationReason: nullableText(),
  expires: nullableText(),
  extensions: z.record(z.string(), z.unknown()).nullish(),
});

export const BadgrBackpackAssertionSchema = z.object({
  entityId: z.string().min(1),
  acceptance: z.enum(['Unaccepted', 'Accepted', 'Rejected']),
  openBadgeId: z.string().min(1),
  badgeclassOpenBadgeId: z.string().min(1),
  issuedOn: z.string(),
  revoked: z.boolean(),
  expires: nullableText(),
});

export const BadgrCollectionSchema = z.object({
  entityId: z.string().min(1),
  name: z.string(),
  description: nullableText(),
  published: z.boolean(),
  shareHash: nullableText(),
  assertions: z.array(z.string()).default([]),
});

export const BadgrUserSchema = z.object({
  entityId: z.string().min(1),
  firstName: z.string().default(''),
  lastName: z.string().default(''),
  emails: z.array(z.object({ email: z.string(), verified: z.boolean() })).default([]),
});

/** The v2 envelope; the changed feeds add `pagination` and `timestamp`. */
export const BadgrEnvelopeSchema = z.object({
  status: z.object({ success: z.boolean(), description: z.string() }),
  result: z.array(z.unknown()),
  pagination: z.object({ hasNext: z.boolean(), nextResults: z.string().nullable() }).optional(),
  timestamp: z.string().optional(),
});

export const BadgrTokenSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
});

export type BadgrIssuer = z.output<typeof BadgrIssuerSchema>;
export type BadgrBadgeClass = z.output<typeof BadgrBadgeClassSchema>;
export type BadgrAssertion = z.output<typeof BadgrAssertionSchema>;
export type BadgrBackpackAssertion = z.output<typeof BadgrBackpackAssertionSchema>;
export type BadgrCollection = z.output<typeof BadgrCollectionSchema>;
export type BadgrUser = z.output<typeof BadgrUserSchema>;
export type BadgrEnvelope = z.output<typeof BadgrEnvelopeSchema>;
export type BadgrToken = z.output<typeof BadgrTokenSchema>;
