import { jsonLdContentType, negotiate, prefersJose } from './negotiate';

describe('negotiate', () => {
  it.each([
    [undefined, 'json-ld'],
    ['', 'json-ld'],
    ['*/*', 'json-ld'],
    ['application/ld+json', 'json-ld'],
    ['application/json', 'json-ld'],
    ['application/json, text/html', 'json-ld'],
    ['text/html', 'html'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'html'],
    ['text/html;q=0.5, application/ld+json', 'json-ld'],
    ['application/ld+json;q=0.2, text/*', 'html'],
    ['image/png', 'json-ld'],
  ])('Accept %p -> %s', (accept, expected) => {
    expect(negotiate(accept)).toBe(expected);
  });
});

describe('prefersJose', () => {
  it.each([
    [undefined, false],
    ['*/*', false],
    ['application/jose', true],
    ['application/jose, application/ld+json', true],
    ['application/jose;q=0.5, application/ld+json', false],
    ['application/jose;q=0', false],
    ['text/html, application/jose;q=0.9', false],
  ])('Accept %p -> %p', (accept, expected) => {
    expect(prefersJose(accept)).toBe(expected);
  });
});

describe('jsonLdContentType', () => {
  const LD = 'application/ld+json; charset=utf-8';
  const JSON = 'application/json; charset=utf-8';
  it.each([
    [undefined, LD],
    ['', LD],
    ['*/*', LD],
    ['application/*', LD],
    ['application/ld+json', LD],
    ['application/ld+json, application/json;q=0.9, */*;q=0.1', LD],
    ['application/json, application/ld+json', LD],
    ['application/json', JSON],
    ['Application/JSON; charset=utf-8', JSON],
    ['application/json, */*;q=0.1', JSON],
    ['application/ld+json;q=0.5, application/json', JSON],
    ['application/json, application/ld+json;q=0', JSON],
  ])('Accept %p -> %s', (accept, expected) => {
    expect(jsonLdContentType(accept)).toBe(expected);
  });
});
