/** Shared test fixtures: realistic Badgr v2 payloads (shapes from Badgr's own v2 tests). */
import { z } from 'zod';
import { parseRequest, type V2ErrorEnvelope } from '../envelope';

/** A 1x1 PNG. */
export const PNG_DATA_URI =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const SVG_DATA_URI =
  'data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSIxIiBoZWlnaHQ9IjEiLz4=';

/** Parse and expect failure; returns the 400 body. */
export function expectInvalid(schema: z.ZodType, input: unknown): V2ErrorEnvelope {
  const result = parseRequest(schema, input);
  if (result.success) throw new Error(`expected a validation error, got ${JSON.stringify(result.data)}`);
  return result.error;
}

/** Parse and expect success; returns the parsed value. */
export function expectValid<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseRequest(schema, input);
  if (!result.success) throw new Error(`expected success, got ${JSON.stringify(result.error)}`);
  return result.data;
}
