/** `host` or `host:port` as did:web writes it (the port's colon percent-encoded), nothing else. */
const HOST = /^[a-z0-9.-]+(:\d{1,5})?$/i;
const PATH_SEGMENT = /^[A-Za-z0-9._~!$&'()*+,;=@%-]+$/;

/**
 * Where a did:web DID's document lives (did:web method, "Read"): `did:web:host%3Aport:a:b` is
 * `https://host:port/a/b/did.json`, and a DID without a path is `https://host/.well-known/did.json`.
 * Hosts in `httpHosts` are read over http (this platform's own http PUBLIC_URL in development).
 * undefined when the DID is not a well-formed did:web DID (a fragment or query is not part of it).
 */
export function didWebDocumentUrl(did: string, httpHosts: readonly string[] = []): string | undefined {
  if (!did.startsWith('did:web:')) return undefined;
  const [encodedHost, ...path] = did.slice('did:web:'.length).split(':');
  const host = encodedHost.replace(/%3A/gi, ':');
  if (!HOST.test(host) || !path.every((segment) => PATH_SEGMENT.test(segment))) return undefined;
  const scheme = httpHosts.includes(host.toLowerCase()) ? 'http' : 'https';
  return path.length > 0 ? `${scheme}://${host}/${path.join('/')}/did.json` : `${scheme}://${host}/.well-known/did.json`;
}

/**
 * The part of the web a did:web DID speaks for: the folder of its document (`https://host/a/b/`),
 * or the whole origin for a DID without a path. Keys published there are the DID's own.
 */
export function didWebScope(did: string, httpHosts: readonly string[] = []): string | undefined {
  const url = didWebDocumentUrl(did, httpHosts);
  if (!url) return undefined;
  return url.endsWith('/.well-known/did.json') ? `${new URL(url).origin}/` : url.slice(0, -'did.json'.length);
}
