import { negotiate, prefersJose } from './negotiate';

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
