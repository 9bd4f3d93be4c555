import { envelopeOf } from '../openapi.components';

/** One OpenAPI operation (or path item) as plain JSON. */
export type Operation = Record<string, unknown>;
/** Path → method → operation: what each `*.paths.ts` file contributes to the document. */
export type PathItems = Record<string, Record<string, Operation>>;

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const json = (schema: unknown) => ({ 'application/json': { schema } });
export const error = (description: string) => ({ description, content: json(ref('ErrorEnvelope')) });
/** A v2 envelope whose `result` lists `schemaName`s (Badgr wraps single objects in a list too). */
export const ok = (description: string, schemaName: string) => ({ description, content: json(envelopeOf(schemaName)) });
export const noContent = (description: string) => ({ description });
export const body = (schemaName: string, required = true) => ({ required, content: json(ref(schemaName)) });
/** A body the route takes as JSON or form-encoded (OAuth2 token and consent endpoints): a component's name, or a schema. */
export const formOrJsonBody = (schema: string | Record<string, unknown>) => {
  const resolved = typeof schema === 'string' ? ref(schema) : schema;
  return { required: true, content: { 'application/x-www-form-urlencoded': { schema: resolved }, 'application/json': { schema: resolved } } };
};
/** The gateway's rate limits (rate-limits/rate-limit-rules.ts) answer this on the routes they cover. */
export const rateLimited = (description: string) => ({
  ...error(`\`rate_limited\`: ${description}`),
  headers: { 'Retry-After': { description: 'Whole seconds until a new attempt may succeed.', schema: { type: 'integer', minimum: 1 } } },
});
export const idParam = (name = 'entityId') => ({ name, in: 'path', required: true, schema: { type: 'string' } });
export const queryParam = (name: string, schema: Record<string, unknown>, description?: string) => ({ name, in: 'query', required: false, schema, ...(description && { description }) });

/** 409 `conflict` with what is in the way. */
export const conflict = (why: string) => ({ '409': error(`\`conflict\`: ${why}`) });

/** A client's or a person's token; the document names the scope each route needs (openapi.document.ts, from auth/client-scope.ts). */
export const CLIENT = [{ clientToken: [] as string[] }];
export const ADMIN = [{ adminToken: [] }];
export const LEARNER = [{ learnerToken: [] }];

/** Answers every route that reads a body can give besides its own. */
const bodyErrors = {
  '400': error('`validation_failed` or `invalid_json`: the body or query is invalid.'),
  '413': error('`payload_too_large`: the body is over the limit (2 MB).'),
  '503': error('`service_unavailable`: the owning service is not reachable.'),
};

/** Answers every authenticated route can give besides its own. */
const authErrors = {
  ...bodyErrors,
  '401': error('`unauthorized`: missing, invalid or expired access token.'),
  '404': error('`not_found`: no such entity of the caller’s (never another institution’s or learner’s data).'),
};

/** What a token whose scope, or whose person's roles, do not allow the call gets (auth/client-scope.ts, auth/staff-access.ts). */
const scopeError = {
  '403': error(
    '`forbidden`: the token’s scope, or the person’s roles, do not allow this call; the message says what it needs. `institution_suspended`: the caller’s institution is suspended by the province’s operator.',
  ),
};

export function op(tags: string[], summary: string, extra: Operation): Operation {
  return { tags, summary, ...extra };
}

/**
 * An institution API route: a client access token from POST /o/token, whose scope allows the
 * call. The route's own answers say more than the common ones, so they win.
 */
export function clientOp(tag: string, summary: string, responses: Record<string, unknown>, extra: Operation = {}): Operation {
  return op([tag], summary, { security: CLIENT, ...extra, responses: { ...authErrors, ...scopeError, ...responses } });
}

/** A learner route: the passport's own bearer token from POST /v2/auth/token. */
export function learnerOp(tag: string, summary: string, responses: Record<string, unknown>, extra: Operation = {}): Operation {
  return op([tag], summary, { security: LEARNER, ...extra, responses: { ...responses, ...authErrors } });
}

/** A route anyone may call: no token, but its body is still checked. */
export function anonymousOp(tag: string, summary: string, responses: Record<string, unknown>, extra: Operation = {}): Operation {
  return op([tag], summary, { ...extra, responses: { ...responses, ...bodyErrors } });
}
