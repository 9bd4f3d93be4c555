import { error, TaskCode } from '../validation/messages';
import type { JsonNode } from '../validation/present-values';
import { validateGraph } from '../validation/validate-graph';
import { collectGraph, loadByDeclaredId } from './collect-graph';
import { detectInput, type DetectedInput } from './detect-input';
import { buildResult } from './build-result';
import { checkBadgeImages } from './steps/check-images';
import { checkRevokedFlag } from './steps/check-revoked-flag';
import { inputNodeClass } from './steps/input-node-class';
import { resolveJsonInput } from './steps/resolve-json-input';
import { verifySignedInput } from './signed/verify-signed-input';
import type { VerificationResult, VerifyInput, VerifyOptions } from './types';
import { VerificationContext } from './verification-context';

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
  if (start) {
    // Step 3: follow Assertion -> BadgeClass -> Issuer (and endorsements), fetching as needed.
    await collectGraph(start, inputNodeClass(start), ctx);
  }
  // Step 4: validate each node and the cross-node rules (timestamps, hosted policy, recipient).
  const graph = [...ctx.nodes.values()];
  ctx.messages.push(
    ...validateGraph(graph, { now: options.now, recipientProfile: options.recipientProfile, nodeClasses: ctx.classes }),
  );
  // Steps 5-6: revocation flag in the body, and downloadable badge image.
  checkRevokedFlag(ctx);
  if (options.checkImages !== false) await checkBadgeImages(ctx);
  return buildResult(ctx, graph, detected, input);
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
      // Hook: unbaking lives in ../baking (another owner). The verification service extracts the
      // embedded URL/JSON/JWS and calls verifyOpenBadge again with it (issue #5).
      ctx.report(error(TaskCode.DETECT_INPUT_TYPE, `Baked ${detected.type.toUpperCase()} images must be unbaked first; pass the extracted badge (URL, JSON or JWS) instead.`));
      return undefined;
    default:
      ctx.report(error(TaskCode.DETECT_INPUT_TYPE, detected.reason));
      return undefined;
  }
}
