import { openApiSchemas, REQUEST_BODY_SCHEMAS } from './openapi';

describe('openApiSchemas', () => {
  const schemas = openApiSchemas();

  it('publishes one JSON Schema per request body', () => {
    expect(Object.keys(schemas).sort()).toEqual(Object.keys(REQUEST_BODY_SCHEMAS).sort());
    for (const schema of Object.values(schemas)) {
      expect(schema).not.toHaveProperty('$schema');
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });

  it('describes request inputs: defaulted fields are optional, required ones are listed', () => {
    expect(schemas.IssuerCreateBody).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['name', 'email', 'url']),
      properties: { email: { type: 'string', format: 'email' }, url: { format: 'uri' } },
    });
    const badgeClass = schemas.BadgeClassCreateBody as { required: string[]; properties: Record<string, unknown> };
    expect(badgeClass.required).toEqual(expect.arrayContaining(['name', 'description', 'image']));
    expect(badgeClass.required).not.toContain('language');
    expect(badgeClass.properties.verification).toMatchObject({ enum: ['hosted', 'signed'], default: 'hosted' });
    expect(schemas.AssertionCreateBody).toMatchObject({
      required: ['recipient'],
      properties: { issuedOn: { type: 'string', format: 'date-time' } },
    });
    expect(schemas.BatchIssueBody).toMatchObject({ properties: { assertions: { type: 'array', minItems: 1, maxItems: 100 } } });
    expect(schemas.RevokeBody).toMatchObject({ required: ['revocation_reason'] });
  });

  it('can target JSON Schema 2020-12 (OpenAPI 3.1)', () => {
    const nullable = openApiSchemas({ target: 'draft-2020-12' }).AssertionCreateBody as { properties: { narrative: unknown } };
    expect(nullable.properties.narrative).toMatchObject({ anyOf: expect.any(Array) });
  });
});
