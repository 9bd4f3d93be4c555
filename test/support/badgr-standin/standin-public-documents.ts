import { createHash } from 'node:crypto';

import type { StandinAssertion, StandinBadgeClass, StandinIssuer } from './standin-model';
import { publicIds, pythonIsoformat, type SerializerContext } from './standin-serializers';

/** OB 2.0 documents as Badgr's get_json writes them (apps/issuer/models.py 333, 660, 1072). */
const CONTEXT = 'https://w3id.org/openbadges/v2';

export function issuerDocument(ctx: SerializerContext, issuer: StandinIssuer) {
  return {
    '@context': CONTEXT,
    type: 'Issuer',
    id: publicIds.issuer(ctx, issuer.entityId),
    name: issuer.name,
    url: issuer.url,
    email: issuer.email,
    description: issuer.description,
    ...(issuer.imageFile ? { image: `${ctx.publicOrigin}/public/issuers/${issuer.entityId}/image` } : {}),
  };
}

export function badgeClassDocument(ctx: SerializerContext, badgeClass: StandinBadgeClass) {
  return {
    '@context': CONTEXT,
    type: 'BadgeClass',
    id: publicIds.badgeClass(ctx, badgeClass.entityId),
    name: badgeClass.name,
    description: badgeClass.description,
    issuer: publicIds.issuer(ctx, badgeClass.issuerId),
    image: `${ctx.publicOrigin}/public/badges/${badgeClass.entityId}/image`,
    criteria: {
      ...(badgeClass.criteriaUrl ? { id: badgeClass.criteriaUrl } : {}),
      ...(badgeClass.criteriaText ? { narrative: badgeClass.criteriaText } : {}),
    },
    alignment: badgeClass.alignments.map((a) => ({
      targetName: a.targetName,
      targetUrl: a.targetUrl,
      ...(a.targetDescription ? { targetDescription: a.targetDescription } : {}),
      ...(a.targetFramework ? { targetFramework: a.targetFramework } : {}),
      ...(a.targetCode ? { targetCode: a.targetCode } : {}),
    })),
    tags: [...badgeClass.tags],
  };
}

/** A revoked assertion keeps only its id and the reason, answered with 200 as Badgr does. */
export function assertionDocument(ctx: SerializerContext, assertion: StandinAssertion) {
  const id = publicIds.assertion(ctx, assertion.entityId);
  if (assertion.revoked) return { '@context': CONTEXT, type: 'Assertion', id, revoked: true, revocationReason: assertion.revocationReason ?? '' };
  const recipient = assertion.hashed
    ? { hashed: true, type: assertion.recipientType, identity: `sha256$${createHash('sha256').update(assertion.recipientIdentifier + assertion.salt).digest('hex')}`, salt: assertion.salt }
    : { hashed: false, type: assertion.recipientType, identity: assertion.recipientIdentifier };
  return {
    '@context': CONTEXT,
    type: 'Assertion',
    id,
    badge: publicIds.badgeClass(ctx, assertion.badgeClassId),
    image: `${ctx.publicOrigin}/public/assertions/${assertion.entityId}/image`,
    verification: { type: 'HostedBadge' },
    ...(assertion.evidence.length > 0
      ? { evidence: assertion.evidence.map((e) => ({ type: 'Evidence', ...(e.url ? { id: e.url } : {}), ...(e.narrative ? { narrative: e.narrative } : {}) })) }
      : {}),
    ...(assertion.narrative ? { narrative: assertion.narrative } : {}),
    issuedOn: typeof assertion.issuedOn === 'string' ? assertion.issuedOn : pythonIsoformat(assertion.issuedOn),
    ...(assertion.expiresAt ? { expires: pythonIsoformat(assertion.expiresAt) } : {}),
    recipient,
    ...assertion.extensions,
  };
}
