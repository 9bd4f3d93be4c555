/**
 * Field primitives shared by the contracts (the request ones, then `badgrExtensions` of the answers).
 *
 * Each one mirrors the Django REST Framework field Badgr uses for the same
 * property (noted per primitive), so that a payload Badgr accepts is accepted
 * here and a payload Badgr refuses is refused with a message on the same field.
 * Where we are stricter than Badgr, the doc comment says so.
 */
import { z } from 'zod';

/** Markdown fields (narratives) are capped; Badgr has no cap, 64 KiB is far above any real narrative. */
export const MAX_MARKDOWN_LENGTH = 65_536;
/** Base64 data URIs are capped at 4 MiB of characters (≈ 3 MiB of image). The service checks the decoded bytes. */
export const MAX_IMAGE_DATA_URI_LENGTH = 4 * 1024 * 1024;

/**
 * A required text field: trimmed, then non-empty (DRF `CharField`: `trim_whitespace=True`, `allow_blank=False`).
 */
export const requiredText = (max: number) =>
  z.string().trim().min(1, { error: 'This field may not be blank.' }).max(max, { error: `Ensure this field has no more than ${max} characters.` });

/** An optional text field: trimmed; blank is accepted (more lenient than Badgr, which refuses blank). */
export const optionalText = (max: number) =>
  z.string().trim().max(max, { error: `Ensure this field has no more than ${max} characters.` });

/**
 * Markdown text (Badgr `MarkdownCharField`): trimmed, and images (`![...]`) are refused,
 * as Badgr does ("Images not supported in markdown").
 */
export const markdownText = (max = MAX_MARKDOWN_LENGTH) =>
  optionalText(max).refine((value) => !value.includes('!['), { error: 'Images not supported in markdown.' });

/** An http(s) URL (Django `URLValidator`; localhost and IP hosts are accepted). Trimmed. */
export const httpUrl = (max = 1024) =>
  z
    .string()
    .trim()
    .max(max, { error: `Ensure this field has no more than ${max} characters.` })
    .check(z.url({ protocol: /^https?$/, error: 'Enter a valid URL.' }));

/** The address a person signs in with (a learner, a staff member): required, trimmed, at most 254 characters. Case is kept. */
export const accountEmail = () =>
  z
    .string({ error: 'This field is required.' })
    .trim()
    .max(254, { error: 'Ensure this field has no more than 254 characters.' })
    .pipe(z.email({ error: 'Enter a valid email address.' }));

/** A password a person chooses (a learner's, a staff member's): 10 to 256 characters, nothing else imposed. */
export const newPassword = () =>
  z
    .string({ error: 'This field is required.' })
    .min(10, { error: 'Use at least 10 characters.' })
    .max(256, { error: 'Ensure this field has no more than 256 characters.' });

/** An email address (Django `EmailValidator`). Trimmed; case is kept. */
export const emailAddress = (max = 255) =>
  z
    .string()
    .trim()
    .max(max, { error: `Ensure this field has no more than ${max} characters.` })
    .check(z.email({ error: 'Enter a valid email address.' }));

/** E.164 telephone number: `+` then up to 15 digits (Badgr `TelephoneValidator`). */
export const E164_PATTERN = /^\+[1-9]\d{1,14}$/;

/**
 * An IRI (RFC 3987): a scheme, a colon and at least one character, with no whitespace
 * or characters IRIs exclude. Accepts `https://…`, `urn:uuid:…`, `did:…`, `mailto:…`.
 * Badgr only accepted URLs for `id` recipients; OB 2.0 allows any IRI.
 */
export const IRI_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;

/**
 * An ISO 8601 date-time WITH a timezone (`Z` or `±hh:mm`), e.g. `2024-05-01T12:00:00Z`.
 * Badgr assumes UTC for a naive date-time; we refuse it, since guessing the zone shifts
 * issue dates. Normalised to UTC (`…Z`) on output.
 */
export const isoDateTimeWithZone = () =>
  z
    .string({ error: 'Expected an ISO 8601 date-time string.' })
    .trim()
    .check(
      z.iso.datetime({
        offset: true,
        error: 'Datetime has wrong format. Use ISO 8601 with a timezone, e.g. 2024-05-01T12:00:00Z.',
      }),
    )
    .transform((value) => new Date(value).toISOString());

/** The earliest year Badgr accepts for `issuedOn` (Gregorian calendar). */
export const MIN_ISSUED_YEAR = 1583;

const IMAGE_DATA_URI = /^data:image\/(png|svg\+xml)(;[A-Za-z0-9_.+-]+=[A-Za-z0-9_.+-]+)*;base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * A base64 data URI of a PNG or SVG image, e.g. `data:image/png;base64,iVBORw0…`.
 * Only the shape is checked here; the issuer service checks that the bytes really are a PNG or SVG.
 */
export const imageDataUri = () =>
  z
    .string()
    .trim()
    .max(MAX_IMAGE_DATA_URI_LENGTH, { error: 'Image is too large.' })
    .regex(IMAGE_DATA_URI, { error: 'Valid image file or data URI required: data:image/png;base64,… or data:image/svg+xml;base64,…' });

const TRUE_STRINGS = ['true', 'True', 'TRUE', 't', 'T', 'yes', 'Yes', 'YES', 'y', 'Y', 'on', 'On', 'ON', '1'] as const;
const FALSE_STRINGS = ['false', 'False', 'FALSE', 'f', 'F', 'no', 'No', 'NO', 'n', 'N', 'off', 'Off', 'OFF', '0'] as const;

/**
 * A boolean as Badgr's `HumanReadableBooleanField` reads it: `true`/`false`, `1`/`0`,
 * and the strings "true", "on", "yes", "1" (and their false counterparts).
 */
export const humanBoolean = () =>
  z
    .union([z.boolean(), z.literal(0), z.literal(1), z.enum([...TRUE_STRINGS, ...FALSE_STRINGS])], {
      error: 'Must be a valid boolean.',
    })
    .transform((value) => value === true || value === 1 || (TRUE_STRINGS as readonly unknown[]).includes(value));

/** True when `tag` is a well-formed BCP 47 language tag. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** Canonical form of a BCP 47 tag (`EN-us` -> `en-US`); the input when it is not a valid tag. */
export function canonicalLanguageTag(tag: string): string {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? tag;
  } catch {
    return tag;
  }
}

/** A BCP 47 language tag, canonicalised (`en`, `fr-CA`, `zh-Hant-TW`). */
export const languageTag = () =>
  z
    .string()
    .trim()
    .min(2, { error: 'Enter a BCP 47 language tag, e.g. "en" or "fr-CA".' })
    .max(35)
    .refine(isLanguageTag, { error: 'Enter a BCP 47 language tag, e.g. "en" or "fr-CA".' })
    .transform(canonicalLanguageTag);

/** An `entityId` (Badgr: URL-safe random string, ≤ 254 chars). */
export const entityId = () =>
  z
    .string()
    .trim()
    .min(1, { error: 'This field may not be blank.' })
    .max(254)
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'Invalid entityId.' });

/**
 * Format a date the way Badgr's `DateTimeWithUtcZAtEndField` does: UTC, ending in `Z`,
 * without fractional seconds when there are none (`2024-05-01T12:00:00Z`).
 */
export function formatDateTimeV2(date: Date | string | number): string {
  const iso = new Date(date).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Badgr's `extensions` of an answered entity: an object (we always send `{}`). */
export const badgrExtensions = () => z.record(z.string(), z.unknown()).describe('Badgr extensions; always `{}` here.');

/**
 * Badgr's `createdBy` of an answered entity. Badgr puts the creating user's entityId there; ours
 * is who made the request that created it, as the gateway names its actor: `client:<clientId>`
 * (an API client) or `staff:<staffId>` (a person). Null for what was created before it was
 * recorded, or without an actor.
 */
export const badgrCreatedBy = () =>
  z
    .string()
    .nullable()
    .meta({ example: 'client:Qx3fE2aL0sVb8n1R9kTzYw' })
    .describe('Who created it: `client:<clientId>` or `staff:<staffId>`; null when not recorded (created before issue #16, or without an actor)');
