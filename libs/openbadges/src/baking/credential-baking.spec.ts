import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

import { unbakeBadgeImage } from './badge-image';
import { bakeCredentialImage, unbakeCredentialImage } from './credential-baking';
import { bakePng } from './png-baking';
import { OPENBADGES_CREDENTIAL_NAMESPACE } from './svg-scan';
import { chunk, chunkTypes, expectImageError, itxtData, makePng, SVG_NS, svgDoc } from './test-images';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures/ob3/validator');
const JSON_CREDENTIAL = JSON.stringify({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'https://badges.example/public/credentials/1',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  name: 'Soudure « niveau 1 » — ]]> inside a string, and émojis 🎓',
});
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJ2YyI6e319.c2lnbmF0dXJl';
const svg = (inner?: string) => Buffer.from(svgDoc(inner), 'utf8');

describe('bakeCredentialImage / unbakeCredentialImage (OB 3.0 "Baked Badge")', () => {
  it.each([
    ['PNG', 'JSON', () => makePng(), JSON_CREDENTIAL, 'json'],
    ['PNG', 'JWT', () => makePng(), JWT, 'jwt'],
    ['SVG', 'JSON', () => svg(), JSON_CREDENTIAL, 'json'],
    ['SVG', 'JWT', () => svg(), JWT, 'jwt'],
  ] as const)('a %s baked with a %s credential gives back the identical text', (kind, _what, image, credential, format) => {
    const baked = bakeCredentialImage(image(), credential);
    expect(unbakeCredentialImage(baked)).toEqual({ credential, format, kind: kind.toLowerCase() });
  });

  it('writes the PNG chunk as the spec says: uncompressed iTXt "openbadgecredential" right after IHDR, once', () => {
    const once = bakeCredentialImage(makePng(), JWT);
    const twice = bakeCredentialImage(once, JSON_CREDENTIAL);
    expect(chunkTypes(twice)).toEqual(['IHDR', 'iTXt', 'IDAT', 'IEND']);
    const itxt = twice.subarray(twice.indexOf('iTXt') + 4);
    expect(itxt.subarray(0, 'openbadgecredential'.length + 3).toString('latin1')).toBe('openbadgecredential\0\0\0');
    expect(unbakeCredentialImage(twice)?.credential).toBe(JSON_CREDENTIAL);
  });

  it('writes the SVG element as the spec says: the namespace on the root, the JWT in verify, JSON in CDATA', () => {
    const jwt = bakeCredentialImage(svg(), JWT).toString('utf8');
    expect(jwt).toContain(`<svg xmlns:openbadges="${OPENBADGES_CREDENTIAL_NAMESPACE}" xmlns="${SVG_NS}"`);
    expect(jwt).toContain(`<openbadges:credential verify="${JWT}"></openbadges:credential>`);
    const json = bakeCredentialImage(Buffer.from(jwt), JSON_CREDENTIAL).toString('utf8');
    expect(json.match(/<openbadges:credential/g)).toHaveLength(1);
    expect(json).toContain('<openbadges:credential><![CDATA[{');
  });

  it('leaves a 2.0 badge baked in the same image alone, and 2.0 unbaking does not see the credential', () => {
    const withAssertion = bakePng(makePng(), 'https://badges.example/public/assertions/1');
    const both = bakeCredentialImage(withAssertion, JWT);
    expect(unbakeBadgeImage(both)?.payload).toBe('https://badges.example/public/assertions/1');
    expect(unbakeCredentialImage(both)?.credential).toBe(JWT);
    expect(unbakeBadgeImage(bakeCredentialImage(makePng(), JWT))).toBeNull();
  });

  it('binds its own prefix when the SVG root already binds openbadges to the 2.0 namespace', () => {
    const image = Buffer.from(`<svg xmlns="${SVG_NS}" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://x.example/a"/></svg>`);
    const baked = bakeCredentialImage(image, JWT);
    expect(baked.toString()).toContain(`<openbadges:credential xmlns:openbadges="${OPENBADGES_CREDENTIAL_NAMESPACE}" verify="${JWT}">`);
    expect(unbakeCredentialImage(baked)?.credential).toBe(JWT);
    expect(unbakeBadgeImage(baked)?.payload).toBe('https://x.example/a');
  });

  it('refuses to bake what is neither credential JSON nor a compact JWT', () => {
    expectImageError(() => bakeCredentialImage(makePng(), 'https://badges.example/public/credentials/1'), 'invalid_payload');
    expectImageError(() => bakeCredentialImage(svg(), '{"name":"\uFFFF"}'), 'invalid_payload');
  });

  it('unbakes null from an image with no credential, or a 2.0 badge only', () => {
    expect(unbakeCredentialImage(makePng())).toBeNull();
    expect(unbakeCredentialImage(svg())).toBeNull();
    expect(unbakeCredentialImage(bakePng(makePng(), JWT))).toBeNull();
  });

  it.each(['simple-json.png', 'simple-json.svg', 'simple-jwt.png', 'simple-jwt.svg', 'simple-jwt_v1.png', 'simple-jwt_v1.svg'])(
    'unbakes the reference validator fixture %s',
    (file) => {
      const unbaked = unbakeCredentialImage(readFileSync(path.join(FIXTURES, file)));
      expect(unbaked?.kind).toBe(file.endsWith('.png') ? 'png' : 'svg');
      expect(unbaked?.format).toBe(file.includes('jwt') ? 'jwt' : 'json');
      if (unbaked?.format === 'json') expect(JSON.parse(unbaked.credential).type).toContain('OpenBadgeCredential');
    },
  );

  describe('hostile images get the 2.0 limits', () => {
    it('a compressed credential chunk that inflates past the cap is refused while inflating', () => {
      const bomb = makePng({ extra: [chunk('iTXt', itxtData(Buffer.alloc(4 * 1024 * 1024, 0x20), { compressed: true, keyword: 'openbadgecredential' }))] });
      expectImageError(() => unbakeCredentialImage(bomb), 'decompression_limit');
    });

    it('an SVG DOCTYPE with an internal subset (entities) is refused; one naming only the SVG 1.1 DTD is dropped', () => {
      const entity = `<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="${SVG_NS}" xmlns:openbadges="${OPENBADGES_CREDENTIAL_NAMESPACE}"><openbadges:credential verify="&x;"/></svg>`;
      expectImageError(() => unbakeCredentialImage(Buffer.from(entity)), 'svg_forbidden_content');
      const external = `<?xml version="1.0"?>\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n<svg xmlns="${SVG_NS}"/>`;
      expect(unbakeCredentialImage(bakeCredentialImage(Buffer.from(external), JWT, { externalDoctype: 'drop' }))?.credential).toBe(JWT);
      // 2.0 unbaking keeps refusing every DOCTYPE, as before.
      expectImageError(() => unbakeBadgeImage(Buffer.from(external)), 'svg_forbidden_content');
    });

    it('an image over the size cap, or with a corrupt chunk, is refused before any credential is looked for', () => {
      expectImageError(() => unbakeCredentialImage(makePng(), { maxBytes: 10 }), 'image_too_large');
      const corrupt = makePng({ extra: [chunk('iTXt', itxtData(JWT, { keyword: 'openbadgecredential' }))] });
      corrupt[corrupt.length - 20] ^= 0xff;
      expect(() => unbakeCredentialImage(corrupt)).toThrow();
      expectImageError(() => unbakeCredentialImage(Buffer.from(deflateSync('not an image'))), 'unsupported_image_type');
    });
  });
});
