import { parseJsonWithinLimits } from '../../json/bounded-json';
import { TaskCode } from '../../validation/messages';
import { isJsonNode, type JsonNode } from '../../validation/present-values';
import { loadNode } from '../load-node';
import { isAllowedJwsAlgorithm } from '../signed/allowed-algorithms';
import { checkSignedBy, type SignerProblem } from '../signed/check-signed-by';
import { revocationEntryFor, revocationListUrl } from '../signed/check-revocation-list';
import { decodeJwsUnverified } from '../signed/decode-jws-payload';
import type { VerificationContext } from '../verification-context';
import { text, textsOf, type MessageText } from '../../report-texts/message-text';

/** How a signed document's compact JWS is asked for at its URL (as for signed assertions here). */
export const JOSE_MEDIA_TYPE = 'application/jose';

export interface EndorsementProblem {
  code: string;
  text: MessageText;
}

export interface SignedEndorsementResult {
  problems: EndorsementProblem[];
  /** The endorser's RevocationList entry for it, when it was withdrawn. */
  revocation?: unknown;
}

/**
 * A signed endorsement (`verification: SignedBadge`): its JSON proves nothing by itself, so its
 * signed form is fetched from the same URL (`Accept: application/jose`) and must be the same
 * endorsement (id, issuer, claim), signed with a key the endorser Profile lists in `publicKey`
 * and that names the Profile as its `owner`; the endorser's RevocationList must not list it.
 */
export async function checkSignedEndorsement(endorsement: JsonNode, endorser: JsonNode, ctx: VerificationContext): Promise<SignedEndorsementResult> {
  // A key or list that fails to load is this endorsement's problem, not the badge's: its fetch
  // errors are taken back out of the report and told in the endorsement's own (warning) problem.
  const mark = ctx.messages.length;
  const result = await check(endorsement, endorser, ctx);
  const fetchFailures = textsOf(ctx.messages.splice(mark));
  const last = result.problems.at(-1);
  if (last && fetchFailures.length > 0) last.text = { ...last.text, params: { ...last.text.params, details: fetchFailures } };
  return result;
}

async function check(endorsement: JsonNode, endorser: JsonNode, ctx: VerificationContext): Promise<SignedEndorsementResult> {
  const id = String(endorsement.id);
  const invalid = (problem: MessageText): SignedEndorsementResult => ({ problems: [{ code: TaskCode.ENDORSEMENT_SIGNATURE_INVALID, text: problem }] });
  const signed = await fetchSignedForm(id, ctx);
  // 410 is how a withdrawn endorsement answers (an embedded copy can outlive it): revoked, not invalid.
  if (!signed.ok && signed.gone) return { problems: [], revocation: signed.gone };
  if (!signed.ok) return invalid(text('ENDORSEMENT_SIGNED_FORM_UNAVAILABLE', { endorsement: id, reason: signed.reason, details: [] }));
  const decoded = decodeJwsUnverified(signed.jws);
  if (!decoded.ok) return invalid(text('ENDORSEMENT_SIGNED_FORM_UNUSABLE', { endorsement: id, reason: [decoded.reason], details: [] }));
  if (!isAllowedJwsAlgorithm(decoded.alg)) return invalid(text('ENDORSEMENT_ALGORITHM_REFUSED', { endorsement: id, alg: decoded.alg, details: [] }));
  const payload = decoded.payload;
  if (payload.id !== id || payload.issuer !== endorser.id || claimIdOf(payload) !== claimIdOf(endorsement)) {
    return invalid(text('ENDORSEMENT_SIGNED_FORM_DIFFERS', { endorsement: id, details: [] }));
  }
  const creator = isJsonNode(payload.verification) ? payload.verification.creator : undefined;
  const problems = (await checkSignedBy(signed.jws, decoded.alg, creator, endorser, ctx)).map((problem) => wordSignerProblem(problem, id, endorser));
  const listUrl = revocationListUrl(endorser);
  if (!listUrl) return { problems };
  const list = await loadNode(listUrl, ctx);
  if (!list) {
    problems.push({ code: TaskCode.ENDORSEMENT_NOT_VERIFIED, text: text('ENDORSEMENT_REVOCATION_LIST_UNAVAILABLE', { endorsement: id, list: listUrl, details: [] }) });
    return { problems };
  }
  ctx.addNode(list, 'RevocationList');
  const revocation = revocationEntryFor(list, endorsement);
  return revocation === undefined ? { problems } : { problems, revocation };
}

function wordSignerProblem(problem: SignerProblem, id: string, endorser: JsonNode): EndorsementProblem {
  const who = String(endorser.id);
  switch (problem.kind) {
    case 'creator_not_listed':
      return { code: TaskCode.ENDORSEMENT_KEY_NOT_OWNED, text: text('ENDORSEMENT_KEY_NOT_LISTED', { endorsement: id, key: problem.key, endorser: who, details: [] }) };
    case 'key_not_owned':
      return { code: TaskCode.ENDORSEMENT_KEY_NOT_OWNED, text: text('ENDORSEMENT_KEY_NOT_OWNED', { endorsement: id, key: problem.key, endorser: who, details: [] }) };
    case 'no_keys':
      return { code: TaskCode.ENDORSEMENT_SIGNATURE_INVALID, text: text('ENDORSEMENT_NO_KEYS', { endorsement: id, details: [] }) };
    case 'bad_signature':
      return { code: TaskCode.ENDORSEMENT_SIGNATURE_INVALID, text: text('ENDORSEMENT_SIGNATURE_INVALID', { endorsement: id, reasons: problem.reasons.join('; '), details: [] }) };
  }
}

function claimIdOf(endorsement: JsonNode): unknown {
  const claim = endorsement.claim;
  return typeof claim === 'string' ? claim : isJsonNode(claim) ? claim.id : undefined;
}

/** The compact JWS served at `url` for `Accept: application/jose`; once per URL, within the document limit. */
async function fetchSignedForm(url: string, ctx: VerificationContext): Promise<{ ok: true; jws: string } | { ok: false; reason: string; gone?: JsonNode }> {
  if (!ctx.signedForms.has(url)) {
    if (ctx.documentCount() >= ctx.maxDocuments) return { ok: false, reason: `this badge links to too many documents (limit ${ctx.maxDocuments})` };
    ctx.signedForms.set(url, undefined);
    try {
      ctx.signedForms.set(url, await ctx.fetchDocument(url, { accept: JOSE_MEDIA_TYPE }));
    } catch (err) {
      return { ok: false, reason: ((err as Error).message || 'network error').replace(/\.+$/, '') };
    }
  }
  const response = ctx.signedForms.get(url);
  if (!response) return { ok: false, reason: 'network error' };
  if (response.status === 410) return { ok: false, reason: 'it was withdrawn (HTTP 410 Gone)', gone: parsedObject(response.body) };
  if (response.status !== 200) return { ok: false, reason: `the server answered HTTP ${response.status}` };
  const jws = response.body.trim();
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(jws)) return { ok: false, reason: 'the answer is not a compact JWS' };
  return { ok: true, jws };
}

/** The body of a 410 (the revoked stub, with its reason) as an object; `{}` when it is not JSON. */
function parsedObject(body: string): JsonNode {
  try {
    const parsed: unknown = parseJsonWithinLimits(body);
    return isJsonNode(parsed) ? parsed : {};
  } catch {
    return {};
  }
}
