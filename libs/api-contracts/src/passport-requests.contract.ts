/**
 * What the passport's learner routes take (`/v2/auth/*`, `/v2/users/self/*`, `/v2/backpack/*`):
 * Badgr's v2 learner and backpack bodies, with our additions marked. Their answers are in
 * passport.contract.ts.
 */
import { z } from 'zod';

import { accountEmail, newPassword } from './common';
import { BADGE_STATUSES, BADGR_ACCEPTANCES, LEARNER_LANGUAGES, SHARE_TYPES, type BadgeStatus } from './passport.contract';

const email = accountEmail();
const password = newPassword();

const language = z.enum(LEARNER_LANGUAGES, { error: `language must be one of ${LEARNER_LANGUAGES.join(', ')}.` });

/**
 * POST /v2/auth/signup (Badgr: email, password, first/last name; `name` and `language` are ours:
 * the language of the learner's emails, else the request's Accept-Language).
 */
export const SignUpBodySchema = z
  .object({
    email,
    password,
    name: z.string().trim().min(1).max(200).optional(),
    first_name: z.string().trim().max(100).optional(),
    last_name: z.string().trim().max(100).optional(),
    language: language.optional(),
  })
  .transform((body) => ({
    email: body.email,
    password: body.password,
    name: body.name ?? ([body.first_name, body.last_name].filter(Boolean).join(' ') || body.email),
    language: body.language,
  }));

/** POST /v2/auth/token: Badgr's password grant (`username`, `password`), JSON or form-encoded. */
export const SignInBodySchema = z.object({
  grant_type: z.literal('password', { error: 'Only grant_type=password is supported here.' }).optional(),
  username: z.string({ error: 'This field is required.' }).trim().min(1).max(254),
  password: z.string({ error: 'This field is required.' }).min(1).max(256),
});

export const ConfirmBodySchema = z.object({ token: z.string({ error: 'This field is required.' }).min(16).max(128) });

/** POST /v2/users/self/emails; `language` (ours) also becomes the learner's language, as the web app's current one. */
export const AddEmailBodySchema = z.object({ email, language: language.optional() });

/** PUT /v2/users/self (ours: Badgr's edits names): the language of the learner's emails. */
export const UserUpdateBodySchema = z.object({ language });
export type UserUpdateBody = z.output<typeof UserUpdateBodySchema>;

export const AddIdentifierBodySchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('url'), value: z.url({ protocol: /^https?$/, error: 'Enter an http(s) URL.' }).max(2048) }),
    z.object({ type: z.literal('telephone'), value: z.string().trim().regex(/^\+[1-9][0-9]{6,14}$/, { error: 'Enter the number in E.164 form, e.g. +14165550100.' }) }),
  ],
  { error: 'type must be url or telephone (emails go to /v2/users/self/emails).' },
);

/** Proves the caller may act on an account: its password (delete), or the other account's (merge). */
export const PasswordBodySchema = z.object({ password: z.string({ error: 'This field is required.' }).min(1).max(256) });
export const MergeBodySchema = z.object({ username: z.string({ error: 'This field is required.' }).trim().min(1).max(254), password: z.string({ error: 'This field is required.' }).min(1).max(256) });

/** 200 of POST /v2/auth/token: the OAuth2-shaped answer Badgr clients expect from their password grant. */
export const LearnerTokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().positive(),
  scope: z.string(),
});
export type LearnerToken = z.output<typeof LearnerTokenSchema>;

/** Badgr's acceptance values, and ours. */
const ACCEPTANCE: Record<string, BadgeStatus> = { Accepted: 'accepted', Rejected: 'declined', Unaccepted: 'pending', accepted: 'accepted', declined: 'declined', pending: 'pending' };

/** PUT /v2/backpack/assertions/{entityId}: Badgr's `{acceptance: "Accepted" | "Rejected"}`. */
export const AcceptanceBodySchema = z.object({
  acceptance: z.enum([...BADGR_ACCEPTANCES, ...BADGE_STATUSES], { error: 'acceptance must be Accepted or Rejected.' }).transform((value) => ACCEPTANCE[value]),
});

export const StatusQuerySchema = z.object({
  status: z.enum(BADGE_STATUSES, { error: 'status must be pending, accepted or declined.' }).optional(),
});

const assertionIds = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Not an assertion entityId.' }), { error: 'Expected a list of assertion entityIds.' })
  .max(500)
  .refine((ids) => new Set(ids).size === ids.length, { error: 'Each badge may appear once.' });

/** POST /v2/backpack/collections (Badgr: name, description, assertions). */
export const CollectionCreateBodySchema = z.object({
  name: z.string({ error: 'This field is required.' }).trim().min(1, { error: 'This field may not be blank.' }).max(128),
  description: z.string().trim().max(2000).default(''),
  assertions: assertionIds.default([]),
});

/** PUT: every field optional; `assertions` replaces the list (its order is the display order). */
export const CollectionUpdateBodySchema = z.object({
  name: z.string().trim().min(1, { error: 'This field may not be blank.' }).max(128).optional(),
  description: z.string().trim().max(2000).optional(),
  assertions: assertionIds.optional(),
});

export type CollectionCreateBody = z.output<typeof CollectionCreateBodySchema>;
export type CollectionUpdateBody = z.output<typeof CollectionUpdateBodySchema>;

export const ShareCreateBodySchema = z.object({
  type: z.enum(SHARE_TYPES, { error: 'type must be badge or collection.' }),
  entityId: z.string({ error: 'This field is required.' }).regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'Not an entityId.' }),
});

export type ShareCreateBody = z.output<typeof ShareCreateBodySchema>;

/** The largest baked image POST /v2/backpack/import takes (before base64). */
export const MAX_IMPORT_IMAGE_BYTES = 2 * 1024 * 1024;

/**
 * POST /v2/backpack/import, Badgr's shape: exactly one of `url`, `image` (a data URI or base64
 * of a baked PNG or SVG) or `assertion` (the assertion JSON, as an object or text, or a compact JWS).
 */
export const ImportBodySchema = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'url must be an http(s) URL.' }).max(2048).optional(),
    image: z.string().max(Math.ceil((MAX_IMPORT_IMAGE_BYTES * 4) / 3) + 64, { error: 'The image is larger than 2 MiB.' }).optional(),
    assertion: z.union([z.string().min(1).max(1_000_000), z.record(z.string(), z.unknown())], { error: 'assertion must be JSON (object or text) or a compact JWS.' }).optional(),
  })
  .superRefine((body, ctx) => {
    const given = (['url', 'image', 'assertion'] as const).filter((key) => body[key] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: 'custom', path: [given[1] ?? 'url'], message: 'Give exactly one of url, image or assertion.' });
  });
export type ImportBody = z.output<typeof ImportBodySchema>;
