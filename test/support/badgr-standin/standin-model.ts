/**
 * What the stand-in Badgr stores: rows named after Badgr's models (apps/issuer/models.py,
 * apps/backpack/models.py, apps/badgeuser/models.py), not its API. The serializers in
 * standin-serializers.ts turn them into the API's shapes.
 */

/** Why an item is broken on purpose, so a test knows what the reader must report. */
export type AssertionFlaw = 'badge_class_missing' | 'invalid_date' | 'recipient_hash_mismatch' | 'unexpected_shape';
export type BadgeClassFlaw = 'image_unreadable';

export interface StandinUser {
  readonly entityId: string;
  readonly username: string;
  readonly password: string;
  readonly firstName: string;
  readonly lastName: string;
  readonly emails: ReadonlyArray<{ email: string; verified: boolean; primary: boolean }>;
  /** Set for an institution's account: which of the two institutions. */
  readonly institution: number | null;
}

export interface StandinIssuer {
  readonly entityId: string;
  readonly institution: number;
  readonly createdAt: Date;
  updatedAt: Date;
  readonly createdBy: string;
  readonly name: string;
  readonly email: string;
  readonly description: string | null;
  readonly url: string;
  /** A path under /media/, or null when the issuer has no image. */
  readonly imageFile: string | null;
  readonly staff: ReadonlyArray<{ userId: string; role: 'owner' | 'editor' | 'staff' }>;
}

export interface StandinBadgeClass {
  readonly entityId: string;
  readonly issuerId: string;
  readonly createdAt: Date;
  updatedAt: Date;
  readonly createdBy: string;
  readonly name: string;
  readonly description: string;
  readonly imageFile: string;
  readonly criteriaUrl: string | null;
  readonly criteriaText: string | null;
  readonly alignments: ReadonlyArray<{ targetName: string; targetUrl: string; targetDescription: string | null; targetFramework: string | null; targetCode: string | null }>;
  readonly tags: readonly string[];
  readonly expiresAmount: number | null;
  readonly expiresDuration: 'days' | 'weeks' | 'months' | 'years' | null;
  readonly flaw: BadgeClassFlaw | null;
}

export interface StandinAssertion {
  readonly entityId: string;
  /** A broken one may name a badge class that is not there. */
  readonly badgeClassId: string;
  readonly issuerId: string;
  readonly createdAt: Date;
  updatedAt: Date;
  readonly createdBy: string;
  readonly recipientIdentifier: string;
  readonly recipientType: string;
  readonly hashed: boolean;
  readonly salt: string;
  /** The stored date, or the text a broken row holds instead. */
  readonly issuedOn: Date | string;
  readonly narrative: string | null;
  readonly evidence: ReadonlyArray<{ url: string | null; narrative: string | null }>;
  revoked: boolean;
  revocationReason: string | null;
  acceptance: 'Unaccepted' | 'Accepted' | 'Rejected';
  readonly expiresAt: Date | null;
  readonly extensions: Record<string, unknown>;
  readonly flaw: AssertionFlaw | null;
}

export interface StandinCollection {
  readonly entityId: string;
  readonly ownerId: string;
  readonly createdAt: Date;
  readonly name: string;
  readonly description: string | null;
  readonly shareHash: string;
  readonly assertionIds: readonly string[];
}

export interface StandinDataset {
  readonly users: StandinUser[];
  readonly issuers: StandinIssuer[];
  readonly badgeClasses: StandinBadgeClass[];
  readonly assertions: StandinAssertion[];
  readonly collections: StandinCollection[];
  /** Files served under /media/ (images). */
  readonly media: Map<string, { contentType: string; bytes: Buffer }>;
}
