import { IssuerCreateBodySchema, IssuerUpdateBodySchema } from './issuers.contract';
import { expectInvalid, expectValid, PNG_DATA_URI, SVG_DATA_URI } from './testing/fixtures';

// Badgr apps/issuer/tests: example_issuer_props
const badgrIssuer = {
  name: 'Awesome Issuer',
  description: 'An issuer of awe-inspiring credentials',
  url: 'http://example.com',
  email: 'contact@example.org',
  image: PNG_DATA_URI,
};

describe('IssuerCreateBodySchema', () => {
  it('accepts a Badgr v2 issuer payload and strips read-only and unknown fields', () => {
    const body = expectValid(IssuerCreateBodySchema, {
      ...badgrIssuer,
      entityId: 'ignored',
      staff: [],
      extensions: {},
      badgrDomain: 'badgr.io',
      verification: { allowedOrigins: ['example.com'] },
    });
    expect(body).toEqual({ ...badgrIssuer, credentialProof: 'eddsa-rdfc-2022' });
  });

  it('takes how its OB 3.0 credentials are proven (ours, decision 0048)', () => {
    expect(expectValid(IssuerCreateBodySchema, { ...badgrIssuer, credentialProof: 'vc-jwt' }).credentialProof).toBe('vc-jwt');
  });

  it('trims text, accepts localhost URLs, SVG images and no image', () => {
    const body = expectValid(IssuerCreateBodySchema, {
      name: '  Faculty of Science  ',
      url: 'http://localhost:3000/faculty',
      email: ' dean@uni.example ',
      image: SVG_DATA_URI,
    });
    expect(body).toMatchObject({ name: 'Faculty of Science', email: 'dean@uni.example', url: 'http://localhost:3000/faculty' });
    expect(expectValid(IssuerCreateBodySchema, { ...badgrIssuer, image: undefined }).image).toBeUndefined();
  });

  it.each([
    ['name', { ...badgrIssuer, name: '   ' }, 'This field may not be blank.'],
    ['name', { ...badgrIssuer, name: 'x'.repeat(1025) }, 'Ensure this field has no more than 1024 characters.'],
    ['name', { ...badgrIssuer, name: 42 }, 'Not a valid string.'],
    ['email', { ...badgrIssuer, email: 'not-an-email' }, 'Enter a valid email address.'],
    ['email', { ...badgrIssuer, email: undefined }, 'This field is required.'],
    ['url', { ...badgrIssuer, url: 'ftp://example.com' }, 'Enter a valid URL.'],
    ['url', { ...badgrIssuer, url: 'example.com' }, 'Enter a valid URL.'],
    ['image', { ...badgrIssuer, image: 'data:image/jpeg;base64,/9j/4AAQ' }, expect.stringContaining('data URI')],
    ['image', { ...badgrIssuer, image: 'https://example.com/logo.png' }, expect.stringContaining('data URI')],
    ['credentialProof', { ...badgrIssuer, credentialProof: 'Ed25519Signature2020' }, 'Must be one of: "eddsa-rdfc-2022", "vc-jwt".'],
  ])('rejects a bad %s', (field, input, message) => {
    const error = expectInvalid(IssuerCreateBodySchema, input);
    expect(error.error.field).toBe(field);
    expect(error.fieldErrors?.[field]).toEqual([message]);
    expect(error.status).toEqual({ success: false, description: 'bad request' });
  });

  it('rejects a body that is not an object', () => {
    const error = expectInvalid(IssuerCreateBodySchema, ['Awesome Issuer']);
    expect(error.error.code).toBe('validation_failed');
    expect(error.validationErrors).toEqual(['Invalid data. Expected a dictionary, but got list.']);
  });
});

describe('IssuerUpdateBodySchema', () => {
  it('is a full replacement like Badgr: name, email and url are required, image is not', () => {
    expect(expectValid(IssuerUpdateBodySchema, { ...badgrIssuer, image: undefined, description: null })).toEqual({
      name: 'Awesome Issuer',
      url: 'http://example.com',
      email: 'contact@example.org',
      description: null,
    });
    // Ours: absent keeps the stored proof; another value is refused.
    expect(expectValid(IssuerUpdateBodySchema, { ...badgrIssuer, credentialProof: 'vc-jwt' }).credentialProof).toBe('vc-jwt');
    expect(expectInvalid(IssuerUpdateBodySchema, { ...badgrIssuer, credentialProof: 'jws' }).fieldErrors).toEqual({ credentialProof: ['Must be one of: "eddsa-rdfc-2022", "vc-jwt".'] });
    expect(expectInvalid(IssuerUpdateBodySchema, { name: 'x' }).fieldErrors).toEqual({
      email: ['This field is required.'],
      url: ['This field is required.'],
    });
  });
});
