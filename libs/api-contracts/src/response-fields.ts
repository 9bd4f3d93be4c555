/**
 * Field primitives shared by the response contracts.
 *
 * Unlike the request primitives (common.ts) they neither trim nor transform: a response schema
 * describes what the API sends, so parsing a real answer with it gives the answer back unchanged
 * (the drift specs compare the two).
 */
import { z } from 'zod';

/** A date-time as the API writes it: ISO 8601, UTC, ending in `Z` (v2 entities: `formatDateTimeV2`). */
export const utcDateTime = () => z.iso.datetime();

/** A URL the platform serves, e.g. the public OB 2.0 document of an entity. */
export const publicUrl = () => z.url();

/** Badgr's `extensions`: an object (we always send `{}`). */
export const extensionsField = () => z.record(z.string(), z.unknown()).describe('Badgr extensions; always `{}` here.');

