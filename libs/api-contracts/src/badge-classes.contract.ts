/**
 * BadgeClasses, as Badgr v2 `BadgeClassSerializerV2` (`apps/issuer/serializers_v2.py`),
 * plus our multilingual and signing extensions (marked "ours").
 *
 * POST /v2/issuers/{entityId}/badgeclasses -> 201, envelope with [BadgeClassV2]
 * GET  /v2/issuers/{entityId}/badgeclasses -> 200, envelope with BadgeClassV2[]
 * GET  /v2/badgeclasses                    -> 200, all badge classes the caller may see
 * GET  /v2/badgeclasses/{entityId}         -> 200, envelope with [BadgeClassV2]
 * PUT  /v2/badgeclasses/{entityId}         -> 200 (assertions already issued are NOT changed)
 * DELETE /v2/badgeclasses/{entityId}       -> 204, or 400 when it has assertions
 */
import { z } from 'zod';
import { badgrCreatedBy, badgrExtensions, httpUrl, imageDataUri, languageTag, markdownText, optionalText, requiredText } from './common';

export const BADGE_CLASS_LIMITS = {
  name: 1024,
  description: 16_384,
  tag: 1024,
  tags: 100,
  alignments: 100,
  translations: 50,
} as const;

/** Badgr `BadgeClass.EXPIRES_DURATION_CHOICES`. */
export const EXPIRATION_DURATIONS = ['days', 'weeks', 'months', 'years'] as const;
export type ExpirationDuration = (typeof EXPIRATION_DURATIONS)[number];

/** Ours: how assertions of the class are verified. `signed` issues JWS-signed assertions. */
export const VERIFICATION_TYPES = ['hosted', 'signed'] as const;
export type VerificationType = (typeof VERIFICATION_TYPES)[number];

/**
 * Ours (decision 0048): which Open Badges forms the class's awards are made in. `2.0`: the OB 2.0
 * assertion (as before); `3.0`: only the OB 3.0 OpenBadgeCredential; `both`: the two forms of one award.
 */
export const OPEN_BADGES_VERSIONS = ['2.0', '3.0', 'both'] as const;
export type OpenBadgesVersion = (typeof OPEN_BADGES_VERSIONS)[number];

/** Whether awards made in `version` have an OB 3.0 credential / an OB 2.0 assertion. */
export const hasOb3Form = (version: OpenBadgesVersion): boolean => version !== '2.0';
export const hasOb2Form = (version: OpenBadgesVersion): boolean => version !== '3.0';

/** A '3.0'-only class publishes no OB 2.0 assertion, so there is none to sign. */
export const SIGNED_NEEDS_OB2_MESSAGE = 'A badge class in Open Badges 3.0 only publishes no OB 2.0 assertion to sign: choose "hosted" verification, or openBadgesVersion "both".';

/** Default language of a badge class's texts. */
export const DEFAULT_LANGUAGE = 'en';

/** Badgr `AlignmentItemSerializerV2`. */
export const AlignmentSchema = z.object({
  targetName: requiredText(1024),
  targetUrl: httpUrl(1024),
  targetDescription: optionalText(16_384).nullish(),
  targetFramework: optionalText(1024).nullish(),
  targetCode: optionalText(1024).nullish(),
});
export type Alignment = z.output<typeof AlignmentSchema>;

/**
 * Badgr `BadgeClassExpirationSerializerV2`: `{amount, duration}`, how long after issue an
 * assertion of the class expires. Both are needed; `null`, `{}` or both null mean "never expires".
 * Output: the pair, or `null` for "never expires".
 */
export const BadgeClassExpirationSchema = z
  .object({
    amount: z.number().int({ error: 'A valid integer is required.' }).positive({ error: 'Ensure this value is greater than 0.' }).nullish(),
    duration: z.enum(EXPIRATION_DURATIONS).nullish(),
  })
  .superRefine((value, ctx) => {
    const hasAmount = value.amount !== undefined && value.amount !== null;
    const hasDuration = value.duration !== undefined && value.duration !== null;
    if (hasAmount && !hasDuration) ctx.addIssue({ code: 'custom', path: ['duration'], message: 'Set a duration along with the amount.' });
    if (hasDuration && !hasAmount) ctx.addIssue({ code: 'custom', path: ['amount'], message: 'Set an amount along with the duration.' });
  })
  .transform((value): { amount: number; duration: ExpirationDuration } | null =>
    value.amount && value.duration ? { amount: value.amount, duration: value.duration } : null,
  );
export type BadgeClassExpiration = NonNullable<z.output<typeof BadgeClassExpirationSchema>>;

/**
 * Ours (multilingual extension, not Badgr): the texts of a badge class in another language.
 * The main texts (name, description, criteriaNarrative) are in the class's `language`.
 */
export const BadgeClassTranslationSchema = z.object({
  language: languageTag(),
  name: requiredText(BADGE_CLASS_LIMITS.name),
  description: optionalText(BADGE_CLASS_LIMITS.description).nullish(),
  criteriaNarrative: markdownText().nullish(),
});
export type BadgeClassTranslation = z.output<typeof BadgeClassTranslationSchema>;

const baseFields = {
  name: requiredText(BADGE_CLASS_LIMITS.name).describe('Name of the BadgeClass'),
  description: requiredText(BADGE_CLASS_LIMITS.description).describe('Short description of the BadgeClass'),
  image: imageDataUri().describe('Base64 data URI of a PNG or SVG image that represents the BadgeClass'),
  criteriaUrl: httpUrl(1024).nullish().describe('External URL that describes the criteria'),
  criteriaNarrative: markdownText().nullish().describe('Markdown description of the criteria'),
  alignments: z.array(AlignmentSchema).max(BADGE_CLASS_LIMITS.alignments).optional(),
  tags: z.array(requiredText(BADGE_CLASS_LIMITS.tag)).max(BADGE_CLASS_LIMITS.tags).optional(),
  /** `null` or `{}` removes the expiration. */
  expires: BadgeClassExpirationSchema.nullish().describe('Expiration period for Assertions awarded from this BadgeClass'),
};

/** Ours: multilingual extension and verification choice. */
const extensionFields = {
  language: languageTag().describe('Ours: BCP 47 language of name, description and criteriaNarrative'),
  translations: z
    .array(BadgeClassTranslationSchema)
    .max(BADGE_CLASS_LIMITS.translations)
    .describe('Ours: the texts in other languages, one entry per language'),
  verification: z.enum(VERIFICATION_TYPES).describe('Ours: "hosted" (default) or "signed" (JWS-signed assertions)'),
  openBadgesVersion: z
    .enum(OPEN_BADGES_VERSIONS)
    .describe('Ours: the forms its awards are made in: "2.0" (default), "3.0" (an OB 3.0 credential only) or "both"'),
};

function blank(value: string | null | undefined): boolean {
  return value === undefined || value === null || value.trim() === '';
}

interface CheckedBadgeClass {
  criteriaUrl?: string | null;
  criteriaNarrative?: string | null;
  language?: string;
  translations?: Array<{ language?: string }>;
}

function checkTranslations(value: CheckedBadgeClass, ctx: z.RefinementCtx, mainLanguage: string | undefined): void {
  const seen = new Map<string, number>();
  (value.translations ?? []).forEach((translation, index) => {
    const lang = translation?.language;
    if (typeof lang !== 'string') return;
    if (mainLanguage !== undefined && lang.toLowerCase() === mainLanguage.toLowerCase()) {
      ctx.addIssue({
        code: 'custom',
        path: ['translations', index, 'language'],
        message: `A translation cannot be in the badge class's own language ("${mainLanguage}").`,
      });
    }
    const first = seen.get(lang.toLowerCase());
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['translations', index, 'language'],
        message: `Duplicate translation language "${lang}" (also at translations.${first}).`,
      });
    } else {
      seen.set(lang.toLowerCase(), index);
    }
  });
}

/**
 * Body of POST /v2/issuers/{entityId}/badgeclasses.
 * Badgr rules: `image` required; `criteriaUrl` or `criteriaNarrative` required.
 * Ours: `language` defaults to "en", `translations` to [], `verification` to "hosted".
 * Unknown fields (issuer, extensions, …) are stripped; the issuer comes from the path.
 */
export const BadgeClassCreateBodySchema = z
  .object({
    ...baseFields,
    language: extensionFields.language.default(DEFAULT_LANGUAGE),
    translations: extensionFields.translations.default([]),
    verification: extensionFields.verification.default('hosted'),
    openBadgesVersion: extensionFields.openBadgesVersion.default('2.0'),
  })
  .superRefine((value, ctx) => {
    if (blank(value.criteriaUrl) && blank(value.criteriaNarrative)) {
      ctx.addIssue({ code: 'custom', path: ['criteriaUrl'], message: 'A criteriaUrl or criteriaNarrative is required.' });
    }
    if (value.openBadgesVersion === '3.0' && value.verification === 'signed') {
      ctx.addIssue({ code: 'custom', path: ['verification'], message: SIGNED_NEEDS_OB2_MESSAGE });
    }
    checkTranslations(value, ctx, value.language);
  });

/**
 * Body of PUT /v2/badgeclasses/{entityId}. As Badgr: name and description required, `image`
 * optional (absent keeps the current image). Absent criteria keep the stored ones; the service
 * must refuse an update that would leave both criteria blank (Badgr does), since only it sees the
 * stored values. Here we refuse a body that explicitly blanks both.
 * Ours: `language`, `translations`, `verification` and `openBadgesVersion` have NO default here;
 * absent means "keep", so a Badgr client's PUT does not wipe them (the service checks a '3.0' class
 * is not signed against the stored values).
 */
export const BadgeClassUpdateBodySchema = z
  .object({
    ...baseFields,
    image: baseFields.image.optional(),
    language: extensionFields.language.optional(),
    translations: extensionFields.translations.optional(),
    verification: extensionFields.verification.optional(),
    openBadgesVersion: extensionFields.openBadgesVersion.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.openBadgesVersion === '3.0' && value.verification === 'signed') {
      ctx.addIssue({ code: 'custom', path: ['verification'], message: SIGNED_NEEDS_OB2_MESSAGE });
    }
    if ('criteriaUrl' in value && 'criteriaNarrative' in value && blank(value.criteriaUrl) && blank(value.criteriaNarrative)) {
      ctx.addIssue({
        code: 'custom',
        path: ['criteriaUrl'],
        message: 'Changes cannot be made that would leave both criteriaUrl and criteriaNarrative blank.',
      });
    }
    // Without `language` the stored one applies; the service re-checks against it.
    checkTranslations(value, ctx, value.language);
  });

export type BadgeClassCreateBody = z.output<typeof BadgeClassCreateBodySchema>;
export type BadgeClassCreateInput = z.input<typeof BadgeClassCreateBodySchema>;
export type BadgeClassUpdateBody = z.output<typeof BadgeClassUpdateBodySchema>;
export type BadgeClassUpdateInput = z.input<typeof BadgeClassUpdateBodySchema>;

/** Alignment as returned: Badgr returns every key, null when unset. */
export const AlignmentV2Schema = z.object({
  targetName: z.string(),
  targetUrl: z.string(),
  targetDescription: z.string().nullable(),
  targetFramework: z.string().nullable(),
  targetCode: z.string().nullable(),
});
export type AlignmentV2 = z.output<typeof AlignmentV2Schema>;

/** A translation as returned (ours). */
export const BadgeClassTranslationV2Schema = z.object({
  language: z.string().describe('BCP 47 language tag'),
  name: z.string(),
  description: z.string().nullable(),
  criteriaNarrative: z.string().nullable(),
});
export type BadgeClassTranslationV2 = z.output<typeof BadgeClassTranslationV2Schema>;

/** A BadgeClass as the v2 API returns it. Field names and order follow Badgr. */
export const BadgeClassV2Schema = z
  .object({
    entityType: z.literal('BadgeClass'),
    entityId: z.string(),
    openBadgeId: z.url().describe('Public URL of the OB 2.0 BadgeClass (`/public/badges/{entityId}`)'),
    createdAt: z.iso.datetime(),
    createdBy: badgrCreatedBy(),
    issuer: z.string().describe('entityId of the owning Issuer'),
    issuerOpenBadgeId: z.url(),
    name: z.string(),
    image: z.url().describe('Public URL of the image'),
    description: z.string(),
    criteriaUrl: z.string().nullable(),
    criteriaNarrative: z.string().nullable().describe('Markdown'),
    alignments: z.array(AlignmentV2Schema),
    tags: z.array(z.string()),
    expires: z
      .object({ amount: z.number().int().nullable(), duration: z.enum(EXPIRATION_DURATIONS).nullable() })
      .describe('Badgr always returns the object; both null when assertions never expire'),
    extensions: badgrExtensions(),
    language: z.string().describe('Ours: BCP 47 language of name, description and criteriaNarrative'),
    translations: z.array(BadgeClassTranslationV2Schema).describe('Ours: the texts in other languages'),
    verification: z.enum(VERIFICATION_TYPES).describe('Ours: "hosted" or "signed" (JWS-signed assertions)'),
    openBadgesVersion: z.enum(OPEN_BADGES_VERSIONS).describe('Ours: the forms its awards are made in: "2.0", "3.0" or "both" (decision 0048)'),
  })
  .describe('Badgr v2 BadgeClass, plus our language, translations, verification and Open Badges version.');
export type BadgeClassV2 = z.output<typeof BadgeClassV2Schema>;
