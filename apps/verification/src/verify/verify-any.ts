import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import {
  isCredentialInput,
  isImageError,
  parseJsonWithinLimits,
  revocationDetails,
  unbakeBadgeImage,
  unbakeCredentialImage,
  verifyOpenBadge,
  verifyOpenBadgeCredential,
  type CredentialInput,
  type CredentialSource,
  type FetchDocument,
  type FetchedDocument,
  type RecipientProfile,
  type RevocationDetails,
  type VerificationResult,
  type VerifyInput,
} from '@badges/openbadges';

export interface VerifyAnyOptions {
  fetchDocument: FetchDocument;
  recipientProfile?: RecipientProfile;
  /** This platform's PUBLIC_URL: its own credentials' revocation reasons, and did:web over http in development. */
  publicUrl: string;
}

type Route = { version: '3.0'; credential: CredentialInput; source: CredentialSource } | { version: '2.0'; input: VerifyInput; fetchDocument: FetchDocument };

/**
 * `POST /v2/verify` takes OB 3.0 beside 2.0 (decision 0048): an OpenBadgeCredential as JSON, its
 * VC-JWT, a PNG/SVG with a credential baked in, or the URL of a hosted credential goes to
 * verifyOpenBadgeCredential; everything else to verifyOpenBadge exactly as before. Only what
 * says it is a Verifiable Credential is taken as one, and an image is read for a 2.0 badge first,
 * so a 2.0 badge is never answered differently.
 */
export async function verifyAnyBadge(input: VerifyInput, options: VerifyAnyOptions): Promise<VerificationResult> {
  const route = await routeOf(input, options.fetchDocument);
  if (route.version === '2.0') return verifyOpenBadge(route.input, { fetchDocument: route.fetchDocument, recipientProfile: options.recipientProfile });
  const publicUrl = options.publicUrl.replace(/\/$/, '');
  return verifyOpenBadgeCredential(route.credential, {
    fetchDocument: options.fetchDocument,
    recipientProfile: options.recipientProfile,
    source: route.source,
    didWebHttpHosts: ownHttpHosts(publicUrl),
    revocationDetails: (credentialId) => ownRevocation(credentialId, publicUrl, options.fetchDocument),
  });
}

async function routeOf(input: VerifyInput, fetchDocument: FetchDocument): Promise<Route> {
  const as2 = (fetch: FetchDocument = fetchDocument): Route => ({ version: '2.0', input, fetchDocument: fetch });
  if (typeof input === 'string') return isCredentialInput(input) ? { version: '3.0', credential: input, source: sourceOf(input) } : as2();
  if ('url' in input && typeof input.url === 'string' && Object.keys(input).length === 1) return routeUrl(input.url, fetchDocument, as2);
  if ('image' in input && input.image instanceof Uint8Array) return await routeImage(Buffer.from(input.image), as2);
  const given = 'json' in input && Object.keys(input).length === 1 ? input.json : 'jws' in input ? input.jws : input;
  if (isCredentialInput(given)) return { version: '3.0', credential: given, source: sourceOf(given) };
  return as2();
}

/**
 * A URL answers either a 2.0 document or a hosted credential (`/public/credentials/…`: its JSON, or
 * its VC-JWT as text). It is read once: when it is no credential, the 2.0 pipeline is handed the
 * same answer (or the same failure) instead of asking again.
 */
async function routeUrl(url: string, fetchDocument: FetchDocument, as2: (fetch?: FetchDocument) => Route): Promise<Route> {
  let first: { ok: true; document: FetchedDocument } | { ok: false; error: unknown };
  try {
    first = { ok: true, document: await fetchDocument(url) };
  } catch (error) {
    first = { ok: false, error };
  }
  if (first.ok && first.document.status >= 200 && first.document.status < 300) {
    const body = first.document.body.trim();
    if (isCredentialInput(body)) return { version: '3.0', credential: body, source: { type: 'url', url } };
  }
  let replayed = false;
  return as2(async (target, options) => {
    if (replayed || target !== url || options?.accept) return fetchDocument(target, options);
    replayed = true;
    if (first.ok) return first.document;
    throw first.error;
  });
}

/**
 * A 2.0 badge baked in the image wins (as before); otherwise an OB 3.0 credential, if one is baked.
 * Each reading of a hostile image can cost tens of milliseconds (an SVG at the element cap), and the
 * 2.0 pipeline reads it once more: the event loop gets a turn after each reading, so no one request
 * holds it for all of them.
 */
async function routeImage(bytes: Buffer, as2: () => Route): Promise<Route> {
  let readAs2Failure: unknown;
  try {
    if (unbakeBadgeImage(bytes)) return as2();
  } catch (error) {
    if (!isImageError(error)) throw error;
    readAs2Failure = error;
  }
  await yieldToEventLoop();
  // The credential reading differs only in dropping an external DOCTYPE, which the 2.0 reading
  // refuses as forbidden content before anything else: any other failure would repeat itself.
  if (readAs2Failure && !isImageError(readAs2Failure, 'svg_forbidden_content')) return as2();
  try {
    const unbaked = unbakeCredentialImage(bytes);
    if (unbaked) return { version: '3.0', credential: unbaked.credential, source: { type: unbaked.kind } };
  } catch (error) {
    if (!isImageError(error)) throw error;
  }
  await yieldToEventLoop();
  return as2();
}

function sourceOf(credential: unknown): CredentialSource {
  return typeof credential === 'string' && !credential.trim().startsWith('{') ? { type: 'jws' } : { type: 'json' };
}

/** did:web documents of this platform are served at PUBLIC_URL: over http when PUBLIC_URL is (development). */
function ownHttpHosts(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  return url.protocol === 'http:' ? [url.host.toLowerCase()] : [];
}

/**
 * A status list says only "revoked". A credential of this platform is the same award as its 2.0
 * assertion (decision 0048: one id), whose hosted document answers 410 with the issuer's reason.
 */
async function ownRevocation(credentialId: string, publicUrl: string, fetchDocument: FetchDocument): Promise<RevocationDetails | undefined> {
  const prefix = `${publicUrl}/public/credentials/`;
  const id = credentialId.startsWith(prefix) ? credentialId.slice(prefix.length) : '';
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(id)) return undefined;
  const response = await fetchDocument(`${publicUrl}/public/assertions/${id}`);
  if (response.status !== 410) return undefined;
  let body: unknown;
  try {
    body = parseJsonWithinLimits(response.body);
  } catch {
    return undefined;
  }
  const { reason, date } = revocationDetails(body);
  return { ...(typeof reason === 'string' ? { reason } : {}), ...(typeof date === 'string' ? { date } : {}) };
}

