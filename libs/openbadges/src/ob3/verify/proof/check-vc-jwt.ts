import { compactVerify, importJWK, type JWK } from 'jose';

import { text, type MessageText } from '../../../report-texts/message-text';
import { parseZonedDateTime } from '../../../validation/datetime';
import { isJsonNode, type JsonNode } from '../../../validation/present-values';
import { Ob3Code } from '../codes';
import { resolveVerificationMethod } from '../keys/resolve-method';
import type { ResolvedMethod } from '../keys/resolved-method';
import type { CredentialJwt } from '../read-input';
import type { CredentialRun } from '../run-context';
import { failure, type Finding } from '../types';
import { digitalBazaar } from './digital-bazaar';
import type { ProofResult, Signer } from './proof-result';

/**
 * Asymmetric algorithms only (`none` and HMAC would let anyone sign): RS256 is what OB 3.0 requires,
 * ES256 and EdDSA (did:key and Multikey issuers) are common. The header chooses among these, never
 * beyond, and the key must fit the algorithm (jose checks).
 */
export const VC_JWT_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'] as const;

type KeyLookup = { ok: true; jwk: JsonNode; signer: Signer } | { ok: false; problem: MessageText };

/**
 * ExternalProofProbe: a VC-JWT (OB 3.0 §8.2) checked with jose. The key is the header's `kid`
 * dereferenced (a DID URL, an https JWKS with `#kid`, a JWK or controller document; a bare kid is
 * a fragment of the issuer's DID) or, failing that, its `jwk`. Then the JWT claims must agree with
 * the credential they carry (`iss`, `jti`, `sub`, `nbf`, `exp`).
 */
export async function checkVcJwt(jwt: CredentialJwt, credential: JsonNode, run: CredentialRun): Promise<ProofResult> {
  const alg = jwt.header.alg;
  if (typeof alg !== 'string' || !(VC_JWT_ALGORITHMS as readonly string[]).includes(alg)) return refused(text('VC_JWT_ALGORITHM_REFUSED', { alg: String(alg) }));
  const lookup = await jwtKey(jwt.header, issuerIdOf(credential), run);
  if (!lookup.ok) return refused(lookup.problem);
  let key: Awaited<ReturnType<typeof importJWK>>;
  try {
    if (lookup.jwk.d !== undefined) throw new Error('a private key');
    key = await importJWK(lookup.jwk as unknown as JWK, alg);
  } catch {
    return refused(text('VC_KEY_UNUSABLE', { method: lookup.signer.via === 'embedded' ? 'jwk' : lookup.signer.methodId }));
  }
  try {
    await compactVerify(jwt.token, key, { algorithms: [alg] });
  } catch (error) {
    return refused(text('VC_PROOF_INVALID', { reason: ((error as Error).message || 'signature mismatch').replace(/\.+$/, '') }));
  }
  const findings = claimFindings(jwt, credential);
  return { verified: findings.length === 0, signers: findings.length === 0 ? [lookup.signer] : [], findings };
}

async function jwtKey(header: JsonNode, issuerId: string | undefined, run: CredentialRun): Promise<KeyLookup> {
  const kid = header.kid;
  if (typeof kid === 'string' && kid !== '') {
    if (/^https?:\/\//i.test(kid)) return keyFromUrl(kid, run);
    // A kid that is no URI names one of the issuer's DID's keys (VC-JOSE-COSE "kid").
    const methodId = /^[a-z][a-z0-9+.-]*:/i.test(kid) ? kid : issuerId?.startsWith('did:') ? `${issuerId}#${kid}` : kid;
    return fromMethod(await resolveVerificationMethod(methodId, run));
  }
  if (isJsonNode(header.jwk)) return { ok: true, jwk: header.jwk, signer: { via: 'embedded' } };
  return { ok: false, problem: text('VC_JWT_NO_KEY', {}) };
}

/** An https kid: a JWKS (`keys`, the key whose kid is the fragment), a JWK, or a controller document. */
async function keyFromUrl(kid: string, run: CredentialRun): Promise<KeyLookup> {
  const [keyUrl, fragment] = kid.split('#');
  const fetched = await run.fetchJson(keyUrl);
  if (!fetched.ok) return { ok: false, problem: fetched.problem };
  const document = fetched.value;
  if (Array.isArray(document.keys)) {
    const keys = document.keys.filter(isJsonNode);
    const match = fragment === undefined && keys.length === 1 ? keys[0] : keys.find((key) => key.kid === fragment || key.kid === kid);
    if (!match) return { ok: false, problem: text('VC_KEY_NOT_FOUND', { method: kid, document: keyUrl }) };
    return { ok: true, jwk: match, signer: { via: 'key-url', methodId: kid, keyUrl } };
  }
  if (typeof document.kty === 'string') return { ok: true, jwk: document, signer: { via: 'key-url', methodId: kid, keyUrl } };
  return fromMethod(await resolveVerificationMethod(kid, run));
}

async function fromMethod(resolution: Awaited<ReturnType<typeof resolveVerificationMethod>>): Promise<KeyLookup> {
  if (!resolution.ok) return resolution;
  const jwk = await jwkOf(resolution.method);
  if (!jwk) return { ok: false, problem: text('VC_KEY_UNUSABLE', { method: resolution.method.id }) };
  return { ok: true, jwk, signer: { via: 'controller', methodId: resolution.method.id, controller: resolution.method.controller } };
}

async function jwkOf(method: ResolvedMethod): Promise<JsonNode | undefined> {
  if (method.publicKeyJwk) return method.publicKeyJwk;
  if (!method.publicKeyMultibase?.startsWith('z6Mk')) return undefined;
  try {
    const { Ed25519Multikey } = await digitalBazaar();
    return await Ed25519Multikey.toJwk({ keyPair: await Ed25519Multikey.from({ publicKeyMultibase: method.publicKeyMultibase }) });
  } catch {
    return undefined;
  }
}

/**
 * OB 3.0 §8.2.4.1: the claims restate the credential, and must agree with it. A VC 1.1 JWT (the
 * credential in `vc`) must name its issuer in `iss`; the others are checked when present, since a
 * VC 2.0 JWT carries the credential itself as its payload.
 */
function claimFindings(jwt: CredentialJwt, credential: JsonNode): Finding[] {
  const claims = jwt.payload;
  const findings: Finding[] = [];
  const mismatch = (claim: string, value: unknown, expected: unknown) =>
    findings.push(failure(Ob3Code.EXTERNAL_PROOF, text('VC_JWT_CLAIM_MISMATCH', { claim, value: JSON.stringify(value ?? null), expected: JSON.stringify(expected ?? null) })));
  const issuer = issuerIdOf(credential);
  if (claims.iss === undefined) {
    if (jwt.inVcClaim) findings.push(failure(Ob3Code.EXTERNAL_PROOF, text('VC_JWT_CLAIM_MISSING', { claim: 'iss' })));
  } else if (claims.iss !== issuer) mismatch('iss', claims.iss, issuer);
  if (claims.jti !== undefined && credential.id !== undefined && claims.jti !== credential.id) mismatch('jti', claims.jti, credential.id);
  const subjectId = isJsonNode(credential.credentialSubject) ? credential.credentialSubject.id : undefined;
  if (claims.sub !== undefined && subjectId !== undefined && claims.sub !== subjectId) mismatch('sub', claims.sub, subjectId);
  checkTime(claims.nbf, credential.validFrom ?? credential.issuanceDate, 'nbf', mismatch);
  checkTime(claims.exp, credential.validUntil ?? credential.expirationDate, 'exp', mismatch);
  return findings;
}

/** A NumericDate claim must be the credential's date (to the second) when both are given. */
function checkTime(claim: unknown, date: unknown, name: string, mismatch: (claim: string, value: unknown, expected: unknown) => void): void {
  if (claim === undefined || date === undefined) return;
  const ms = parseZonedDateTime(date);
  if (typeof claim !== 'number' || ms === undefined || Math.floor(ms / 1000) !== Math.floor(claim)) mismatch(name, claim, date);
}

export function issuerIdOf(credential: JsonNode): string | undefined {
  const issuer = credential.issuer;
  if (typeof issuer === 'string') return issuer;
  return isJsonNode(issuer) && typeof issuer.id === 'string' ? issuer.id : undefined;
}

function refused(problem: MessageText): ProofResult {
  return { verified: false, signers: [], findings: [failure(Ob3Code.EXTERNAL_PROOF, problem)] };
}
