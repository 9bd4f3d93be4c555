import { newOpaqueToken } from '@badges/service-kit';

/** A confirmation link is good for a day; a new request replaces the old token. */
export const CONFIRMATION_TTL_MS = 24 * 3600 * 1000;

export function newConfirmation(): { token: string; tokenHash: string; expiresAt: Date } {
  return { ...newOpaqueToken(), expiresAt: new Date(Date.now() + CONFIRMATION_TTL_MS) };
}
