import { Injectable } from '@nestjs/common';

import type { Assertion, AssertionEvidence, BadgeClass, BadgeClassAlignment, BadgeClassTranslation, Issuer, SigningKey, StoredImage } from '../generated/prisma/client';
import { IssuerPrismaService } from '../prisma/issuer-prisma.service';

/** With the ids of all its JWS signing keys (RS256/ES256), active and retired, oldest first (its `publicKey`). */
export type PublicIssuer = Issuer & { signingKeys: { id: string }[] };
/** Public half only: the sealed private key is never selected by the public reader. */
export type PublicSigningKey = Pick<SigningKey, 'id' | 'issuerId' | 'publicKeyPem'>;
/** Every key of an issuer as its DID document (Ed25519) and JWKS (RS256/ES256) publish them. */
export type PublishedKey = Pick<SigningKey, 'id' | 'algorithm' | 'publicKeyPem' | 'publicKeyMultibase'>;
export interface PublicRevocation {
  id: string;
  documentId: string | null;
  revocationReason: string | null;
}
export type PublicBadgeClass = BadgeClass & { alignments: BadgeClassAlignment[]; translations: BadgeClassTranslation[]; issuer: Issuer };
export type PublicAssertion = Assertion & { evidence: AssertionEvidence[]; badgeClass: PublicBadgeClass };

/**
 * A badge class with its alignments, translations and issuer in one statement: on a public
 * document's miss, Prisma's include cost four queries and most of the issuer's CPU (its query
 * compiler), the wall of the miss path (decision 0015). Nested rows come back as JSON, where
 * timestamps are strings: `issuerRow` turns the issuer's back into Dates.
 */
const BADGE_CLASSES_SQL = `
  SELECT bc.*,
    COALESCE((SELECT json_agg(a ORDER BY a."position") FROM "issuer"."badge_class_alignments" a WHERE a."badgeClassId" = bc."id"), '[]') AS "alignments",
    COALESCE((SELECT json_agg(t ORDER BY t."language") FROM "issuer"."badge_class_translations" t WHERE t."badgeClassId" = bc."id"), '[]') AS "translations",
    row_to_json(i) AS "issuer"
  FROM "issuer"."badge_classes" bc JOIN "issuer"."issuers" i ON i."id" = bc."issuerId"
  WHERE bc."id" = ANY (ARRAY(SELECT json_array_elements_text($1::json)))`;

/**
 * An issuer with the ids of its JWS keys, oldest first, in one statement (see BADGE_CLASSES_SQL).
 * Its Ed25519 (DID) keys are no OB 2.0 CryptographicKey: the DID document publishes them.
 */
const ISSUER_SQL = `
  SELECT i.*,
    COALESCE((SELECT json_agg(json_build_object('id', k."id") ORDER BY k."createdAt", k."id") FROM "issuer"."signing_keys" k WHERE k."issuerId" = i."id" AND k."algorithm" <> 'Ed25519'), '[]') AS "signingKeys"
  FROM "issuer"."issuers" i WHERE i."id" = $1`;

type IssuerJson = Omit<Issuer, 'createdAt' | 'updatedAt'> & { createdAt: string; updatedAt: string };

function issuerRow(row: IssuerJson): Issuer {
  return { ...row, createdAt: new Date(row.createdAt), updatedAt: new Date(row.updatedAt) };
}
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

  async findIssuer(id: string): Promise<PublicIssuer | null> {
    const [issuer] = await this.prisma.database.query<PublicIssuer>(ISSUER_SQL, [id]);
    return issuer ?? null;
  }

  /** A JWS key is found only under the issuer that owns it. */
  findSigningKey(issuerId: string, keyId: string): Promise<PublicSigningKey | null> {
    return this.prisma.signingKey.findFirst({ where: { id: keyId, issuerId, algorithm: { not: 'Ed25519' } }, select: { id: true, issuerId: true, publicKeyPem: true } });
  }

  /** Every key of the issuer, retired ones too (what they signed keeps verifying), oldest first. */
  publishedKeys(issuerId: string): Promise<PublishedKey[]> {
    return this.prisma.signingKey.findMany({
      where: { issuerId },
      select: { id: true, algorithm: true, publicKeyPem: true, publicKeyMultibase: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** The stored, signed status list credential of one issuer's list, and when it was last signed. */
  findStatusList(issuerId: string, listNumber: number): Promise<{ credential: string; updatedAt: Date } | null> {
    return this.prisma.statusListCredential.findUnique({ where: { issuerId_listNumber: { issuerId, listNumber } }, select: { credential: true, updatedAt: true } });
  }

  /**
   * Revoked SIGNED assertions of one issuer (its RevocationList). Hosted ones are left out: their
   * URL answers 410, which is how hosted badges announce revocation.
   */
  revokedSignedAssertions(issuerId: string): Promise<PublicRevocation[]> {
    return this.prisma.assertion.findMany({
      where: { issuerId, revoked: true, signedJws: { not: null } },
      select: { id: true, documentId: true, revocationReason: true },
      orderBy: [{ revokedAt: 'asc' }, { id: 'asc' }],
    });
  }

  async findBadgeClass(id: string): Promise<PublicBadgeClass | null> {
    const [badgeClass] = await this.findBadgeClasses([id]);
    return badgeClass ?? null;
  }

  private async findBadgeClasses(ids: readonly string[]): Promise<PublicBadgeClass[]> {
    const rows = await this.prisma.database.query<Omit<PublicBadgeClass, 'issuer'> & { issuer: IssuerJson }>(BADGE_CLASSES_SQL, [JSON.stringify(ids)]);
    return rows.map((row) => ({ ...row, issuer: issuerRow(row.issuer) }));
  }

  /** The same few queries whatever the count (a public document asks for one, the bake worker for a batch). */
  async findAssertions(ids: readonly string[]): Promise<PublicAssertion[]> {
    if (ids.length === 0) return [];
    // A bake batch asks for 500: the ids travel as one JSON parameter on the Database handle,
    // where Prisma would bind 500 parameters per relation it loads (decision 0015).
    const assertions = await this.prisma.database.query<Assertion & { evidence: AssertionEvidence[] }>(
      `SELECT a.*,
         COALESCE((SELECT json_agg(e ORDER BY e."position") FROM "issuer"."assertion_evidence" e WHERE e."assertionId" = a."id"), '[]') AS "evidence"
       FROM "issuer"."assertions" a WHERE a."id" = ANY (ARRAY(SELECT json_array_elements_text($1::json)))`,
      [JSON.stringify(ids)],
    );
    const badgeClasses = await this.findBadgeClasses([...new Set(assertions.map((a) => a.badgeClassId))]);
    const classById = new Map(badgeClasses.map((badgeClass) => [badgeClass.id, badgeClass]));
    return assertions.map((assertion) => ({ ...assertion, badgeClass: classById.get(assertion.badgeClassId) as PublicBadgeClass }));
  }

  async findImage(id: string): Promise<PublicImage | null> {
    const row = await this.prisma.storedImage.findUnique({ where: { id }, select: { contentType: true, base64: true, sha256: true } });
    return row && { contentType: row.contentType, sha256: row.sha256, bytes: Buffer.from(row.base64, 'base64') };
  }
}
