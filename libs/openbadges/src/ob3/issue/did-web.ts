export interface DidDocumentKey {
  keyId: string;
  publicKeyMultibase: string;
}

export const DID_V1_CONTEXT_URL = 'https://www.w3.org/ns/did/v1';
export const MULTIKEY_V1_CONTEXT_URL = 'https://w3id.org/security/multikey/v1';

/** A string that is not a did:web DID this platform can resolve. `message` says why. */
export class DidWebError extends Error {
  override readonly name = 'DidWebError';
  readonly code = 'invalid_did_web' as const;
}

/** One segment of a did:web method-specific id: unreserved characters or percent-encodings (the DID syntax's idchar). */
const SEGMENT = /^(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$/;

/**
 * `did:web:host%3Aport:base:public:issuers:{issuerId}` for PUBLIC_URL (`http(s)://host[:port][/base]`).
 * The did:web rules: the host as the URL parser writes it (lower case, punycode), a port's colon
 * percent-encoded, then the path's segments joined by `:`. The scheme is not part of a did:web.
 */
export function issuerDid(publicUrl: string, issuerId: string): string {
  if (!URL.canParse(publicUrl)) throw new DidWebError(`PUBLIC_URL "${publicUrl}" is not a URL.`);
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DidWebError(`PUBLIC_URL "${publicUrl}" is not an http(s) URL.`);
  // An IPv6 literal (`[::1]`) has colons did:web cannot tell from its separators.
  if (url.hostname.startsWith('[')) throw new DidWebError(`PUBLIC_URL "${publicUrl}" names an IPv6 address, which did:web cannot carry.`);
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const base = url.pathname.split('/').filter((segment) => segment !== '');
  const segments = [...base, 'public', 'issuers', issuerId].map(encodeSegment);
  const did = `did:web:${[host, ...segments].join(':')}`;
  didWebDocumentUrl(did); // everything we make must resolve
  return did;
}

/**
 * Where a did:web DID's document lives (the did:web rules): `https://host[:port]/path…/did.json`, or
 * `/.well-known/did.json` when there is no path. A DID is attacker-controlled in verification, so
 * anything that is not plainly a host and path segments (a DID URL with `#`, `?` or `/`, a dot segment
 * that would climb the path, credentials in the host) is refused with DidWebError. `scheme: 'http'`
 * exists for a development PUBLIC_URL without TLS; did:web itself always means https.
 */
export function didWebDocumentUrl(did: string, scheme: 'https' | 'http' = 'https'): string {
  if (typeof did !== 'string' || !did.startsWith('did:web:')) throw new DidWebError(`"${String(did)}" is not a did:web DID.`);
  const [host, ...path] = did.slice('did:web:'.length).split(':');
  for (const segment of [host, ...path]) {
    if (!SEGMENT.test(segment)) throw new DidWebError(`"${did}" has an empty segment or a character a did:web cannot carry.`);
  }
  if (path.some((segment) => /^(?:%2e|\.){1,2}$/i.test(segment))) {
    throw new DidWebError(`"${did}" has a dot segment in its path.`);
  }
  // Only the port's colon is percent-decoded in the host; anything else encoded there is not a host.
  const authority = host.replace(/%3A/gi, ':');
  const href = `${scheme}://${authority}/${path.length === 0 ? '.well-known' : path.join('/')}/did.json`;
  if (!URL.canParse(href)) throw new DidWebError(`"${did}" does not name a host.`);
  const url = new URL(href);
  const hostname = authority.split(':')[0].toLowerCase();
  if (url.hostname !== hostname || url.username !== '' || url.password !== '') throw new DidWebError(`"${did}" does not name a plain host.`);
  return url.href;
}

/** Every Ed25519 key, retired ones too, as a Multikey in `verificationMethod` and `assertionMethod`. */
export function buildIssuerDidDocument(did: string, keys: DidDocumentKey[]): Record<string, unknown> {
  const methods = keys.map((key) => ({
    id: `${did}#${key.keyId}`,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: key.publicKeyMultibase,
  }));
  return {
    '@context': [DID_V1_CONTEXT_URL, MULTIKEY_V1_CONTEXT_URL],
    id: did,
    verificationMethod: methods,
    assertionMethod: methods.map((method) => method.id),
  };
}

/** A path segment as a did:web segment: percent-encoded like a URL path, and `:` encoded too since it separates segments. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(decodeURIComponentSafe(segment)).replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function decodeURIComponentSafe(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
