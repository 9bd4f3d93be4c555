import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import { error, warning, type ValidationMessage } from '../../validation/messages';
import { asArray, isJsonNode, type JsonNode } from '../../validation/present-values';
import type { InputType, VerificationResult } from '../../verification/report';
import type { StepName } from '../../verification/report';
import { checkContextAndTypes, credentialKindOf, vcVersionOf } from './check-context';
import { checkEndorsements, collectEndorsements } from './check-endorsements';
import { checkJsonLd } from './check-jsonld';
import { checkRecipient } from './check-recipient';
import { checkSchema } from './check-schema';
import { checkSignature } from './check-signature';
import { checkValidity } from './check-validity';
import { readCredentialInput } from './read-input';
import { reportOb3Steps } from './report-steps';
import { CredentialRun } from './run-context';
import { checkStatus } from './status/check-status';
import type { CredentialInput, Finding, VerifyCredentialOptions } from './types';

/**
 * Verify an Open Badges 3.0 credential (a W3C Verifiable Credential: an OpenBadgeCredential or
 * AchievementCredential, or an EndorsementCredential given alone), as OB 3.0 §9 says: it is one
 * (contexts and types), every term has a meaning (JSON-LD safe mode), it follows the official
 * schema, its proof checks out with a key its issuer controls, its status list does not mark it
 * revoked, it is valid now, and what vouches for it does too. Framework-free: every document is read
 * through `options.fetchDocument`. Never throws for bad input: a broken credential is a report, in
 * the same shape as 2.0's so every client shows both alike.
 */
export async function verifyOpenBadgeCredential(input: CredentialInput, options: VerifyCredentialOptions): Promise<VerificationResult> {
  const run = new CredentialRun(options);
  const read = readCredentialInput(input);
  const inputType = inputTypeOf(options, read.ok && read.jwt !== undefined);
  if (!read.ok) return result([read.finding], undefined, run, { readable: false, notApplicable: new Set(notAskedFor(options)), skipped: new Set() }, inputType, input);

  const { credential, jwt } = read;
  const kind = credentialKindOf(credential);
  const findings: Finding[] = [...checkContextAndTypes(credential, kind)];
  // Each step over a credential is linear but not free: the event loop gets a turn between them.
  await yieldToEventLoop();
  findings.push(...(await checkJsonLd(credential)));
  await yieldToEventLoop();
  if (kind === 'achievement') findings.push(...checkSchema(credential, vcVersionOf(credential)));
  await yieldToEventLoop();
  const signature = await checkSignature(credential, jwt, run);
  findings.push(...signature.proof.findings, ...signature.issuer);
  findings.push(...(await checkStatus(credential, run)));
  findings.push(...checkValidity(credential, run.now));
  findings.push(...(await checkEndorsements(credential, run)));
  if (options.recipientProfile) findings.push(...checkRecipient(credential, options.recipientProfile));

  const notApplicable = new Set<StepName>(notAskedFor(options));
  if (kind !== 'achievement') notApplicable.add('CREDENTIAL_SCHEMA');
  if (asArray(credential.credentialStatus).length === 0) notApplicable.add('CREDENTIAL_STATUS');
  if (collectEndorsements(credential).length === 0) notApplicable.add('CREDENTIAL_ENDORSEMENTS');
  const skipped = new Set<StepName>(signature.proof.verified ? [] : ['CREDENTIAL_ISSUER']);
  return result(findings, credential, run, { readable: true, notApplicable, skipped }, inputType, jwt?.token ?? input);
}

function notAskedFor(options: VerifyCredentialOptions): StepName[] {
  return options.recipientProfile ? [] : ['RECIPIENT'];
}

function result(
  findings: Finding[],
  credential: JsonNode | undefined,
  run: CredentialRun,
  facts: { readable: boolean; notApplicable: ReadonlySet<StepName>; skipped: ReadonlySet<StepName> },
  inputType: InputType,
  raw: CredentialInput,
): VerificationResult {
  const node = credential && typeof credential.id === 'string' ? credential.id : undefined;
  const messages: ValidationMessage[] = findings.map((finding) => (finding.level === 'ERROR' ? error : warning)(finding.code, finding.text, node, finding.property));
  const errorCount = messages.filter((message) => message.level === 'ERROR').length;
  return {
    report: {
      valid: errorCount === 0 && credential !== undefined,
      errorCount,
      warningCount: messages.length - errorCount,
      messages,
      openBadgesVersion: '3.0',
      steps: reportOb3Steps({ messages, ...facts }),
      endorsements: run.endorsements,
    },
    graph: credential ? [credential] : [],
    input: { input_type: inputType, ...echo(run, raw, inputType) },
  };
}

/** How the input came, for the reference shape's `input_type`: a VC-JWT is a compact JWS. */
function inputTypeOf(options: VerifyCredentialOptions, isJwt: boolean): InputType {
  const source = options.source?.type;
  if (source === 'url' || source === 'png' || source === 'svg') return source;
  return isJwt || source === 'jws' ? 'jws' : 'json';
}

/** The input echoed back: the URL given, the JWT or the JSON; never an image's bytes. */
function echo(run: CredentialRun, raw: CredentialInput, inputType: InputType): { value?: string } {
  const source = run.options.source;
  if (source?.type === 'url') return { value: source.url };
  if (inputType === 'png' || inputType === 'svg') return {};
  if (typeof raw === 'string') return { value: raw.length > 200_000 ? raw.slice(0, 200) : raw.trim() };
  return isJsonNode(raw) ? { value: JSON.stringify(raw) } : {};
}

