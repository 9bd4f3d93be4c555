import { readFileSync } from 'node:fs';
import { validateNode, type ValidatableClass } from './validate-node';

const SPEC = '/work/shared/conformance/openbadges-specification/ob_v2p0';
const VECTORS = JSON.parse(readFileSync('/work/shared/conformance/openbadges-validator-core/extracted/test_validation_vectors.json', 'utf8'));
const read = (path: string) => JSON.parse(readFileSync(`${SPEC}/${path}`, 'utf8'));
const errors = (node: unknown, cls: ValidatableClass) => validateNode(node, cls).filter((m) => m.level === 'ERROR');

/**
 * Strict-JSON spec examples that are complete documents. The others (index-12, 15, 19, 21-23,
 * 26) are fragments that show one property on a partial node, and index-27 is a revoked stub;
 * validating them as whole documents would only report the parts the example leaves out.
 */
describe('spec examples (ob_v2p0/examples/extracted)', () => {
  it.each([
    ['examples/extracted/index-01-assertion-example.json', 'Assertion'],
    ['examples/extracted/index-03-issuer-profile-example.json', 'Issuer'],
    ['examples/extracted/index-09-cryptographickey-example.json', 'CryptographicKey'],
    ['examples/extracted/index-10-revocationlist-example.json', 'RevocationList'],
    ['examples/extracted/index-25-endorsement-examples.json', 'Endorsement'],
    ['extracted/index-03-endorsement.json', 'Endorsement'],
  ] as const)('%s is a valid %s', (file, cls) => {
    expect(errors(read(file), cls)).toEqual([]);
  });

  it('introduction example: embedded BadgeClass and Issuer validate; its recipient omits the required "hashed"', () => {
    const doc = read('extracted/index-01-introduction.json');
    expect(errors(doc, 'Assertion')).toEqual([expect.objectContaining({ code: 'VALIDATE_PROPERTY', property: 'hashed' })]);
  });

  it('fragments show the internationalisation and versioning properties on a BadgeClass', () => {
    const base = { type: 'BadgeClass', description: 'd', image: 'https://example.org/i.png', criteria: 'https://example.org/c', issuer: 'https://example.org/iss' };
    for (const file of ['index-21-badgeclass-versioning.json', 'index-22-internationalization-examples.json', 'index-23-internationalization-examples.json']) {
      expect(errors({ ...base, ...read(`examples/extracted/${file}`) }, 'BadgeClass')).toEqual([]);
    }
  });
});

describe('class rules', () => {
  const badge = { id: 'https://example.org/b', type: 'BadgeClass', name: 'n', description: 'd', criteria: 'https://example.org/c', issuer: 'https://example.org/i' };
  const images = VECTORS.image_data_uris;

  it('accepts PNG/SVG data-URI BadgeClass images but not JPEG', () => {
    expect(errors({ ...badge, image: images.badgeclass_png_1x1_ok }, 'BadgeClass')).toEqual([]);
    expect(errors({ ...badge, image: images.badgeclass_svg_ok }, 'BadgeClass')).toEqual([]);
    expect(errors({ ...badge, image: images.badgeclass_jpeg_rejected }, 'BadgeClass').map((m) => m.code)).toEqual(['IMAGE_VALIDATION']);
    expect(errors(badge, 'BadgeClass').map((m) => m.code)).toEqual(['IMAGE_VALIDATION']);
  });

  it('rejects empty embedded Criteria and AlignmentObjects without targetUrl', () => {
    const out = errors({ ...badge, image: 'https://example.org/i.png', criteria: {}, alignment: [{ targetName: 'x' }] }, 'BadgeClass');
    expect(out.map((m) => [m.code, m.property])).toEqual([['CRITERIA_PROPERTY_DEPENDENCIES', 'criteria'], ['VALIDATE_PROPERTY', 'targetUrl']]);
  });

  it('requires issuer email and E.164 telephone', () => {
    const out = errors({ id: 'https://example.org/i', type: 'Issuer', name: 'n', url: 'https://example.org', telephone: '1-800-666-DEVIL' }, 'Issuer');
    expect(out.map((m) => m.property)).toEqual(['email', 'telephone']);
  });

  it('checks the verification type by IRI (HostedBadge == hosted) and rejects others', () => {
    const a = { id: 'https://example.org/a', type: 'Assertion', badge: 'https://example.org/b', issuedOn: '2020-01-01T00:00:00Z', recipient: { type: 'email', hashed: false, identity: 'a@b.c' } };
    expect(errors({ ...a, verification: { type: 'HostedBadge' } }, 'Assertion')).toEqual([]);
    expect(errors({ ...a, verification: { type: 'hosted' } }, 'Assertion')).toEqual([]);
    expect(errors({ ...a, verification: { type: 'BadgeClass' } }, 'Assertion').map((m) => m.code)).toEqual(['VALIDATE_RDF_TYPE_PROPERTY']);
  });

  it('writes messages a non-expert can read', () => {
    const [m] = errors({ id: 'https://example.org/i', type: 'Issuer', name: 'n', url: 'https://example.org' }, 'Issuer');
    expect(m).toEqual({ code: 'VALIDATE_PROPERTY', level: 'ERROR', node: 'https://example.org/i', property: 'email', message: 'The required property "email" is missing.', messageCode: 'PROPERTY_MISSING', params: { property: 'email' } });
  });
});
