import { parseZonedDateTime } from '../../../validation/datetime';
import { text, type MessageText } from '../../../report-texts/message-text';
import { CLOCK_SKEW_MS } from '../../../validation/timestamp-checks';
import { asArray, isJsonNode, type JsonNode } from '../../../validation/present-values';
import { checkContextAndTypes } from '../check-context';
import { checkSignature } from '../check-signature';
import { Ob3Code } from '../codes';
import { MAX_STATUS_ENTRIES } from '../limits';
import { issuerIdOf } from '../proof/check-vc-jwt';
import { readCredentialInput } from '../read-input';
import type { CredentialRun } from '../run-context';
import { failure, type Finding } from '../types';
import { decodeStatusBits, type StatusBits } from './decode-status-list';

type StatusList = { ok: true; bits: StatusBits; purposes: string[] } | { ok: false; problems: MessageText[] };

const BITSTRING_ENTRY_TYPES = new Set(['BitstringStatusListEntry', 'StatusList2021Entry']);
const ONE_EDTECH_LIST = '1EdTechRevocationList';

/**
 * The credential's status: a `BitstringStatusListEntry` (or its predecessor StatusList2021Entry)
 * looks its bit up in the issuer's status list credential, whose own proof, issuer and dates are
 * checked first; a `1EdTechRevocationList` is the list of revoked credential ids OB 3.0 names.
 * A status that cannot be checked is an error: nobody can say the badge was not revoked.
 */
export async function checkStatus(credential: JsonNode, run: CredentialRun): Promise<Finding[]> {
  const entries = asArray(credential.credentialStatus);
  if (entries.length === 0) return [];
  if (entries.length > MAX_STATUS_ENTRIES) return [failure(Ob3Code.BITSTRING_STATUS, text('VC_STATUS_TOO_MANY', { count: entries.length, limit: MAX_STATUS_ENTRIES }), 'credentialStatus')];
  const findings: Finding[] = [];
  for (const entry of entries) {
    const type = isJsonNode(entry) ? entry.type : undefined;
    const types = asArray(type);
    if (isJsonNode(entry) && types.some((t) => typeof t === 'string' && BITSTRING_ENTRY_TYPES.has(t))) findings.push(...(await checkBitstringEntry(entry, credential, run)));
    else if (isJsonNode(entry) && types.includes(ONE_EDTECH_LIST)) findings.push(...(await checkOneEdTechList(entry, credential, run)));
    else findings.push(failure(Ob3Code.BITSTRING_STATUS, text('VC_STATUS_UNSUPPORTED', { type: types.filter((t) => typeof t === 'string').join(', ') || 'none' }), 'credentialStatus'));
  }
  return findings;
}

async function checkBitstringEntry(entry: JsonNode, credential: JsonNode, run: CredentialRun): Promise<Finding[]> {
  const invalid = (property: string) => [failure(Ob3Code.BITSTRING_STATUS, text('VC_STATUS_ENTRY_INVALID', { property }), 'credentialStatus')];
  const purpose = entry.statusPurpose;
  if (typeof purpose !== 'string' || purpose === '') return invalid('statusPurpose');
  const index = statusIndex(entry.statusListIndex);
  if (index === undefined) return invalid('statusListIndex');
  const listUrl = entry.statusListCredential;
  if (typeof listUrl !== 'string' || !/^https?:\/\//i.test(listUrl) || !URL.canParse(listUrl)) return invalid('statusListCredential');
  // Only these purposes say whether the badge is valid; "message" and "refresh" lists say other things.
  if (purpose !== 'revocation' && purpose !== 'suspension') return [];

  const list = await loadStatusList(listUrl, credential, run);
  if (!list.ok) return [unavailable(listUrl, list.problems)];
  if (!list.purposes.includes(purpose)) return [unavailable(listUrl, [text('VC_STATUS_PURPOSE_MISMATCH', { purpose, listPurpose: list.purposes.join(', ') })])];
  if (index >= list.bits.length) return [unavailable(listUrl, [text('VC_STATUS_INDEX_OUT_OF_RANGE', { index, length: list.bits.length })])];
  if (!list.bits.isSet(index)) return [];
  if (purpose === 'suspension') return [failure(Ob3Code.BITSTRING_STATUS, text('VC_SUSPENDED_IN_LIST', { list: listUrl }), 'credentialStatus')];
  return [failure(Ob3Code.BITSTRING_STATUS, await revokedText(credential, listUrl, run), 'credentialStatus')];
}

/** OB 3.0's own list: `revokedCredential` entries by credential id, `revoked` true or left out. */
async function checkOneEdTechList(entry: JsonNode, credential: JsonNode, run: CredentialRun): Promise<Finding[]> {
  const listUrl = entry.id;
  if (typeof listUrl !== 'string' || !/^https?:\/\//i.test(listUrl) || !URL.canParse(listUrl)) {
    return [failure(Ob3Code.REVOCATION_LIST, text('VC_STATUS_ENTRY_INVALID', { property: 'id' }), 'credentialStatus')];
  }
  const fetched = await run.fetchJson(listUrl);
  if (!fetched.ok) return [failure(Ob3Code.REVOCATION_LIST, text('VC_STATUS_UNAVAILABLE', { list: listUrl, details: [fetched.problem] }), 'credentialStatus')];
  const revoked = asArray(fetched.value.revokedCredential).some((item) => isJsonNode(item) && item.id === credential.id && item.revoked !== false);
  return revoked ? [failure(Ob3Code.REVOCATION_LIST, await revokedText(credential, listUrl, run), 'credentialStatus')] : [];
}

/**
 * The status list credential at `url`: a Verifiable Credential (JSON or VC-JWT) of type
 * BitstringStatusListCredential, signed by the badge's own issuer and valid now, whose subject
 * holds the encoded list. Each list is read once per verification.
 */
async function loadStatusList(url: string, credential: JsonNode, run: CredentialRun): Promise<StatusList> {
  const fetched = await run.fetchText(url);
  if (!fetched.ok) return { ok: false, problems: [fetched.problem] };
  const read = readCredentialInput(fetched.value);
  if (!read.ok) return { ok: false, problems: [read.finding.text] };
  const list = read.credential;
  const problems: MessageText[] = [];
  const shape = checkContextAndTypes(list, 'status-list').filter((finding) => finding.level === 'ERROR');
  if (shape.length > 0) return { ok: false, problems: [text('VC_STATUS_LIST_NOT_LIST', {}), ...shape.map((finding) => finding.text)] };
  const signature = await checkSignature(list, read.jwt, run);
  problems.push(...[...signature.proof.findings, ...signature.issuer].filter((finding) => finding.level === 'ERROR').map((finding) => finding.text));
  const listIssuer = issuerIdOf(list);
  const badgeIssuer = issuerIdOf(credential);
  if (listIssuer !== badgeIssuer) problems.push(text('VC_STATUS_LIST_WRONG_ISSUER', { issuer: listIssuer ?? '', expected: badgeIssuer ?? '' }));
  const validUntil = list.validUntil ?? list.expirationDate;
  const until = parseZonedDateTime(validUntil);
  if (until !== undefined && until < run.now.getTime()) problems.push(text('VC_STATUS_LIST_EXPIRED', { validUntil: String(validUntil) }));
  const validFrom = list.validFrom ?? list.issuanceDate;
  const from = parseZonedDateTime(validFrom);
  if (from !== undefined && from > run.now.getTime() + CLOCK_SKEW_MS) problems.push(text('VC_NOT_YET_VALID', { validFrom: String(validFrom) }));
  const subject = asArray(list.credentialSubject).find(isJsonNode);
  if (!subject || typeof subject.encodedList !== 'string') problems.push(text('VC_STATUS_LIST_NOT_LIST', {}));
  if (problems.length > 0 || !subject) return { ok: false, problems };
  const decoded = await decodeStatusBits(subject.encodedList as string);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return { ok: true, bits: decoded.bits, purposes: asArray(subject.statusPurpose).filter((p): p is string => typeof p === 'string') };
}

/** "Revoked by its issuer": the list has no reason; this platform's own credentials get theirs from the issuer. */
async function revokedText(credential: JsonNode, listUrl: string, run: CredentialRun): Promise<MessageText> {
  const issuer = isJsonNode(credential.issuer) && typeof credential.issuer.name === 'string' ? credential.issuer.name : '';
  const details = typeof credential.id === 'string' && run.options.revocationDetails ? await run.options.revocationDetails(credential.id).catch(() => undefined) : undefined;
  if (!details?.reason && !details?.date) return text('VC_REVOKED_IN_LIST', { issuer, list: listUrl });
  const date = details.date && /^\d{4}-\d{2}-\d{2}/.test(details.date) ? details.date.slice(0, 10) : '';
  return text('REVOKED_LISTED', { revocation: [text('REVOKED', { issuer, date, reason: details.reason?.trim() ?? '' })], list: listUrl });
}

function unavailable(listUrl: string, problems: MessageText[]): Finding {
  return failure(Ob3Code.BITSTRING_STATUS, text('VC_STATUS_UNAVAILABLE', { list: listUrl, details: problems }), 'credentialStatus');
}

/** `statusListIndex` is a string of digits in VC 2.0 (a number in older lists). */
function statusIndex(value: unknown): number | undefined {
  const index = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof index === 'number' && Number.isSafeInteger(index) && index >= 0 ? index : undefined;
}
