import { Injectable } from '@nestjs/common';

import type { Assertion, AssertionEvidence, BadgeClass, BadgeClassAlignment, BadgeClassTranslation, Issuer, SigningKey, StoredImage } from '../generated/prisma/client';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';

/** With the ids of all its signing keys, active and retired, oldest first (its `publicKey`). */
export type PublicIssuer = Issuer & { signingKeys: { id: string }[] };
/** Public half only: the sealed private key is never selected by the public reader. */
export type PublicSigningKey = Pick<SigningKey, 'id' | 'issuerId' | 'publicKeyPem'>;
export interface PublicRevocation {
  id: string;
  revocationReason: string | null;
}
export type PublicBadgeClass = BadgeClass & { alignments: BadgeClassAlignment[]; translations: BadgeClassTranslation[]; issuer: Issuer };
export type PublicAssertion = Assertion & { evidence: AssertionEvidence[]; badgeClass: PublicBadgeClass };

const PUBLIC_BADGE_CLASS_INCLUDE = { alignments: { orderBy: { position: 'asc' } }, translations: { orderBy: { language: 'asc' } }, issuer: true } as const;
export interface PublicImage extends Pick<StoredImage, 'contentType' | 'sha256'> {
  bytes: Buffer;
}

/**
 * The one deliberately unscoped reader: hosted Open Badges documents are public by definition
 * (any verifier must be able to fetch them by URL). It is read-only and lives apart from the
 * tenant repositories so that "no unscoped finder" stays true for everything an API client can
 * reach. Ids here are unguessable 128-bit entity ids.
 */
@Injectable()
export class PublicDocumentsRepository {
  constructor(private readonly prisma: IssuerPrismaService) {}

  findIssuer(id: string): Promise<PublicIssuer | null> {
    return this.prisma.issuer.findUnique({
      where: { id },
      include: { signingKeys: { select: { id: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } },
    });
  }

  /** A key is found only under the issuer that owns it. */
  findSigningKey(issuerId: string, keyId: string): Promise<PublicSigningKey | null> {
    return this.prisma.signingKey.findFirst({ where: { id: keyId, issuerId }, select: { id: true, issuerId: true, publicKeyPem: true } });
  }

  /**
   * Revoked SIGNED assertions of one issuer (its RevocationList). Hosted ones are left out: their
   * URL answers 410, which is how hosted badges announce revocation.
   */
  revokedSignedAssertions(issuerId: string): Promise<PublicRevocation[]> {
    return this.prisma.assertion.findMany({
      where: { issuerId, revoked: true, signedJws: { not: null } },
      select: { id: true, revocationReason: true },
      orderBy: [{ revokedAt: 'asc' }, { id: 'asc' }],
    });
  }

  findBadgeClass(id: string): Promise<PublicBadgeClass | null> {
    return this.prisma.badgeClass.findUnique({ where: { id }, include: PUBLIC_BADGE_CLASS_INCLUDE });
  }

  /** The same few queries whatever the count (a public document asks for one, the bake worker for a batch). */
  async findAssertions(ids: readonly string[]): Promise<PublicAssertion[]> {
    if (ids.length === 0) return [];
    // A bake batch asks for 500: the ids travel as one JSON parameter on the Database handle,
    // where Prisma would bind 500 parameters per relation it loads (decision 0015). The badge
    // classes, usually one, come through Prisma with their relations.
    const idList = JSON.stringify(ids);
    const [assertions, evidence] = await Promise.all([
      this.prisma.database.query<Assertion>('SELECT * FROM "issuer"."assertions" WHERE "id" IN (SELECT json_array_elements_text($1::json))', [idList]),
      this.prisma.database.query<AssertionEvidence>(
        'SELECT * FROM "issuer"."assertion_evidence" WHERE "assertionId" IN (SELECT json_array_elements_text($1::json)) ORDER BY "position"',
        [idList],
      ),
    ]);
    const badgeClasses = await this.prisma.badgeClass.findMany({ where: { id: { in: [...new Set(assertions.map((a) => a.badgeClassId))] } }, include: PUBLIC_BADGE_CLASS_INCLUDE });
    const classById = new Map(badgeClasses.map((badgeClass) => [badgeClass.id, badgeClass]));
    const evidenceOf = new Map<string, AssertionEvidence[]>();
    for (const item of evidence) evidenceOf.set(item.assertionId, [...(evidenceOf.get(item.assertionId) ?? []), item]);
    return assertions.map((assertion) => ({
      ...assertion,
      evidence: evidenceOf.get(assertion.id) ?? [],
      badgeClass: classById.get(assertion.badgeClassId) as PublicBadgeClass,
    }));
  }

  async findImage(id: string): Promise<PublicImage | null> {
    const row = await this.prisma.storedImage.findUnique({ where: { id }, select: { contentType: true, base64: true, sha256: true } });
    return row && { contentType: row.contentType, sha256: row.sha256, bytes: Buffer.from(row.base64, 'base64') };
  }
}
