import type { IncomingHttpHeaders } from 'node:http';

import { parseCookie, stringifySetCookie } from 'cookie';
import { z } from 'zod';

import { SecretSealer } from '@badges/service-kit';

/** How long a person has to sign in at their provider before the sign-in must start again. */
export const SSO_STATE_TTL_SECONDS = 600;

/** Associated data of the sealed value: nothing else sealed under this purpose opens as a pending sign-in. */
const CONTEXT = 'sso-pending-sign-in';

/** What the callback needs to finish a sign-in the start began, in this browser only. */
const PendingSignInSchema = z.object({
  institutionId: z.string().min(1),
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43),
  /** Epoch milliseconds. */
  expiresAt: z.number().int(),
});
export type PendingSignIn = z.output<typeof PendingSignInSchema>;

/**
 * The SSO sign-in's state, kept in the browser rather than on the server (decision 0031): an
 * HttpOnly cookie sealed with AES-256-GCM (SecretSealer, its own HKDF purpose), so the PKCE
 * verifier and nonce stay secret, and a cookie changed by a single byte, or sealed for another
 * purpose, does not open. SameSite=Lax: the provider sends the browser back with a top-level
 * cross-site GET, which a Strict cookie would not follow. It also carries its own expiry, since
 * a browser may keep a cookie past its Max-Age.
 */
export class SsoStateCookie {
  private readonly sealer: SecretSealer;

  constructor(
    secretsEncryptionKey: string,
    private readonly secure: boolean,
  ) {
    this.sealer = new SecretSealer(secretsEncryptionKey, 'badges/gateway/sso-state/v1');
  }

  /** `__Host-` over https, as the session cookies (web-session.cookies.ts). */
  get name(): string {
    return `${this.secure ? '__Host-' : ''}badges-sso`;
  }

  setCookie(pending: PendingSignIn): string {
    return this.cookie(this.sealer.seal(JSON.stringify(pending), CONTEXT), SSO_STATE_TTL_SECONDS);
  }

  /** Deletes it: a state is used once. */
  clearCookie(): string {
    return this.cookie('', 0);
  }

  /** The pending sign-in, or undefined when there is none, it does not open, or it has expired. */
  read(headers: IncomingHttpHeaders, now = Date.now()): PendingSignIn | undefined {
    const sealed = typeof headers.cookie === 'string' ? parseCookie(headers.cookie)[this.name] : undefined;
    if (!sealed) return undefined;
    let pending: PendingSignIn;
    try {
      pending = PendingSignInSchema.parse(JSON.parse(this.sealer.open(sealed, CONTEXT)));
    } catch {
      return undefined;
    }
    return pending.expiresAt > now ? pending : undefined;
  }

  private cookie(value: string, maxAge: number): string {
    return stringifySetCookie(this.name, value, { httpOnly: true, secure: this.secure, sameSite: 'lax', path: '/', maxAge });
  }
}
