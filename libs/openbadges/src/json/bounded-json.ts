import { MAX_BADGE_JSON_DEPTH } from '../verification/json-depth';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

export interface JsonLimits {
  /** Deepest nesting of objects and arrays accepted; `{}` is depth 1. */
  maxDepth?: number;
}

/** Untrusted JSON nested deeper than its budget: callers answer it as a 4xx, never a crash. */
export class JsonTooDeepError extends Error {
  constructor(readonly maxDepth: number) {
    super(`The JSON is nested more than ${maxDepth} levels deep.`);
    this.name = 'JsonTooDeepError';
  }
}

/**
 * Whether JSON text nests objects and arrays deeper than `maxDepth`, read before it is parsed:
 * one pass over the characters, brackets inside string literals ignored, no recursion, so a
 * hostile 100,000-level document costs what its length costs and never reaches the parser (or
 * the recursive code after it: stringify, JSON-LD, validators). Malformed text is not judged here;
 * JSON.parse refuses it afterwards.
 */
export function jsonTextNestingExceeds(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > maxDepth) return true;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/**
 * JSON.parse for text someone else wrote (a request field, a baked image, a JWS payload, a fetched
 * document): refuses nesting beyond the budget with JsonTooDeepError before parsing; a syntax
 * error is JSON.parse's SyntaxError, as before.
 */
export function parseJsonWithinLimits(text: string, limits: JsonLimits = {}): unknown {
  const maxDepth = limits.maxDepth ?? MAX_BADGE_JSON_DEPTH;
  if (jsonTextNestingExceeds(text, maxDepth)) throw new JsonTooDeepError(maxDepth);
  return JSON.parse(text);
}
