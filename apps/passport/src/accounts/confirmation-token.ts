import { randomBytes } from 'node:crypto';

import { hashToken } from './sessions.service';

/** A confirmation link is good for a day; a new request replaces the old token. */
export const CONFIRMATION_TTL_MS = 24 * 3600 * 1000;

export function newConfirmation(): { token: string; tokenHash: string; expiresAt: Date } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + CONFIRMATION_TTL_MS) };
}
