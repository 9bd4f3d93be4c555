import type { JsonNode } from '../validation/present-values';
import type { DetectedInput } from './detect-input';
import { reportSteps } from './report-steps';
import type { VerificationResult } from './report';
import type { VerifyInput } from './types';
import type { VerificationContext } from './verification-context';

/** Shape the run into the reference validator's `{report, graph, input}` answer. */
export function buildResult(ctx: VerificationContext, graph: JsonNode[], detected: DetectedInput, raw: VerifyInput, recipientChecked = false): VerificationResult {
  const errorCount = ctx.messages.filter((m) => m.level === 'ERROR').length;
  const warningCount = ctx.messages.length - errorCount;
  return {
    report: {
      valid: errorCount === 0 && graph.length > 0,
      errorCount,
      warningCount,
      messages: ctx.messages,
      openBadgesVersion: ctx.openBadgesVersion,
      steps: reportSteps({ detected, graph, messages: ctx.messages, openBadgesVersion: ctx.openBadgesVersion, recipientChecked }),
      endorsements: ctx.endorsements,
    },
    graph,
    input: { value: describeInput(detected, raw), input_type: detected.type },
  };
}

/** Echo of the input; image bytes are not echoed (they can be megabytes). */
function describeInput(detected: DetectedInput, raw: VerifyInput): string | undefined {
  switch (detected.type) {
    case 'url':
      return detected.url;
    case 'jws':
      return detected.jws;
    case 'json':
      return JSON.stringify(detected.json);
    case 'png':
    case 'svg':
      return undefined;
    default:
      return typeof raw === 'string' ? raw.slice(0, 200) : undefined;
  }
}
