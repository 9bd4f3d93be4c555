import { createHash } from 'node:crypto';

import type { StandinAssertion, StandinBadgeClass, StandinCollection, StandinDataset, StandinIssuer, StandinUser } from './standin-model';

/**
 * Badgr's v2 serializers and OB 2.0 get_json, field for field and in Badgr's order, as
 * test/fixtures/badgr/*.json describe them (concentricsky/badgr-server at 2344c61).
 */
export interface SerializerContext {
  /** OriginSetting.HTTP: the origin in every public id. */
  readonly publicOrigin: string;
  /** Where /media/ files are fetched (the stand-in itself). */
  readonly mediaOrigin: string;
  readonly dataset: StandinDataset;
}

/** DateTimeWithUtcZAtEndField: isoformat in UTC, '+00:00' written as Z (microseconds when non-zero). */
export function drfDateTime(date: Date): string {
  return `${pythonIso(date, 'T')}Z`;
}

/** Python's datetime.isoformat() of an aware UTC time, as the public documents and `timestamp` have it. */
export function pythonIsoformat(date: Date): string {
  return `${pythonIso(date, 'T')}+00:00`;
}

/** str(datetime): the cursor's position. */
export function pythonStr(date: Date): string {
  return `${pythonIso(date, ' ')}+00:00`;
}

function pythonIso(date: Date, separator: string): string {
  const [day, time] = date.toISOString().slice(0, -1).split('T');
  const [whole, millis] = time.split('.');
  return `${day}${separator}${whole}${millis === '000' ? '' : `.${millis}000`}`;
}

export const publicIds = {
  issuer: (ctx: SerializerContext, id: string) => `${ctx.publicOrigin}/public/issuers/${id}`,
  badgeClass: (ctx: SerializerContext, id: string) => `${ctx.publicOrigin}/public/badges/${id}`,
  assertion: (ctx: SerializerContext, id: string) => `${ctx.publicOrigin}/public/assertions/${id}`,
};

/** StaffUserProfileSerializerV2 + IssuerStaffSerializerV2 (no entityId: IssuerStaff has none). */
function staffV2(ctx: SerializerContext, member: StandinIssuer['staff'][number]) {
  const user = ctx.dataset.users.find((candidate) => candidate.entityId === member.userId) as StandinUser;
  return {
    userProfile: { entityType: 'BadgeUser', entityId: user.entityId, firstName: user.firstName, lastName: user.lastName, emails: emailsV2(user), url: [], telephone: [], badgrDomain: 'badgr.standin' },
    user: user.entityId,
    role: member.role,
  };
}

function emailsV2(user: StandinUser) {
  return user.emails.map((e) => ({ email: e.email, verified: e.verified, primary: e.primary, caseVariants: [] }));
}

export function issuerV2(ctx: SerializerContext, issuer: StandinIssuer, includeStaff = true) {
  return {
    entityType: 'Issuer',
    entityId: issuer.entityId,
    openBadgeId: publicIds.issuer(ctx, issuer.entityId),
    createdAt: drfDateTime(issuer.createdAt),
    createdBy: issuer.createdBy,
    name: issuer.name,
    image: issuer.imageFile === null ? null : `${ctx.mediaOrigin}/media/${issuer.imageFile}`,
    email: issuer.email,
    description: issuer.description,
    url: issuer.url,
    ...(includeStaff ? { staff: issuer.staff.map((member) => staffV2(ctx, member)) } : {}),
    extensions: {},
    badgrDomain: 'badgr.standin',
  };
}

export function badgeClassV2(ctx: SerializerContext, badgeClass: StandinBadgeClass) {
  return {
    entityType: 'BadgeClass',
    entityId: badgeClass.entityId,
    openBadgeId: publicIds.badgeClass(ctx, badgeClass.entityId),
    createdAt: drfDateTime(badgeClass.createdAt),
    createdBy: badgeClass.createdBy,
    issuer: badgeClass.issuerId,
    issuerOpenBadgeId: publicIds.issuer(ctx, badgeClass.issuerId),
    name: badgeClass.name,
    image: `${ctx.mediaOrigin}/media/${badgeClass.imageFile}`,
    description: badgeClass.description,
    criteriaUrl: badgeClass.criteriaUrl,
    criteriaNarrative: badgeClass.criteriaText,
    alignments: badgeClass.alignments.map((a) => ({ ...a })),
    tags: [...badgeClass.tags],
    expires: { amount: badgeClass.expiresAmount, duration: badgeClass.expiresDuration },
    extensions: {},
  };
}

/** generate_sha256_hashstring; the row broken on purpose publishes a hash of something else. */
function recipientHash(assertion: StandinAssertion): string {
  const salted = assertion.flaw === 'recipient_hash_mismatch' ? `${assertion.salt}-not-this-one` : assertion.salt;
  return `sha256$${createHash('sha256').update(assertion.recipientIdentifier + salted).digest('hex')}`;
}

/** BadgeRecipientSerializerV2: salt and hashed identity added by to_representation when hashed. */
function recipientV2(assertion: StandinAssertion) {
  const base = { identity: assertion.recipientIdentifier, hashed: assertion.hashed, type: assertion.recipientType, plaintextIdentity: assertion.recipientIdentifier };
  return assertion.hashed ? { ...base, identity: recipientHash(assertion), salt: assertion.salt } : base;
}

function issuedOn(assertion: StandinAssertion): string {
  return typeof assertion.issuedOn === 'string' ? assertion.issuedOn : drfDateTime(assertion.issuedOn);
}

/** The run of fields both assertion serializers share, in their order (badgeclass … narrative). */
function awardFields(ctx: SerializerContext, assertion: StandinAssertion) {
  return {
    badgeclass: assertion.badgeClassId,
    badgeclassOpenBadgeId: publicIds.badgeClass(ctx, assertion.badgeClassId),
    issuer: assertion.issuerId,
    issuerOpenBadgeId: publicIds.issuer(ctx, assertion.issuerId),
    image: `${ctx.mediaOrigin}/media/uploads/badges/assertion-${assertion.entityId}.png`,
    recipient: recipientV2(assertion),
    issuedOn: issuedOn(assertion),
    narrative: assertion.narrative,
  };
}

export function assertionV2(ctx: SerializerContext, assertion: StandinAssertion) {
  return {
    entityType: 'Assertion',
    entityId: assertion.entityId,
    openBadgeId: publicIds.assertion(ctx, assertion.entityId),
    createdAt: drfDateTime(assertion.createdAt),
    createdBy: assertion.createdBy,
    ...awardFields(ctx, assertion),
    evidence: assertion.evidence.map((e) => ({ url: e.url, narrative: e.narrative })),
    revoked: assertion.revoked,
    revocationReason: assertion.revocationReason,
    acceptance: assertion.acceptance,
    expires: assertion.expiresAt === null ? null : drfDateTime(assertion.expiresAt),
    extensions: assertion.extensions,
  };
}

/** BackpackAssertionSerializerV2 (no evidence: its source attribute does not exist on BadgeInstance). */
export function backpackAssertionV2(ctx: SerializerContext, assertion: StandinAssertion) {
  return {
    entityType: 'Assertion',
    entityId: assertion.entityId,
    acceptance: assertion.acceptance,
    openBadgeId: publicIds.assertion(ctx, assertion.entityId),
    ...awardFields(ctx, assertion),
    revoked: assertion.revoked,
    revocationReason: assertion.revocationReason,
    expires: assertion.expiresAt === null ? null : drfDateTime(assertion.expiresAt),
    pending: false,
  };
}

export function collectionV2(ctx: SerializerContext, collection: StandinCollection) {
  return {
    entityType: 'BackpackCollection',
    entityId: collection.entityId,
    name: collection.name,
    description: collection.description,
    owner: collection.ownerId,
    share_url: collection.shareHash ? `${ctx.publicOrigin}/public/collections/${collection.shareHash}` : null,
    shareHash: collection.shareHash,
    published: collection.shareHash !== '',
    assertions: [...collection.assertionIds],
  };
}

/** BadgeUserSerializerV2 for /v2/users/self (isSelf: the emails stay). */
export function userV2(user: StandinUser) {
  return {
    entityType: 'BadgeUser',
    entityId: user.entityId,
    firstName: user.firstName,
    lastName: user.lastName,
    emails: emailsV2(user),
    url: [],
    telephone: [],
    agreedTermsVersion: 3,
    hasAgreedToLatestTermsVersion: true,
    marketingOptIn: false,
    badgrDomain: 'badgr.standin',
    hasPasswordSet: true,
    recipient: { type: 'email', identity: user.emails.find((e) => e.primary)?.email ?? user.username },
  };
}
