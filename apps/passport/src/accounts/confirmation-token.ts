import { newOpaqueToken } from '@badges/service-kit';

/** A confirmation link is good for a day; a new request replaces the old token. */
export const CONFIRMATION_TTL_MS = 24 * 3600 * 1000;

export function newConfirmation(): { token: string; tokenHash: string; expiresAt: Date } {
  return { ...newOpaqueToken(), expiresAt: new Date(Date.now() + CONFIRMATION_TTL_MS) };
}

/**
 * The emailed link opens the web app's confirmation page (apps/web passport/ConfirmEmailPage),
 * which confirms on a click, in the learner's language, and then goes into the passport.
 */
export const WEB_CONFIRM_PATH = '/passport/confirm-email';

export function confirmationPath(token: string): string {
  return `${WEB_CONFIRM_PATH}?token=${encodeURIComponent(token)}`;
}
