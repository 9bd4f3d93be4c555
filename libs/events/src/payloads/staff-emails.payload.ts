import { z } from 'zod';

import { emailLanguage, entityId, httpUrl, isoDateTime } from './common';

/**
 * What the notification service needs to write to a person of an institution: the address must
 * travel (the email cannot be sent otherwise), and the link holds a one-time token that expires,
 * of which the gateway stores only the hash. Consumers must never log the link.
 */
const staffEmailFields = {
  staffId: entityId,
  email: z.email(),
  name: z.string().min(1).max(200),
  institutionName: z.string().min(1).max(500),
  /** The inviter's choice of language for the person's emails. */
  language: emailLanguage,
  expiresAt: isoDateTime,
};

/** An institution admin invited a person; the email carries the link to accept (set a password). */
export const staffInvitedPayload = z.object({
  ...staffEmailFields,
  /** The inviting person's name; absent when an API client invited. */
  invitedByName: z.string().min(1).max(200).optional(),
  acceptUrl: httpUrl,
});

/** A person (or someone typing their address) asked for a password reset; the email carries the link. */
export const staffPasswordResetRequestedPayload = z.object({
  ...staffEmailFields,
  resetUrl: httpUrl,
});

export type StaffInvitedPayload = z.infer<typeof staffInvitedPayload>;
export type StaffPasswordResetRequestedPayload = z.infer<typeof staffPasswordResetRequestedPayload>;
