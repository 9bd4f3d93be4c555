/** `Basic base64(urlencoded id ":" urlencoded secret)` -> `{client_id, client_secret}` (RFC 6749 §2.3.1). */
export function basicCredentials(header: string | undefined): Record<string, string> {
  const match = header ? /^Basic +([A-Za-z0-9+/=]+) *$/i.exec(header) : null;
  if (!match) return {};
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return {};
  try {
    return { client_id: decodeURIComponent(decoded.slice(0, colon)), client_secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return {};
  }
}
