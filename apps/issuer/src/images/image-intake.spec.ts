import { createHash } from 'node:crypto';

import { ApiError } from '@badges/service-kit';

import { GIF_DATA_URI, PNG_DATA_URI, SVG_DATA_URI } from '../testing/fixtures';
import { checkImageDataUri } from './image-intake';

const svgUri = (inner: string) => `data:image/svg+xml;base64,${Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`).toString('base64')}`;

describe('checkImageDataUri', () => {
  it('accepts PNG and SVG by their bytes', () => {
    expect(checkImageDataUri(PNG_DATA_URI, 'image')).toMatchObject({ contentType: 'image/png' });
    expect(checkImageDataUri(SVG_DATA_URI, 'image')).toMatchObject({ contentType: 'image/svg+xml' });
  });

  it('keeps an SVG as sanitised, hashed as stored', () => {
    const checked = checkImageDataUri(svgUri('<rect xmlns:x="urn:x" x:label="editor" width="4"/>'), 'image');
    expect(checked.bytes.toString('utf8')).toBe('<svg xmlns="http://www.w3.org/2000/svg"><rect width="4"/></svg>');
    expect(checked.sha256).toBe(createHash('sha256').update(checked.bytes).digest('hex'));
  });

  it.each([
    ['a GIF declared as PNG', GIF_DATA_URI, 'unsupported_image_type'],
    ['an SVG with a script', `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64')}`, 'svg_forbidden_content'],
    ['an SVG with an XHTML iframe', svgUri('<iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/>'), 'svg_forbidden_content'],
    ['an SVG nested 100,000 levels deep', svgUri(`${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}`), 'svg_too_complex'],
    ['not a data URI', 'https://example.org/badge.png', 'invalid_data_uri'],
  ])('refuses %s with 400 invalid_image on the field', (_label, uri, reason) => {
    try {
      checkImageDataUri(uri, 'image');
      throw new Error('expected an ApiError');
    } catch (error) {
      expect(error).toBeInstanceOf(ApiError);
      expect(error).toMatchObject({ status: 400, code: 'invalid_image', field: 'image' });
      expect((error as ApiError).message).toContain(reason);
    }
  });
});
