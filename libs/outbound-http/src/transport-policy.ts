/** Hosts that can only be this machine: the one place a plain http server may be trusted with a secret. */
const LOOPBACK_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * Whether a URL we would send a secret to (a client secret, a password, a bearer token) is safe to
 * talk to: https always; plain http only on a loopback host, and only when the operator allowed it
 * (tests, a trial on one machine), since elsewhere the secret would cross the network in clear.
 * Used by the gateway's single sign-on (SSO_ALLOW_HTTP_ISSUERS) and the passport's Badgr import
 * (BADGR_IMPORT_ALLOW_HTTP).
 */
export function isSecureOrLoopbackUrl(url: string, allowHttpOnLoopback: boolean): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && allowHttpOnLoopback && LOOPBACK_HOST.test(parsed.hostname);
}
