import { text } from '../../report-texts/message-text';
import { asArray, type JsonNode } from '../../validation/present-values';
import { Ob3Code } from './codes';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from './read-input';
import { caution, failure, type Finding } from './types';

/** What a credential is expected to be, by the place it was found. */
export type CredentialKind = 'achievement' | 'endorsement' | 'status-list';

/** The current OB 3.0 context and its alias (both are what 3.0.3 publishes). */
const OB3_CURRENT = new Set(['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context.json']);
const OB3_EARLIER = /^https:\/\/purl\.imsglobal\.org\/spec\/ob\/v3p0\/context-3\.\d+\.\d+\.json$/;

const EXPECTED_TYPES: Record<CredentialKind, readonly string[]> = {
  achievement: ['OpenBadgeCredential', 'AchievementCredential'],
  endorsement: ['EndorsementCredential'],
  'status-list': ['BitstringStatusListCredential', 'StatusList2021Credential'],
};

/** The kind a credential says it is: an endorsement only when it says so and is not also a badge. */
export function credentialKindOf(credential: JsonNode): CredentialKind {
  const types = asArray(credential.type);
  return types.includes('EndorsementCredential') && !EXPECTED_TYPES.achievement.some((t) => types.includes(t)) ? 'endorsement' : 'achievement';
}

/** The VC data model a credential follows, by its first context ('2.0' when it names neither). */
export function vcVersionOf(credential: JsonNode): '2.0' | '1.1' {
  return asArray(credential['@context'])[0] === VC_V1_CONTEXT ? '1.1' : '2.0';
}

/**
 * ContextPropertyProbe and TypePropertyProbe of the reference validator: the VC context first (1.1
 * is a warning, as the validator says), an OB 3.0 context (an earlier 3.0.x is a warning), and the
 * types the credential must have where it was found.
 */
export function checkContextAndTypes(credential: JsonNode, kind: CredentialKind): Finding[] {
  const findings: Finding[] = [];
  const contexts = asArray(credential['@context']);
  if (contexts.length === 0) {
    findings.push(failure(Ob3Code.CONTEXT, text('VC_CONTEXT_MISSING', {}), '@context'));
  } else {
    const first = contexts[0];
    if (first === VC_V1_CONTEXT) findings.push(caution(Ob3Code.CONTEXT, text('VC_CONTEXT_V1', {}), '@context'));
    else if (first !== VC_V2_CONTEXT) findings.push(failure(Ob3Code.CONTEXT, text('VC_CONTEXT_FIRST', { context: typeof first === 'string' ? first : JSON.stringify(first).slice(0, 80) }), '@context'));
    if (kind !== 'status-list') findings.push(...obContextFindings(contexts));
  }
  const types = asArray(credential.type);
  const expected = EXPECTED_TYPES[kind];
  if (!types.includes('VerifiableCredential') || !expected.some((type) => types.includes(type))) {
    findings.push(failure(Ob3Code.TYPE, text('VC_TYPE_MISSING', { expected: expected.join(' / ') }), 'type'));
  }
  return findings;
}

function obContextFindings(contexts: unknown[]): Finding[] {
  if (contexts.some((context) => typeof context === 'string' && OB3_CURRENT.has(context))) return [];
  const earlier = contexts.find((context): context is string => typeof context === 'string' && OB3_EARLIER.test(context));
  if (earlier) return [caution(Ob3Code.CONTEXT, text('VC_CONTEXT_OLD_OB', { context: earlier }), '@context')];
  return [failure(Ob3Code.CONTEXT, text('VC_CONTEXT_NO_OB', {}), '@context')];
}
