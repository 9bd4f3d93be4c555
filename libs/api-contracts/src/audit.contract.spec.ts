import { AUDIT_PAGE_SIZE, AuditFilterSchema, AuditQuerySchema } from './audit.contract';
import { queryParameters } from './openapi';
import { expectInvalid, expectValid } from './testing/fixtures';

describe('AuditQuerySchema', () => {
  it('takes one action or several as a list, and pages by default', () => {
    expect(expectValid(AuditQuerySchema, { action: 'assertion.awarded' })).toEqual({ action: ['assertion.awarded'], num: AUDIT_PAGE_SIZE.default });
    expect(expectValid(AuditQuerySchema, { action: ['assertion.awarded', 'client.revoked'], num: '5' })).toMatchObject({ action: ['assertion.awarded', 'client.revoked'], num: 5 });
  });

  it('normalises the time window to UTC and keeps the actor and target as sent', () => {
    expect(expectValid(AuditQuerySchema, { from: '2025-01-01T00:00:00+02:00', to: '2025-01-02T00:00:00Z', actor: 'staff:registrar-7', target: 'AAAAAAAAAAAAAAAAAAAAAA' })).toMatchObject({
      from: '2024-12-31T22:00:00.000Z',
      to: '2025-01-02T00:00:00.000Z',
      actor: 'staff:registrar-7',
      target: 'AAAAAAAAAAAAAAAAAAAAAA',
    });
  });

  it.each([
    [{ action: 'assertion.deleted' }, 'action'],
    [{ action: ['client.created', 'nope'] }, 'action'],
    [{ actor: 'someone' }, 'actor'],
    [{ actor: 'operator:x' }, 'actor'],
    [{ from: '2025-01-01' }, 'from'],
    [{ from: '2025-01-02T00:00:00Z', to: '2025-01-01T00:00:00Z' }, 'to'],
    [{ from: '2025-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' }, 'to'],
    [{ num: '0' }, 'num'],
    [{ num: String(AUDIT_PAGE_SIZE.max + 1) }, 'num'],
    [{ target: 'not an id' }, 'target'],
  ])('refuses %j on %s', (input, field) => {
    expect(expectInvalid(AuditQuerySchema, input).error.field).toBe(field);
  });

  it('shares its filters with the export, which takes no page', () => {
    expect(expectValid(AuditFilterSchema, { action: 'client.created', num: '5', cursor: 'x' })).toEqual({ action: ['client.created'] });
  });

  it('is documented parameter by parameter, from the schema', () => {
    expect(queryParameters('AuditQuery').map((parameter) => parameter.name)).toEqual(['actor', 'action', 'target', 'from', 'to', 'num', 'cursor']);
    expect(queryParameters('AuditFilter').map((parameter) => parameter.name)).toEqual(['actor', 'action', 'target', 'from', 'to']);
    expect(queryParameters('AuditQuery').every((parameter) => parameter.in === 'query' && parameter.required === false)).toBe(true);
  });
});
