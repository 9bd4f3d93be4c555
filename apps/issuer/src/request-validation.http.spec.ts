/**
 * One validation path (issue #15): a controller answers a bad request with exactly the body that
 * api-contracts' `parseRequest` gives for the same input, which is what the contract tests'
 * `expectInvalid` returns. Badgr's wording reaches API users, not only the tests.
 */
import { AssertionCreateBodySchema, IssuerCreateBodySchema, parseRequest } from '@badges/api-contracts';
import { databaseTargets } from '@badges/persistence';

import { badgeClassBody, issuerBody } from './testing/fixtures';
import { createTestApp, type TestApp } from './testing/issuer-test-app';

describe.each(databaseTargets())('request validation over HTTP on $name', (target) => {
  let t: TestApp;
  let headers: Record<string, string>;
  let badgeClassId: string;

  beforeAll(async () => {
    t = await createTestApp(target);
    headers = await t.institution('inst-validation');
    const issuer = await t.app.inject({ method: 'POST', url: '/v2/issuers', headers, payload: issuerBody() });
    const badgeClass = await t.app.inject({ method: 'POST', url: `/v2/issuers/${issuer.json().result[0].entityId}/badgeclasses`, headers, payload: badgeClassBody() });
    badgeClassId = badgeClass.json().result[0].entityId;
  });
  afterAll(async () => t.close());

  const contractError = (schema: Parameters<typeof parseRequest>[0], input: unknown) => {
    const parsed = parseRequest(schema, input);
    if (parsed.success) throw new Error('expected the contract to refuse the input');
    return parsed.error;
  };

  it.each([
    ['a number for a string', issuerBody({ name: 42 })],
    ['a missing required field', issuerBody({ email: undefined })],
    ['several bad fields', issuerBody({ name: '   ', url: 'ftp://example.com', image: 'https://example.com/logo.png' })],
    ['a list for the body', ['Faculty of Science']],
  ])('POST /v2/issuers with %s answers the contract body', async (_case, input) => {
    const response = await t.app.inject({ method: 'POST', url: '/v2/issuers', headers, payload: input as object });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(contractError(IssuerCreateBodySchema, input));
  });

  it('POST /v2/issuers without a body lists the required fields, as the contract does for no input', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/v2/issuers', headers });
    expect(response.json()).toEqual(contractError(IssuerCreateBodySchema, undefined));
    expect(response.json().fieldErrors.email).toEqual(['This field is required.']);
  });

  it('an unknown recipient type gets the Badgr "Must be one of" wording over HTTP', async () => {
    const input = { recipient: { identity: 'learner@example.org', type: 'fax' } };
    const response = await t.app.inject({ method: 'POST', url: `/v2/badgeclasses/${badgeClassId}/assertions`, headers, payload: input });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual(contractError(AssertionCreateBodySchema, input));
    expect(response.json().fieldErrors['recipient.type']).toEqual(['Must be one of: "email", "url", "telephone", "id".']);
  });
});
