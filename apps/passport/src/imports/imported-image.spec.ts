import { ApiError } from '@badges/service-kit';

import { HEART_PNG } from '../testing/local-verifier';
import { vetImportedImage } from './imported-image';

const svg = (inner: string) => Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg">${inner}</svg>`);

describe('vetImportedImage', () => {
  it('keeps a PNG as given and an SVG as sanitised', () => {
    expect(vetImportedImage({ image: HEART_PNG, contentType: 'image/png' }).image).toBe(HEART_PNG);
    const kept = vetImportedImage({ image: svg('<g xmlns:i="urn:editor" i:layer="1"><circle r="3"/></g>'), contentType: 'image/svg+xml' });
    expect(kept).toEqual({ image: svg('<g><circle r="3"/></g>'), contentType: 'image/svg+xml' });
  });

  it.each([
    ['an XHTML iframe', svg('<iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="x"/>'), 'svg_forbidden_content'],
    ['a deep SVG', svg(`${'<g>'.repeat(100_000)}${'</g>'.repeat(100_000)}`), 'svg_too_complex'],
  ])('refuses %s with 400 invalid_image on image', (_what, image, reason) => {
    const refuse = () => vetImportedImage({ image, contentType: 'image/svg+xml' });
    expect(refuse).toThrow(ApiError);
    expect(refuse).toThrow(reason);
    try {
      refuse();
    } catch (error) {
      expect(error).toMatchObject({ status: 400, code: 'invalid_image', field: 'image' });
    }
  });
});
