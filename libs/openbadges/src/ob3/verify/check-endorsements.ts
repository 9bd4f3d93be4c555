import { renderText } from '../../report-texts/render';
import { text, type MessageText } from '../../report-texts/message-text';
import { asArray, isJsonNode, type JsonNode } from '../../validation/present-values';
import type { EndorsementCheck } from '../../verification/report';
import { checkContextAndTypes } from './check-context';
import { checkJsonLd } from './check-jsonld';
import { checkSignature } from './check-signature';
import { checkValidity } from './check-validity';
import { Ob3Code } from './codes';
import { MAX_ENDORSEMENTS } from './limits';
import { issuerIdOf } from './proof/check-vc-jwt';
import { readCredentialInput, type ReadCredential } from './read-input';
import type { CredentialRun } from './run-context';
import { checkStatus } from './status/check-status';
import { caution, type Finding } from './types';

interface Found {
  /** The id of what carries the endorsement (the credential, its achievement, a profile). */
  target: string;
  value: unknown;
  label: string;
}

interface Problem {
  code: string;
  text: MessageText;
}

const REVOKED_TEXTS = new Set(['VC_REVOKED_IN_LIST', 'REVOKED_LISTED']);

/**
 * Every EndorsementCredential the badge carries (`endorsement` objects and `endorsementJwt`
 * strings, on the credential, its achievement, its issuer or any other node, as the reference
 * validator looks for them) verified as a credential of its own: type, proof, its key its issuer's,
 * what it endorses, status and dates. A bad endorsement is a warning and its own verdict in
 * `report.endorsements`: a third party's word going bad does not make the badge invalid.
 */
export async function checkEndorsements(credential: JsonNode, run: CredentialRun): Promise<Finding[]> {
  const found = collectEndorsements(credential);
  const findings: Finding[] = [];
  if (found.length > MAX_ENDORSEMENTS) findings.push(caution(Ob3Code.ENDORSEMENT_NOT_VERIFIED, text('VC_ENDORSEMENT_TOO_MANY', { count: found.length, limit: MAX_ENDORSEMENTS })));
  for (const endorsement of found.slice(0, MAX_ENDORSEMENTS)) {
    const { check, finding } = await verifyEndorsement(endorsement, run);
    run.endorsements.push(check);
    if (finding) findings.push(finding);
  }
  return findings;
}

async function verifyEndorsement(found: Found, run: CredentialRun): Promise<{ check: EndorsementCheck; finding?: Finding }> {
  // A JWT endorsement is read like a JWT input; an object is the endorsement itself (within the badge's budget).
  const read: ReadCredential = typeof found.value === 'string' || !isJsonNode(found.value) ? readCredentialInput(String(found.value)) : { ok: true, credential: found.value };
  if (!read.ok) return outcome(found, undefined, [{ code: Ob3Code.ENDORSEMENT_NOT_VERIFIED, text: read.finding.text }]);
  const endorsement = read.credential;
  const problems: Problem[] = [];
  const notVerified = (findings: Finding[]) =>
    problems.push(...findings.filter((f) => f.level === 'ERROR').map((f) => ({ code: Ob3Code.ENDORSEMENT_NOT_VERIFIED, text: f.text })));
  notVerified(checkContextAndTypes(endorsement, 'endorsement'));
  // An embedded endorsement was read with the badge (JSON-LD step); one inside a JWT was not.
  if (read.jwt) notVerified(await checkJsonLd(endorsement));
  const signature = await checkSignature(endorsement, read.jwt, run);
  problems.push(...signature.proof.findings.filter((f) => f.level === 'ERROR').map((f) => ({ code: Ob3Code.ENDORSEMENT_SIGNATURE_INVALID, text: f.text })));
  problems.push(...signature.issuer.map((f) => ({ code: Ob3Code.ENDORSEMENT_KEY_NOT_OWNED, text: f.text })));
  const subject = asArray(endorsement.credentialSubject).find(isJsonNode);
  if (subject?.id !== found.target) {
    problems.push({ code: Ob3Code.ENDORSEMENT_CLAIM_MISMATCH, text: text('VC_ENDORSEMENT_OTHER_SUBJECT', { endorsement: found.label, subject: String(subject?.id ?? '—'), target: found.target }) });
  }
  for (const status of await checkStatus(endorsement, run)) {
    problems.push({ code: REVOKED_TEXTS.has(status.text.messageCode) ? Ob3Code.ENDORSEMENT_REVOKED : Ob3Code.ENDORSEMENT_NOT_VERIFIED, text: status.text });
  }
  notVerified(checkValidity(endorsement, run.now));
  return outcome(found, endorsement, problems);
}

function outcome(found: Found, endorsement: JsonNode | undefined, problems: Problem[]): { check: EndorsementCheck; finding?: Finding } {
  const revoked = problems.some((p) => p.code === Ob3Code.ENDORSEMENT_REVOKED);
  const issuer = endorsement ? endorsement.issuer : undefined;
  const issuerId = endorsement ? issuerIdOf(endorsement) : undefined;
  const subject = endorsement ? asArray(endorsement.credentialSubject).find(isJsonNode) : undefined;
  const issuedOn = endorsement?.validFrom ?? endorsement?.issuanceDate;
  const check: EndorsementCheck = {
    id: found.label,
    target: found.target,
    status: problems.length === 0 ? 'valid' : revoked ? 'revoked' : 'invalid',
    ...(issuerId ? { endorser: { id: issuerId, ...(isJsonNode(issuer) && typeof issuer.name === 'string' ? { name: issuer.name } : {}) } } : {}),
    ...(typeof subject?.endorsementComment === 'string' ? { comment: subject.endorsementComment } : {}),
    ...(typeof issuedOn === 'string' ? { issuedOn } : {}),
    problems: problems.map((p) => renderText(p.text)),
    problemTexts: problems.map((p) => p.text),
  };
  if (problems.length === 0) return { check };
  const lead = revoked ? problems.find((p) => p.code === Ob3Code.ENDORSEMENT_REVOKED) ?? problems[0] : problems[0];
  const sentence = revoked
    ? text('VC_ENDORSEMENT_REVOKED', { endorsement: found.label })
    : text('VC_ENDORSEMENT_PROBLEM', { endorsement: found.label, details: problems.map((p) => p.text) });
  return { check, finding: caution(lead.code, sentence) };
}

/** Endorsements anywhere in the credential (not inside another endorsement), iteratively: depth is bounded already. */
export function collectEndorsements(credential: JsonNode): Found[] {
  const found: Found[] = [];
  const stack: Array<{ node: JsonNode; path: string }> = [{ node: credential, path: typeof credential.id === 'string' ? credential.id : 'credential' }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    const { node, path } = next;
    const target = typeof node.id === 'string' ? node.id : path;
    for (const property of ['endorsement', 'endorsementJwt']) {
      asArray(node[property]).forEach((value, index) => {
        const label = isJsonNode(value) && typeof value.id === 'string' ? value.id : `${target} > ${property}[${index}]`;
        found.push({ target, value, label });
      });
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'endorsement' || key === 'endorsementJwt' || key === 'proof') continue;
      asArray(value).forEach((child, index) => {
        if (isJsonNode(child)) stack.push({ node: child, path: `${target} > ${key}${Array.isArray(value) ? `[${index}]` : ''}` });
      });
    }
  }
  return found;
}
