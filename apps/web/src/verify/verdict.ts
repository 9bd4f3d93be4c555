import type { VerifyResult } from '../api/verify-api';

export type Verdict = 'valid' | 'revoked' | 'expired' | 'invalid';

// The verifier's message codes for a revocation (hosted 410, `revoked: true`, a RevocationList entry).
const REVOKED_CODES = new Set(['PROCESS_410_GONE', 'ASSERTION_NOT_REVOKED', 'VERIFY_SIGNED_ASSERTION_NOT_REVOKED']);
// OB 3.0 (decision 0048): its status list marks the credential revoked (with or without a reason we know).
const OB3_REVOKED_MESSAGES = new Set(['VC_REVOKED_IN_LIST', 'REVOKED_LISTED']);
const OB3_EXPIRED_CODE = 'ExpirationProbe';
const OB3_CREDENTIAL_TYPES = ['OpenBadgeCredential', 'AchievementCredential'];

/** The one-word answer a visitor needs first, and the verifier's sentence that explains it. */
export function verdictOf(result: VerifyResult, now = new Date()): { verdict: Verdict; reason?: string } {
  if (result.report.valid) return { verdict: 'valid' };
  const errors = result.report.messages.filter((message) => message.level === 'ERROR');
  const revoked = errors.find((message) => REVOKED_CODES.has(message.code) || OB3_REVOKED_MESSAGES.has(message.messageCode ?? ''));
  if (revoked) return { verdict: 'revoked', reason: revoked.message };
  const pastValidUntil = errors.find((message) => message.code === OB3_EXPIRED_CODE);
  if (pastValidUntil) return { verdict: 'expired', reason: pastValidUntil.message };
  const expires = stringField(findNode(result, 'Assertion'), 'expires');
  const timestamp = errors.find((message) => message.code === 'ASSERTION_TIMESTAMP_CHECKS');
  if (timestamp && expires && new Date(expires) < now) return { verdict: 'expired', reason: timestamp.message };
  return { verdict: 'invalid', reason: errors[0]?.message };
}

export interface BadgeSummary {
  name?: string;
  description?: string;
  image?: string;
  criteriaUrl?: string;
  criteriaNarrative?: string;
  issuerName?: string;
  issuerUrl?: string;
  issuedOn?: string;
  expires?: string;
  assertionUrl?: string;
  /** The language of the texts above when they are a translation (so the page can mark them up). */
  language?: string;
}

/**
 * The badge as the verifier read it, from the graph of documents it loaded; its name, description
 * and criteria from the edition in the reader's language when the verifier found one.
 */
export function summarise(result: VerifyResult): BadgeSummary {
  const own = summariseGraph(result);
  const edition = result.report.badgeEdition;
  if (!edition) return own;
  return {
    ...own,
    name: edition.name,
    description: edition.description ?? own.description,
    criteriaNarrative: edition.criteriaNarrative ?? own.criteriaNarrative,
    language: edition.language,
  };
}

function summariseGraph(result: VerifyResult): BadgeSummary {
  const credential = findNode(result, OB3_CREDENTIAL_TYPES);
  if (credential) return summariseCredential(credential);
  const assertion = findNode(result, 'Assertion');
  const badgeClass = findNode(result, 'BadgeClass', idOf(assertion?.badge));
  const issuer = findNode(result, ['Issuer', 'Profile'], idOf(badgeClass?.issuer));
  const criteria = badgeClass?.criteria;
  return {
    name: stringField(badgeClass, 'name'),
    description: stringField(badgeClass, 'description'),
    image: idOf(badgeClass?.image),
    criteriaUrl: typeof criteria === 'string' ? criteria : idOf(criteria),
    criteriaNarrative: criteria && typeof criteria === 'object' ? stringField(criteria as Record<string, unknown>, 'narrative') : undefined,
    issuerName: stringField(issuer, 'name'),
    issuerUrl: stringField(issuer, 'url'),
    issuedOn: stringField(assertion, 'issuedOn'),
    expires: stringField(assertion, 'expires'),
    assertionUrl: stringField(assertion, 'id'),
  };
}

/** An OB 3.0 credential carries its achievement and issuer inside it. */
function summariseCredential(credential: Record<string, unknown>): BadgeSummary {
  const subject = [credential.credentialSubject].flat()[0] as Record<string, unknown> | undefined;
  const achievement = subject?.achievement as Record<string, unknown> | undefined;
  const issuer = credential.issuer && typeof credential.issuer === 'object' ? (credential.issuer as Record<string, unknown>) : undefined;
  const criteria = achievement?.criteria as Record<string, unknown> | undefined;
  return {
    name: stringField(achievement, 'name') ?? stringField(credential, 'name'),
    description: stringField(achievement, 'description'),
    image: idOf(achievement?.image),
    criteriaUrl: stringField(criteria, 'id'),
    criteriaNarrative: stringField(criteria, 'narrative'),
    issuerName: stringField(issuer, 'name'),
    issuerUrl: stringField(issuer, 'url'),
    issuedOn: stringField(credential, 'validFrom') ?? stringField(credential, 'issuanceDate'),
    expires: stringField(credential, 'validUntil') ?? stringField(credential, 'expirationDate'),
    assertionUrl: stringField(credential, 'id'),
  };
}

/** `passed` / `failed` when an expected recipient was checked, otherwise undefined. */
export function recipientCheck(result: VerifyResult): 'passed' | 'failed' | undefined {
  const step = result.report.steps?.find((candidate) => candidate.step === 'RECIPIENT');
  if (!step || step.status === 'not_applicable' || step.status === 'skipped') return undefined;
  return step.status === 'passed' ? 'passed' : 'failed';
}

function findNode(result: VerifyResult, types: string | string[], id?: string): Record<string, unknown> | undefined {
  const wanted = Array.isArray(types) ? types : [types];
  const ofType = result.graph.filter((node) => [node.type].flat().some((type) => typeof type === 'string' && wanted.includes(type)));
  return (id && ofType.find((node) => node.id === id)) || ofType[0];
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  return undefined;
}

function stringField(node: Record<string, unknown> | undefined, field: string): string | undefined {
  const value = node?.[field];
  return typeof value === 'string' ? value : undefined;
}
