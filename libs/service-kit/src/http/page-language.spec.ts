import { acceptedLanguages, chooseEdition } from './page-language';

describe('acceptedLanguages', () => {
  it('orders by q, keeps the header order on ties, and drops q=0, * and junk', () => {
    expect(acceptedLanguages('en;q=0.5, fr-CA, fr;q=0.9, de;q=0, *;q=0.1, <x>')).toEqual(['fr-ca', 'fr', 'en']);
    expect(acceptedLanguages(undefined)).toEqual([]);
    expect(acceptedLanguages('')).toEqual([]);
  });
});

describe('chooseEdition', () => {
  const available = ['en', 'fr-CA', 'es'];

  it('prefers an exact tag, then the same base language, in the reader\'s order', () => {
    expect(chooseEdition(available, ['fr-ca'])).toBe('fr-CA');
    expect(chooseEdition(available, ['fr'])).toBe('fr-CA');
    expect(chooseEdition(available, ['de', 'es-mx', 'en'])).toBe('es');
  });

  it('is undefined when none of the badge\'s languages is wanted', () => {
    expect(chooseEdition(available, ['de', 'it'])).toBeUndefined();
    expect(chooseEdition(available, [])).toBeUndefined();
  });
});
