import { error, TaskCode, type ValidationMessage } from './messages';
import type { JsonNode } from './present-values';
import { text } from '../report-texts/message-text';

/**
 * CRITERIA_PROPERTY_DEPENDENCIES: embedded Criteria must say where the criteria are (id) or what
 * they are (narrative). The spec marks both optional, but an empty Criteria tells an earner
 * nothing; the reference validator intends this check (we apply it to every embedded Criteria).
 */
export function criteriaDependencies(node: JsonNode, label: string): ValidationMessage[] {
  const hasId = typeof node.id === 'string' && node.id.length > 0;
  const hasNarrative = typeof node.narrative === 'string' && node.narrative.trim().length > 0;
  return hasId || hasNarrative
    ? []
    : [error(TaskCode.CRITERIA_PROPERTY_DEPENDENCIES, text('CRITERIA_EMPTY', {}), label, 'criteria')];
}
