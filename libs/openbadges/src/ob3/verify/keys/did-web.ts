import { didWebDocumentUrl, DidWebError } from '../../issue/did-web';

/**
 * Where a did:web DID's document lives, by the issuing side's didWebDocumentUrl (one reading of the
 * did:web rules, refusing anything that is not plainly a host and path), over http only for the
 * hosts named (`host` or `host:port`: this platform's own http PUBLIC_URL in development).
 * undefined when the DID is not one we can resolve.
 */
export function resolvableDidWebUrl(did: string, httpHosts: readonly string[] = []): string | undefined {
  const host = did.startsWith('did:web:') ? did.slice('did:web:'.length).split(':')[0].replace(/%3A/gi, ':').toLowerCase() : '';
  try {
    return didWebDocumentUrl(did, httpHosts.includes(host) ? 'http' : 'https');
  } catch (error) {
    if (error instanceof DidWebError) return undefined;
    throw error;
  }
}

/**
 * The part of the web a did:web DID speaks for: the folder of its document (`https://host/a/b/`),
 * or the whole origin for a DID without a path. Keys published there are the DID's own.
 */
export function didWebScope(did: string, httpHosts: readonly string[] = []): string | undefined {
  const url = resolvableDidWebUrl(did, httpHosts);
  if (!url) return undefined;
  return url.endsWith('/.well-known/did.json') ? `${new URL(url).origin}/` : url.slice(0, -'did.json'.length);
}
