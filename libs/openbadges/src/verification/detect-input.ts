import { JsonTooDeepError, parseJsonWithinLimits } from '../json/bounded-json';
import type { InputType } from './report';
import type { VerifyInput } from './types';
import { text, type MessageText } from '../report-texts/message-text';

export type DetectedInput =
  | { type: 'url'; url: string }
  | { type: 'json'; json: Record<string, unknown> }
  | { type: 'jws'; jws: string }
  | { type: 'png' | 'svg'; bytes: Uint8Array }
  | { type: 'unknown'; reason: MessageText };

const URL_START = /^https?:\/\//i;
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47];

/** DETECT_INPUT_TYPE: work out what we were given, before anything is fetched. */
export function detectInput(input: VerifyInput): DetectedInput {
  if (typeof input === 'string') return detectString(input);
  if (input instanceof Uint8Array) return detectImage(input);
  if ('url' in input && typeof input.url === 'string' && Object.keys(input).length === 1) return detectString(input.url);
  if ('jws' in input && typeof input.jws === 'string') return detectString(input.jws);
  if ('image' in input && input.image instanceof Uint8Array) return detectImage(input.image);
  if ('json' in input && Object.keys(input).length === 1) {
    const json = input.json;
    if (typeof json === 'string') return detectString(json);
    if (json && typeof json === 'object' && !Array.isArray(json)) return { type: 'json', json: json as Record<string, unknown> };
    return { type: 'unknown', reason: text('INPUT_JSON_NOT_OBJECT', {}) };
  }
  return { type: 'json', json: input as Record<string, unknown> };
}

function detectString(raw: string): DetectedInput {
  const value = raw.trim();
  if (URL_START.test(value)) return { type: 'url', url: value };
  if (value.startsWith('{')) {
    try {
      const parsed: unknown = parseJsonWithinLimits(value);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return { type: 'json', json: parsed as Record<string, unknown> };
    } catch (error) {
      if (error instanceof JsonTooDeepError) return { type: 'unknown', reason: text('INPUT_JSON_TOO_DEEP', { maxDepth: error.maxDepth }) };
      return { type: 'unknown', reason: text('INPUT_JSON_UNPARSEABLE', {}) };
    }
  }
  if (COMPACT_JWS.test(value)) return { type: 'jws', jws: value };
  return { type: 'unknown', reason: text('INPUT_UNRECOGNISED', {}) };
}

/**
 * Baked images: only classified here. Extracting the embedded badge is the baking module's job
 * (libs/openbadges/src/baking); verifyOpenBadge reports these as not yet supported.
 */
function detectImage(bytes: Uint8Array): DetectedInput {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return { type: 'png', bytes };
  const head = Buffer.from(bytes.subarray(0, 512)).toString('utf8').trimStart();
  if (head.startsWith('<?xml') || head.startsWith('<svg')) return { type: 'svg', bytes };
  return { type: 'unknown', reason: text('INPUT_IMAGE_UNRECOGNISED', {}) };
}

export function inputTypeOf(detected: DetectedInput): InputType {
  return detected.type;
}
