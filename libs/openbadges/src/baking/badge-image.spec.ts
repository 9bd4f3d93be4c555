import { bakeBadgeImage, unbakeBadgeImage } from './badge-image';
import { scanSvg } from './svg-scan';
import { expectImageError, makePng, svgDoc } from './test-images';

const URL = 'https://example.org/assertions/123';
const JWS = 'eyJhbGciOiJSUzI1NiJ9.eyJpZCI6InVybjp1dWlkOjEifQ.c2lnbmF0dXJl';
const JSON_TEXT = JSON.stringify({ id: URL, type: 'Assertion', recipient: { identity: 'ålice@example.org' } });

describe('bakeBadgeImage / unbakeBadgeImage', () => {
  const png = makePng();
  const svg = Buffer.from(svgDoc());

  it('bakes and unbakes a signed badge in both formats', () => {
    expect(unbakeBadgeImage(bakeBadgeImage(png, { jws: JWS }))).toEqual({ kind: 'png', payload: JWS });
    expect(unbakeBadgeImage(bakeBadgeImage(svg, { jws: JWS }))).toEqual({ kind: 'svg', payload: JWS });
  });

  it('bakes the hosted assertion JSON into a PNG, and JSON plus verify URL into an SVG', () => {
    expect(unbakeBadgeImage(bakeBadgeImage(png, { verifyUrl: URL, assertionJson: JSON_TEXT }))).toEqual({ kind: 'png', payload: JSON_TEXT });
    const bakedSvg = bakeBadgeImage(svg, { verifyUrl: URL, assertionJson: JSON_TEXT });
    expect(unbakeBadgeImage(bakedSvg)).toEqual({ kind: 'svg', payload: JSON_TEXT });
    expect(scanSvg(bakedSvg.toString('utf8')).assertions[0].verify).toBe(URL);
  });

  it('bakes just a URL', () => {
    expect(unbakeBadgeImage(bakeBadgeImage(png, { verifyUrl: URL }))?.payload).toBe(URL);
    expect(unbakeBadgeImage(bakeBadgeImage(svg, { verifyUrl: URL }))?.payload).toBe(URL);
  });

  it('re-bakes by replacing', () => {
    const rebaked = bakeBadgeImage(bakeBadgeImage(svg, { verifyUrl: 'https://old.example/a' }), { jws: JWS });
    expect(unbakeBadgeImage(rebaked)?.payload).toBe(JWS);
    expect(scanSvg(rebaked.toString('utf8')).assertions).toHaveLength(1);
  });

  it('returns null for unbaked images', () => {
    expect(unbakeBadgeImage(png)).toBeNull();
    expect(unbakeBadgeImage(svg)).toBeNull();
  });

  it('ignores dimension caps unless asked, since baking never decodes pixels', () => {
    const large = makePng({ width: 4096, height: 4096, pixels: false });
    expect(unbakeBadgeImage(bakeBadgeImage(large, { verifyUrl: URL }))?.payload).toBe(URL);
    expectImageError(() => unbakeBadgeImage(large, { maxWidth: 2048 }), 'image_dimensions_too_large');
  });

  it('refuses ambiguous or empty payloads', () => {
    expectImageError(() => bakeBadgeImage(png, {}), 'invalid_payload');
    expectImageError(() => bakeBadgeImage(png, { verifyUrl: ' ' }), 'invalid_payload');
    expectImageError(() => bakeBadgeImage(png, { jws: JWS, verifyUrl: URL }), 'invalid_payload');
  });

  it('refuses what is not a badge image', () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    expectImageError(() => bakeBadgeImage(jpeg, { jws: JWS }), 'unsupported_image_type');
    expectImageError(() => unbakeBadgeImage(jpeg), 'unsupported_image_type');
    expectImageError(() => unbakeBadgeImage(Buffer.from(svgDoc('<a href="javascript:x()"/>'))), 'svg_forbidden_content');
  });
});
