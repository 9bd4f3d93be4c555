import { negotiate } from './negotiate';

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
