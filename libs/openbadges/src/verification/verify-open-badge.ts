import { setImmediate as yieldToEventLoop } from 'node:timers/promises';

import { error, TaskCode } from '../validation/messages';
import type { JsonNode } from '../validation/present-values';
import { validateGraph } from '../validation/validate-graph';
import { collectGraph, loadByDeclaredId } from './collect-graph';
import { isImageError, unbakeBadgeImage } from '../baking';
import { detectInput, type DetectedInput } from './detect-input';
import { buildResult } from './build-result';
import { checkBadgeImages } from './steps/check-images';
import { checkEndorsements } from './steps/check-endorsements';
import { checkRevokedFlag } from './steps/check-revoked-flag';
import { inputNodeClass } from './steps/input-node-class';
import { resolveJsonInput } from './steps/resolve-json-input';
import { verifySignedInput } from './signed/verify-signed-input';
import type { VerificationResult } from './report';
import type { VerifyInput, VerifyOptions } from './types';
import { VerificationContext } from './verification-context';
import { text } from '../report-texts/message-text';

/**
 * Verify an Open Badge offline-first: every network access goes through `options.fetchDocument`.
 * The steps mirror the reference validator's tasks; each one adds coded messages to the report,
 * and a failing step stops only what depends on it. Never throws for bad input: a broken badge
 * is a report, not an exception.
 */
export async function verifyOpenBadge(input: VerifyInput, options: VerifyOptions): Promise<VerificationResult> {
  const ctx = new VerificationContext(options.fetchDocument, options.maxDocuments);
  const detected = detectInput(input);

  // Steps 1-2: DETECT_INPUT_TYPE, then find the authoritative copy of the badge.
  const start = await resolveStart(detected, ctx);
  // Each step over a document of up to a few MB is linear but not free: between steps the event
  // loop gets a turn, so one large (in-budget) badge never holds every other request behind it.
  await yieldToEventLoop();
  if (start) {
    // Step 3: follow Assertion -> BadgeClass -> Issuer (and endorsements), fetching as needed.
    await collectGraph(start, inputNodeClass(start), ctx);
    await yieldToEventLoop();
  }
  // Step 4: validate each node and the cross-node rules (timestamps, hosted policy, recipient).
  const graph = [...ctx.nodes.values()];
  ctx.messages.push(
    ...validateGraph(graph, { now: options.now, recipientProfile: options.recipientProfile, nodeClasses: ctx.classes }),
  );
  // Steps 5-6: revocation flag in the body, the endorsements on the badge, and downloadable badge image.
  await yieldToEventLoop();
  checkRevokedFlag(ctx);
  await checkEndorsements(ctx);
  if (options.checkImages !== false) await checkBadgeImages(ctx);
  return buildResult(ctx, graph, detected, input, options.recipientProfile !== undefined);
}

async function resolveStart(detected: DetectedInput, ctx: VerificationContext): Promise<JsonNode | undefined> {
  switch (detected.type) {
    case 'url':
      return loadByDeclaredId(detected.url, ctx);
    case 'json':
      return resolveJsonInput(detected.json, ctx);
    case 'jws':
      return verifySignedInput(detected.jws, ctx);
    case 'png':
    case 'svg':
      return resolveBakedImage(detected.type, detected.bytes, ctx);
    default:
      ctx.report(error(TaskCode.DETECT_INPUT_TYPE, detected.reason));
      return undefined;
  }
}

/**
 * A baked image carries the badge as a URL, JSON or a JWS: take it out with the baking module's
 * hardened parsers (hostile images become a message, never a crash), then verify what it holds.
 */
async function resolveBakedImage(kind: 'png' | 'svg', bytes: Uint8Array, ctx: VerificationContext): Promise<JsonNode | undefined> {
  let unbaked: { payload: string } | null;
  try {
    unbaked = unbakeBadgeImage(Buffer.from(bytes));
  } catch (failure) {
    const reason = isImageError(failure) ? failure.message : 'it could not be read';
    ctx.report(error(TaskCode.DETECT_INPUT_TYPE, text('IMAGE_UNREADABLE', { kind: kind.toUpperCase(), reason })));
    return undefined;
  }
  if (!unbaked) {
    ctx.report(error(TaskCode.DETECT_INPUT_TYPE, text('IMAGE_NOT_BAKED', { kind: kind.toUpperCase() })));
    return undefined;
  }
  const inner = detectInput(unbaked.payload);
  if (inner.type === 'png' || inner.type === 'svg' || inner.type === 'unknown') {
    ctx.report(error(TaskCode.DETECT_INPUT_TYPE, text('IMAGE_PAYLOAD_UNRECOGNISED', { kind: kind.toUpperCase() })));
    return undefined;
  }
  return resolveStart(inner, ctx);
}
