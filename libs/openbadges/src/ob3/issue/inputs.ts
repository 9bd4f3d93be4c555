import type { AlignmentInput, EvidenceInput } from '../../builders/inputs';

// The OB 3.0 issuing interface agreed with the issuer service (decision 0048): change it only together
// with its callers. Pure data in, JSON out; signing is separate (sign-*.ts) so bulk awards can batch it.

/** The issuer as the credential names it: `id` is its did:web DID, `url` its OB 2.0 Profile URL. */
export interface CredentialIssuerInput {
  id: string;
  name: string;
  url: string;
  email?: string;
  description?: string;
  /** An image URL (the 2.0 issuer image URL), or a data URI. */
  image?: string;
}

/**
 * One language edition of the achievement's texts, beside its own (`language`). The credential lists it
 * in `achievement.related` (its URL and language); its texts stay at that URL, since OB 3.0.3 has no
 * language maps (see build-credential.ts).
 */
export interface AchievementTranslationInput {
  language: string;
  /**
   * The edition's own URL, listed in `achievement.related`. Default: the achievement id with
   * `?lang={language}`, where the issuer serves that edition (as for its 2.0 badge class).
   */
  id?: string;
  name?: string;
  description?: string;
  criteriaNarrative?: string;
}

export interface AchievementInput {
  /** PUBLIC_URL/public/badges/{badgeClassId} */
  id: string;
  name: string;
  description: string;
  /** An image URL or data URI. */
  image: string;
  criteria: { id?: string; narrative?: string };
  alignment?: AlignmentInput[];
  tags?: string[];
  /** BCP 47 language of name/description/criteria (the achievement's `inLanguage`). */
  language?: string;
  translations?: AchievementTranslationInput[];
  /** Endorsements of the achievement, already signed, as OB 3.0 EndorsementCredentials. */
  endorsement?: Record<string, unknown>[];
}

export type CredentialRecipientInput =
  /** Hashed or plain email/url/telephone: an IdentityObject with the 2.0 assertion's own hash and salt. */
  | { type: 'email' | 'url' | 'telephone'; identity: string; hashed: boolean; salt?: string }
  /** A DID or URL that is the learner: `credentialSubject.id`. */
  | { type: 'id'; identity: string };

export interface StatusEntryInput {
  /** PUBLIC_URL/public/issuers/{issuerId}/status/{listNumber} */
  statusListCredential: string;
  /** Position inside that list (0 … 131071). */
  statusListIndex: number;
}

export interface OpenBadgeCredentialInput {
  /** PUBLIC_URL/public/credentials/{assertionId} */
  id: string;
  issuer: CredentialIssuerInput;
  achievement: AchievementInput;
  recipient: CredentialRecipientInput;
  validFrom: string | Date;
  validUntil?: string | Date;
  /** The award's narrative and evidence, as for 2.0. */
  narrative?: string;
  evidence?: EvidenceInput[];
  /** An image URL for the awarded badge (the baked image URL). */
  image?: string;
  status: StatusEntryInput;
}
