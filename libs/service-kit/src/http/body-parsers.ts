import { parse as parseForm } from 'node:querystring';

import type { FastifyInstance, FastifyRequest } from 'fastify';

import { jsonTextNestingExceeds } from '@badges/openbadges';

import { ApiError } from '../errors/api-error';
import { findTextProblem, jsonTextMayHoldUnsafeText } from './unsafe-text';

/**
 * Deepest JSON body any service accepts. Requests are a few levels deep; a badge posted to
 * /v2/verify inside `{ "json": … }` is at most 33 (the verifier's own badge limit is 32).
 */
export const MAX_BODY_JSON_DEPTH = 64;
/** Most fields a form body may carry; OAuth2 token requests send five. */
export const MAX_FORM_FIELDS = 1000;

/**
 * Bodies parsed from JSON text that had no escape able to produce a NUL or a surrogate half: the
 * text guard need not walk them (on a 1 MB body the walk cost ~20 ms per service it passed).
 */
const textSafeBodies = new WeakSet<object>();

/**
 * The JSON and form parsers of every service (Nest's own are switched off). JSON keeps Fastify's
 * parser, secure-json-parse with `__proto__` and `constructor.prototype` refused, behind a linear
 * depth scan of the text, so deep nesting is a 400 before anything recursive sees it.
 */
export function registerBodyParsers(fastify: FastifyInstance, maxDepth: number = MAX_BODY_JSON_DEPTH): void {
  const secureJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (jsonTextNestingExceeds(body as string, maxDepth)) {
      done(ApiError.validation(`The JSON body is nested more than ${maxDepth} levels deep.`), undefined);
      return;
    }
    secureJson(request, body as string, (error, parsed) => {
      if (!error && parsed !== null && typeof parsed === 'object' && !jsonTextMayHoldUnsafeText(body as string)) textSafeBodies.add(parsed);
      done(error, parsed);
    });
  });
  fastify.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (countFields(text) > MAX_FORM_FIELDS) {
      done(ApiError.validation(`The form body has more than ${MAX_FORM_FIELDS} fields.`), undefined);
      return;
    }
    done(null, parseForm(text, '&', '=', { maxKeys: 0 }));
  });
}

/**
 * Text that cannot be stored (NUL, a lone surrogate) is refused at the edge for every route:
 * path parameters, query and body, one walk each, before any handler sees it.
 */
export function registerTextGuard(fastify: FastifyInstance, maxDepth: number = MAX_BODY_JSON_DEPTH): void {
  fastify.addHook('preValidation', async (request: FastifyRequest) => {
    for (const [part, value] of [['path', request.params], ['query', request.query], ['body', request.body]] as const) {
      if (value !== null && typeof value === 'object' && textSafeBodies.has(value)) continue;
      const found = findTextProblem(value, maxDepth + 1, part === 'body' && typeof value === 'string' ? 'body' : '');
      if (!found) continue;
      const field = found.field === '*' || found.field === '' ? part : found.field;
      if (found.problem === 'too_deep') throw ApiError.validation(`The request ${part} is nested more than ${maxDepth} levels deep.`, field);
      throw ApiError.validation(`${field} contains a NUL character or an unpaired surrogate, which text here may not contain.`, field);
    }
  });
}

function countFields(text: string): number {
  let fields = text.length > 0 ? 1 : 0;
  for (let at = text.indexOf('&'); at >= 0; at = text.indexOf('&', at + 1)) fields++;
  return fields;
}
