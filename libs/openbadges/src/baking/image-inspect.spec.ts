import { inspectBadgeImage } from './image-inspect';
import { SVG_NS, expectImageError, makePng, svgDoc } from './test-images';

describe('inspectBadgeImage', () => {
  it('identifies a PNG and reads its size from IHDR', () => {
    expect(inspectBadgeImage(makePng({ width: 21, height: 19 }))).toEqual({ kind: 'png', mimeType: 'image/png', width: 21, height: 19 });
  });

  it('identifies an SVG and reports its stated size', () => {
    expect(inspectBadgeImage(Buffer.from(svgDoc()))).toEqual({ kind: 'svg', mimeType: 'image/svg+xml', width: 64, height: 64 });
    expect(inspectBadgeImage(Buffer.from(`<svg xmlns="${SVG_NS}" viewBox="0 0 512 512"/>`))).toMatchObject({ width: 512, height: 512 });
    expect(inspectBadgeImage(Buffer.from(`<svg xmlns="${SVG_NS}" width="100%"/>`))).toEqual({ kind: 'svg', mimeType: 'image/svg+xml' });
  });

  it('accepts a UTF-8 BOM and leading whitespace before an SVG', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`\n  <svg xmlns="${SVG_NS}"/>`)]);
    expect(inspectBadgeImage(bytes).kind).toBe('svg');
  });

  it('refuses a 4096x4096 PNG header quickly, without touching pixel data', () => {
    const png = makePng({ width: 4096, height: 4096, pixels: false });
    expect(expectImageError(() => inspectBadgeImage(png), 'image_dimensions_too_large')).toBeLessThan(100);
    expect(inspectBadgeImage(png, { maxWidth: 4096, maxHeight: 4096 })).toMatchObject({ width: 4096, height: 4096 });
    expectImageError(() => inspectBadgeImage(makePng({ width: 30, height: 10 }), { maxWidth: 20 }), 'image_dimensions_too_large');
  });

  it('refuses oversized SVG dimensions', () => {
    expectImageError(() => inspectBadgeImage(Buffer.from(svgDoc('', 'width="5000" height="10"'))), 'image_dimensions_too_large');
    expectImageError(() => inspectBadgeImage(Buffer.from(svgDoc('', 'viewBox="0 0 10 3000"'))), 'image_dimensions_too_large');
    expectImageError(() => inspectBadgeImage(Buffer.from(svgDoc('', 'width="30in" height="1in"'))), 'image_dimensions_too_large');
  });

  it('refuses more bytes than the cap, before parsing', () => {
    expectImageError(() => inspectBadgeImage(Buffer.alloc(1024 * 1024 + 1)), 'image_too_large');
    expectImageError(() => inspectBadgeImage(makePng(), { maxBytes: 10 }), 'image_too_large');
  });

  it.each([
    ['JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01])],
    ['GIF', Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1')],
    ['WebP', Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8 ', 'latin1')],
    ['plain text', Buffer.from('hello, badge')],
    ['an HTML page', Buffer.from('<html><body><svg xmlns="http://www.w3.org/2000/svg"/></body></html>')],
    ['an SVG without the SVG namespace', Buffer.from('<svg width="10" height="10"/>')],
    ['an empty file', Buffer.alloc(0)],
    ['a Latin-1 SVG', Buffer.from(`<?xml version="1.0" encoding="ISO-8859-1"?><svg xmlns="${SVG_NS}"><title>caf\xe9</title></svg>`, 'latin1')],
    ['an SVG declaring a non-UTF-8 encoding', Buffer.from(`<?xml version="1.0" encoding="windows-1252"?><svg xmlns="${SVG_NS}"/>`)],
    ['a UTF-16 SVG', Buffer.from(`\ufeff<svg xmlns="${SVG_NS}"/>`, 'utf16le')],
  ])('refuses %s as unsupported_image_type', (_what, bytes) => {
    expectImageError(() => inspectBadgeImage(bytes), 'unsupported_image_type');
  });

  it('applies the PNG structure rules and the hostile-SVG rules', () => {
    const png = Buffer.from(makePng());
    png[png.length - 1] ^= 1;
    expectImageError(() => inspectBadgeImage(png), 'png_bad_crc');
    expectImageError(() => inspectBadgeImage(Buffer.from(svgDoc('<script>alert(1)</script>'))), 'svg_forbidden_content');
    const xxe = `<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><svg xmlns="${SVG_NS}">&xxe;</svg>`;
    expectImageError(() => inspectBadgeImage(Buffer.from(xxe)), 'svg_forbidden_content');
    expectImageError(() => inspectBadgeImage(Buffer.from(`<svg xmlns="${SVG_NS}"><g></svg>`)), 'svg_malformed');
  });
});
