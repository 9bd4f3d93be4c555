import { z } from 'zod';

import { IssuerV2Schema } from './issuers.contract';
import { API_ERROR_CODES } from './envelope';
import { componentSchemas, openApiSchemas, REQUEST_BODY_SCHEMAS, RESPONSE_SCHEMAS, responseJsonSchemas, type JsonSchema } from './openapi';

/** The fields an OpenAPI 3.0 Schema Object may have (3.0.3 §4.7.24); anything else is invalid there. */
const OPENAPI_30_SCHEMA_FIELDS = new Set([
  '$ref', 'title', 'description', 'type', 'format', 'nullable', 'enum', 'default', 'example', 'deprecated', 'readOnly', 'writeOnly',
  'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength', 'minLength', 'pattern',
  'items', 'maxItems', 'minItems', 'uniqueItems', 'properties', 'required', 'additionalProperties', 'maxProperties', 'minProperties',
  'allOf', 'oneOf', 'anyOf', 'not', 'discriminator', 'xml', 'externalDocs',
]);

/** Every keyword of `schema` and of the schemas inside it, with the path where it is. */
function* keywords(schema: JsonSchema, path: string): Generator<[string, string, unknown]> {
  for (const [key, value] of Object.entries(schema)) {
    yield [path, key, value];
    const child = (name: string, nested: unknown) => (nested !== null && typeof nested === 'object' ? keywords(nested as JsonSchema, `${path}.${name}`) : []);
    if (key === 'properties') for (const [name, nested] of Object.entries(value as JsonSchema)) yield* child(name, nested);
    if (key === 'items' || key === 'not' || key === 'additionalProperties') yield* child(key, value);
    if (key === 'allOf' || key === 'anyOf' || key === 'oneOf') for (const [index, nested] of (value as unknown[]).entries()) yield* child(`${key}.${index}`, nested);
  }
}

describe('openApiSchemas', () => {
  const schemas = openApiSchemas();

  it('publishes one component per request body and per response', () => {
    expect(Object.keys(schemas).sort()).toEqual([...Object.keys(REQUEST_BODY_SCHEMAS), ...Object.keys(RESPONSE_SCHEMAS)].sort());
    for (const schema of Object.values(schemas)) {
      expect(schema).not.toHaveProperty('$schema');
      expect(schema).not.toHaveProperty('$id');
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
    }
  });

  it('is valid OpenAPI 3.0: only Schema Object fields, one type per schema, non-empty combinators, every $ref a component', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      for (const [path, key, value] of keywords(schema, name)) {
        expect(`${path}.${key}: ${OPENAPI_30_SCHEMA_FIELDS.has(key) ? 'ok' : 'not an OpenAPI 3.0 field'}`).toBe(`${path}.${key}: ok`);
        if (key === 'type') expect(typeof value).toBe('string');
        if (key === 'anyOf' || key === 'oneOf' || key === 'allOf') expect((value as unknown[]).length).toBeGreaterThan(0);
        if (key === '$ref') expect(Object.keys(schemas)).toContain(String(value).replace('#/components/schemas/', ''));
      }
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

  it('warns, where a signing algorithm is chosen, that the reference validator reads RSA keys only, and keeps RS256 the default', () => {
    const algorithm = (schemas.RotateSigningKeyBody as { properties: Record<string, { description?: string; default?: string; enum?: string[] }> }).properties.algorithm;
    expect(algorithm).toMatchObject({ enum: ['RS256', 'ES256'], default: 'RS256' });
    expect(algorithm.description).toContain('ES256');
    expect(algorithm.description).toContain('reference validator reads RSA keys only');
  });

  it('can target JSON Schema 2020-12 (OpenAPI 3.1)', () => {
    const nullable = openApiSchemas({ target: 'draft-2020-12' }).AssertionCreateBody as { properties: { narrative: unknown } };
    expect(nullable.properties.narrative).toMatchObject({ anyOf: expect.any(Array) });
  });
});

describe('the response components', () => {
  const components = responseJsonSchemas();

  it.each(Object.entries(RESPONSE_SCHEMAS))('%s lists exactly the fields of its zod schema, the optional ones not required', (name, schema) => {
    const component = components[name as keyof typeof RESPONSE_SCHEMAS] as { properties: JsonSchema; required?: string[] };
    const fields = Object.keys(schema.shape);
    expect(Object.keys(component.properties)).toEqual(fields);
    const optional = (field: string) => (schema.shape as Record<string, z.ZodType>)[field]!.safeParse(undefined).success;
    expect(component.required ?? []).toEqual(fields.filter((field) => !optional(field)));
  });

  it('follows the contracts: a field added to a response schema appears in its component', () => {
    const withMotto = { ...RESPONSE_SCHEMAS, Issuer: IssuerV2Schema.extend({ motto: z.string().nullable().describe('A new field') }) };
    const issuer = componentSchemas(withMotto).Issuer as { properties: JsonSchema; required: string[] };
    expect(issuer.properties.motto).toEqual({ type: 'string', nullable: true, description: 'A new field' });
    expect(issuer.required).toContain('motto');
    expect(components.Issuer.properties).not.toHaveProperty('motto');
  });

  it('writes nullable fields, formats and enums the OpenAPI 3.0 way, with the contracts\' descriptions', () => {
    expect(components.Issuer).toMatchObject({
      type: 'object',
      description: 'Badgr v2 Issuer.',
      properties: {
        entityType: { type: 'string', enum: ['Issuer'] },
        openBadgeId: { type: 'string', format: 'uri' },
        createdAt: { type: 'string', format: 'date-time' },
        image: { type: 'string', format: 'uri', nullable: true },
        description: { type: 'string', nullable: true },
      },
    });
    expect(components.Assertion).toMatchObject({
      properties: {
        expires: { type: 'string', format: 'date-time', nullable: true },
        acceptance: { enum: ['Unaccepted', 'Accepted', 'Rejected'] },
        recipient: { properties: { type: { enum: ['email', 'url', 'telephone', 'id'] } } },
      },
    });
    expect(components.BadgeClass).toMatchObject({
      properties: { expires: { properties: { duration: { enum: ['days', 'weeks', 'months', 'years'], nullable: true } } }, verification: { enum: ['hosted', 'signed'] } },
    });
    expect(components.TokenResponse).toMatchObject({ properties: { expires_in: { type: 'integer', example: 3600 }, access_token: { description: 'An ES256 JWT (typ at+jwt).' } } });
    expect((components.TokenResponse.properties as Record<string, JsonSchema>).expires_in).not.toHaveProperty('maximum');
    expect((components.Assertion.properties as Record<string, JsonSchema>).createdAt).not.toHaveProperty('pattern');
  });

  it('refers to a component nested in another rather than copying it', () => {
    expect(components.InstitutionCreated).toMatchObject({ properties: { client: { $ref: '#/components/schemas/ClientCredentials' } } });
  });

  it('lists every error code in the ErrorEnvelope, sorted', () => {
    const code = (components.ErrorEnvelope as { properties: { error: { properties: { code: { type: string; enum: string[] } } } } }).properties.error.properties.code;
    expect(code.type).toBe('string');
    expect(code.enum).toEqual(Object.keys(API_ERROR_CODES).sort());
  });

  it('lets answers gain fields: no response component forbids additional properties, at any depth', () => {
    expect(JSON.stringify(components)).not.toContain('"additionalProperties":false');
  });
});
