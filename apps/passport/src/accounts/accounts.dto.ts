import { z } from 'zod';

import type { EmailV2, UserV2 } from '@badges/api-contracts';

import type { Learner, LearnerIdentifier } from '../generated/prisma/client';

const email = z
  .string({ error: 'This field is required.' })
  .trim()
  .max(254, { error: 'Ensure this field has no more than 254 characters.' })
  .pipe(z.email({ error: 'Enter a valid email address.' }));
const password = z
  .string({ error: 'This field is required.' })
  .min(10, { error: 'Use at least 10 characters.' })
  .max(256, { error: 'Ensure this field has no more than 256 characters.' });

/** POST /v2/auth/signup (Badgr: email, password, first/last name; `name` is ours). */
export const SignUpBodySchema = z
  .object({
    email,
    password,
    name: z.string().trim().min(1).max(200).optional(),
    first_name: z.string().trim().max(100).optional(),
    last_name: z.string().trim().max(100).optional(),
  })
  .transform((body) => ({ email: body.email, password: body.password, name: body.name ?? ([body.first_name, body.last_name].filter(Boolean).join(' ') || body.email) }));

/** POST /v2/auth/token: Badgr's password grant (`username`, `password`), JSON or form-encoded. */
export const SignInBodySchema = z.object({
  grant_type: z.literal('password', { error: 'Only grant_type=password is supported here.' }).optional(),
  username: z.string({ error: 'This field is required.' }).trim().min(1).max(254),
  password: z.string({ error: 'This field is required.' }).min(1).max(256),
});

export const ConfirmBodySchema = z.object({ token: z.string({ error: 'This field is required.' }).min(16).max(128) });

export const AddEmailBodySchema = z.object({ email });

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

export function toEmailV2(learner: Pick<Learner, 'username'>, identifier: LearnerIdentifier): EmailV2 {
  return { entityId: identifier.id, email: identifier.value, verified: identifier.verifiedAt !== null, primary: identifier.value === learner.username };
}

export function toUserV2(learner: Learner, identifiers: LearnerIdentifier[]): UserV2 {
  return {
    entityId: learner.id,
    entityType: 'BadgeUser',
    username: learner.username,
    name: learner.name,
    emails: identifiers.filter((i) => i.type === 'email').map((i) => toEmailV2(learner, i)),
    identifiers: identifiers.map((i) => ({ entityId: i.id, type: i.type, identifier: i.value, verified: i.verifiedAt !== null })),
  };
}
