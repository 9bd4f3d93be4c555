import { parseImageDataUri } from './data-uri';
import { expectImageError, makePng } from './test-images';

describe('parseImageDataUri', () => {
  const png = makePng();

  it('decodes a base64 image data URI', () => {
    const { mimeType, bytes } = parseImageDataUri(`data:image/png;base64,${png.toString('base64')}`);
    expect(mimeType).toBe('image/png');
    expect(bytes.equals(png)).toBe(true);
  });

  it('normalises the media type and tolerates parameters and line-wrapped base64', () => {
    const wrapped = png.toString('base64').replace(/(.{20})/g, '$1\n');
    const parsed = parseImageDataUri(`  DATA:Image/SVG+XML;charset=utf-8;base64,${wrapped}  `);
    expect(parsed.mimeType).toBe('image/svg+xml');
    expect(parsed.bytes.equals(png)).toBe(true);
    expect(parseImageDataUri('data:;base64,aGk=').mimeType).toBe('text/plain');
  });

  it.each([
    ['not a data URI', 'https://example.org/badge.png'],
    ['no comma', 'data:image/png;base64'],
    ['not base64', 'data:image/png,%89PNG'],
    ['a bad media type', 'data:image png;base64,aGk='],
    ['an empty payload', 'data:image/png;base64,'],
    ['characters outside base64', 'data:image/png;base64,aGk*'],
    ['base64url', 'data:image/png;base64,a-_z'],
    ['bad padding', 'data:image/png;base64,aGk=a'],
    ['a truncated quantum', 'data:image/png;base64,aGkaa'],
  ])('refuses %s', (_what, uri) => {
    expectImageError(() => parseImageDataUri(uri), 'invalid_data_uri');
  });

  it('refuses payloads over the size cap before decoding them', () => {
    const big = `data:image/png;base64,${'A'.repeat(4 * 1024 * 1024)}`;
    expect(expectImageError(() => parseImageDataUri(big), 'image_too_large')).toBeLessThan(100);
    expectImageError(() => parseImageDataUri(`data:image/png;base64,${png.toString('base64')}`, { maxBytes: 10 }), 'image_too_large');
  });
});
