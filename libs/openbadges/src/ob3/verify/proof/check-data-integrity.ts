import { text } from '../../../report-texts/message-text';
import { asArray, isJsonNode, type JsonNode } from '../../../validation/present-values';
import { Ob3Code } from '../codes';
import { resolveVerificationMethod } from '../keys/resolve-method';
import type { ResolvedMethod } from '../keys/resolved-method';
import { MAX_PROOFS } from '../limits';
import type { CredentialRun } from '../run-context';
import { caution, failure, type Finding } from '../types';
import { digitalBazaar } from './digital-bazaar';
import { proofDocumentLoader, type SuiteKeyType } from './document-loader';
import type { ProofResult, Signer } from './proof-result';
import { instantWithinValidity } from './validity-instant';

/** The embedded proofs this verifier checks, and the key type each reads. */
function suiteOf(proof: JsonNode): SuiteKeyType | undefined {
  if (proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022') return 'Multikey';
  if (proof.type === 'Ed25519Signature2020') return 'Ed25519VerificationKey2020';
  return undefined;
}

/**
 * EmbeddedProofProbe: the credential's embedded proofs (a `DataIntegrityProof` with eddsa-rdfc-2022,
 * or the legacy `Ed25519Signature2020`, reported as legacy) checked by `@digitalbazaar/vc` with the
 * keys resolve-method.ts found. Any one proof that checks out is enough, as OB 3.0 says; proofs of
 * other kinds are ignored when one does. The credential's dates and status are checked elsewhere,
 * so the library is asked about an instant at which the credential is valid (validity-instant.ts).
 */
export async function checkDataIntegrity(credential: JsonNode, run: CredentialRun): Promise<ProofResult> {
  const proofs = asArray(credential.proof).filter(isJsonNode);
  if (proofs.length === 0) return refused(text('VC_PROOF_MISSING', {}));
  if (proofs.length > MAX_PROOFS) return refused(text('VC_PROOF_TOO_MANY', { count: proofs.length, limit: MAX_PROOFS }));
  const supported = proofs.filter((proof) => suiteOf(proof) !== undefined);
  if (supported.length === 0) {
    const [first] = proofs;
    const name = [first.type, first.cryptosuite].filter((part) => typeof part === 'string').join(' ');
    return refused(text('VC_PROOF_UNSUPPORTED', { type: name || 'unknown' }));
  }

  const resolved: Array<{ method: ResolvedMethod; keyType: SuiteKeyType }> = [];
  const problems: Finding[] = [];
  for (const proof of supported) {
    const resolution = await resolveVerificationMethod(proof.verificationMethod, run);
    if (!resolution.ok) problems.push(failure(Ob3Code.EMBEDDED_PROOF, resolution.problem));
    else {
      const method = await withMultibase(resolution.method);
      if (method) resolved.push({ method, keyType: suiteOf(proof) as SuiteKeyType });
      else problems.push(failure(Ob3Code.EMBEDDED_PROOF, text('VC_KEY_UNUSABLE', { method: resolution.method.id })));
    }
  }
  if (resolved.length === 0) return { verified: false, signers: [], findings: problems };

  const db = await digitalBazaar();
  const suites = [];
  if (resolved.some((r) => r.keyType === 'Multikey')) suites.push(new db.DataIntegrityProof({ cryptosuite: db.eddsaRdfc2022 }));
  if (resolved.some((r) => r.keyType === 'Ed25519VerificationKey2020')) suites.push(new db.Ed25519Signature2020());
  const result = await db.vc.verifyCredential({
    credential,
    suite: suites,
    documentLoader: proofDocumentLoader(resolved),
    // The issuer binding is checked apart (check-issuer.ts), so it is reported as its own step.
    purpose: new db.AssertionProofPurpose(),
    now: instantWithinValidity(credential, run.now),
    checkStatus: async () => ({ verified: true }),
  });
  const checked = (result.results ?? []).filter((entry) => entry.proof !== undefined);
  if (!result.verified) {
    const cause = firstError(result);
    const reason = (cause?.message ?? 'no proof matched').replace(/\.+$/, '');
    // The signed data is canonicalised in JSON-LD safe mode: a credential with undefined terms cannot
    // be read unambiguously, which the JSON-LD step reports; its signature is then unknown, not wrong.
    // And no proof tried at all means the library refused the credential itself (its shape).
    const finding =
      cause?.name === 'jsonld.ValidationError' ? text('VC_PROOF_NOT_CHECKED_JSONLD', {}) : checked.length === 0 ? text('VC_PROOF_NOT_CHECKED', { reason }) : text('VC_PROOF_INVALID', { reason });
    return { verified: false, signers: [], findings: [...problems, failure(Ob3Code.EMBEDDED_PROOF, finding)] };
  }
  const signers: Signer[] = checked
    .filter((entry) => entry.verified && isJsonNode(entry.verificationMethod))
    .map((entry) => ({ via: 'controller', methodId: String(entry.verificationMethod?.id), controller: String(entry.verificationMethod?.controller) }));
  const findings: Finding[] = problems.map((problem) => ({ ...problem, level: 'WARNING' }));
  // Legacy is worth telling only when no current proof checked out beside it.
  const legacyOnly = checked.filter((entry) => entry.verified).every((entry) => entry.proof?.type === 'Ed25519Signature2020');
  if (legacyOnly) findings.push(caution(Ob3Code.EMBEDDED_PROOF, text('VC_PROOF_LEGACY', { type: 'Ed25519Signature2020' })));
  return { verified: true, signers, findings };
}

/** The suites read Ed25519 keys as multibase; a JWK (OKP Ed25519) is converted, anything else is unusable. */
async function withMultibase(method: ResolvedMethod): Promise<ResolvedMethod | undefined> {
  if (method.publicKeyMultibase?.startsWith('z6Mk')) return method;
  if (!method.publicKeyJwk || method.publicKeyJwk.kty !== 'OKP' || method.publicKeyJwk.crv !== 'Ed25519') return undefined;
  try {
    const { Ed25519Multikey } = await digitalBazaar();
    const keyPair = await Ed25519Multikey.fromJwk({ jwk: { kty: 'OKP', crv: 'Ed25519', x: method.publicKeyJwk.x } });
    return { ...method, publicKeyMultibase: keyPair.publicKeyMultibase };
  } catch {
    return undefined;
  }
}

/** The library reports failures as `error` (with each proof's in `errors`) or per result; the first says why. */
function firstError(result: { error?: unknown; results?: Array<{ error?: unknown }> }): Error | undefined {
  const top = result.error as (Error & { errors?: Error[] }) | undefined;
  return top?.errors?.[0] ?? (result.results?.find((entry) => entry.error)?.error as Error | undefined) ?? top;
}

function refused(reason: ReturnType<typeof text>): ProofResult {
  return { verified: false, signers: [], findings: [failure(Ob3Code.EMBEDDED_PROOF, reason)] };
}
