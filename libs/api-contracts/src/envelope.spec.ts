import { z } from 'zod';
import {
  API_ERROR_CODES,
  errorEnvelope,
  formatZodError,
  httpStatusForErrorCode,
  parseRequest,
  successEnvelope,
  V2ErrorEnvelopeSchema,
  v2SuccessEnvelopeSchema,
  validationErrorEnvelope,
} from './envelope';

describe('successEnvelope', () => {
  it('wraps a single object in a one-item list, as Badgr does', () => {
    expect(successEnvelope({ entityId: 'abc' })).toEqual({ status: { success: true, description: 'ok' }, result: [{ entityId: 'abc' }] });
  });

  it('keeps lists as they are (empty included) and takes a description', () => {
    expect(successEnvelope([1, 2]).result).toEqual([1, 2]);
    expect(successEnvelope([]).result).toEqual([]);
    expect(successEnvelope([], 'revoked badges').status.description).toBe('revoked badges');
  });
});

describe('errorEnvelope', () => {
  it('builds the Badgr error envelope plus our error object', () => {
    expect(errorEnvelope({ code: 'not_found', message: 'No such assertion.' })).toEqual({
      status: { success: false, description: 'entity not found or insufficient privileges' },
      result: [],
      error: { code: 'not_found', message: 'No such assertion.' },
    });
    expect(errorEnvelope({ code: 'unauthorized', message: 'Token expired.' }).status.description).toBe('no valid auth token found');
  });

  it('maps codes to statuses', () => {
    expect(httpStatusForErrorCode('validation_failed')).toBe(400);
    expect(httpStatusForErrorCode('forbidden')).toBe(404);
    expect(httpStatusForErrorCode('unknown_code')).toBe(400);
    expect(Object.values(API_ERROR_CODES).every((c) => c.status >= 400)).toBe(true);
  });
});

describe('formatZodError', () => {
  const schema = z.object({
    recipient: z.object({ identity: z.email() }),
    alignments: z.array(z.object({ targetUrl: z.url() })),
  }).refine(() => false, { message: 'Body-level problem.' , when: () => true });

  it('uses dotted paths, the first field issue as headline, and body-level issues as validationErrors', () => {
    const result = schema.safeParse({ recipient: { identity: 'nope' }, alignments: [{ targetUrl: 'x' }] });
    expect(result.success).toBe(false);
    const formatted = formatZodError(result.error!);
    expect(formatted.code).toBe('validation_failed');
    expect(formatted.field).toBe('recipient.identity');
    expect(formatted.message).toMatch(/^recipient\.identity: /);
    expect(Object.keys(formatted.fieldErrors)).toEqual(['recipient.identity', 'alignments.0.targetUrl']);
    expect(formatted.validationErrors).toEqual(['Body-level problem.']);
  });

  it('has no field when only the body is wrong', () => {
    const formatted = formatZodError(z.object({}).safeParse('x').error!);
    expect(formatted.field).toBeUndefined();
    expect(formatted.fieldErrors).toEqual({});
    expect(formatted.validationErrors).toHaveLength(1);
    expect(formatted.message).toBe(formatted.validationErrors[0]);
  });

  it('becomes a full 400 body', () => {
    const body = validationErrorEnvelope(z.object({ name: z.string() }).safeParse({}).error!);
    expect(body).toMatchObject({
      status: { success: false, description: 'bad request' },
      result: [],
      error: { code: 'validation_failed', field: 'name' },
      fieldErrors: { name: [expect.any(String)] },
    });
  });
});

describe('parseRequest', () => {
  it('uses Badgr wording for missing fields and does not override schema messages', () => {
    const schema = z.object({ a: z.string(), b: z.string().min(2, { error: 'Too short, custom.' }) });
    const result = parseRequest(schema, { b: 'x' });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.fieldErrors).toEqual({ a: ['This field is required.'], b: ['Too short, custom.'] });
    }
  });

  it('returns the parsed data on success', () => {
    expect(parseRequest(z.object({ a: z.string().trim() }), { a: ' x ', extra: 1 })).toEqual({ success: true, data: { a: 'x' } });
  });
});

describe('the envelope builders answer their own contracts', () => {
  it('successEnvelope gives a V2 success envelope', () => {
    const body = successEnvelope([{ entityId: 'abc' }], 'revoked badges');
    expect(v2SuccessEnvelopeSchema(z.object({ entityId: z.string() })).parse(body)).toEqual(body);
  });

  it('errorEnvelope and validationErrorEnvelope give a V2 error envelope', () => {
    const bodies = [
      errorEnvelope({ code: 'not_found', message: 'No such assertion.' }),
      errorEnvelope({ code: 'validation_failed', message: 'x', field: 'a', fieldErrors: { a: ['x'] }, validationErrors: ['y'] }),
      validationErrorEnvelope(z.object({ name: z.string() }).safeParse({}).error!),
    ];
    for (const body of bodies) expect(V2ErrorEnvelopeSchema.parse(body)).toEqual(body);
  });

  it('the error contract refuses a non-empty result', () => {
    expect(V2ErrorEnvelopeSchema.safeParse({ ...errorEnvelope({ code: 'gone', message: 'Gone.' }), result: [1] }).success).toBe(false);
  });
});
