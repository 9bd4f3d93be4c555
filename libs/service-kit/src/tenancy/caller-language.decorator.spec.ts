import type { FastifyRequest } from 'fastify';

import { callerLanguageOf } from './caller-language.decorator';
import { InternalHeader } from './internal-headers';

const requestWith = (headers: Record<string, string | string[]>) => ({ headers }) as unknown as FastifyRequest;
const LANGUAGES = ['en', 'fr'] as const;

describe('callerLanguageOf', () => {
  it('takes a person’s own language over what their browser asks for', () => {
    expect(callerLanguageOf(requestWith({ [InternalHeader.StaffLanguage]: 'fr', 'accept-language': 'en-CA,en' }), LANGUAGES)).toBe('fr');
    expect(callerLanguageOf(requestWith({ [InternalHeader.StaffLanguage]: 'en', 'accept-language': 'fr' }), LANGUAGES)).toBe('en');
  });

  it('falls back to the first supported language of Accept-Language (an API client)', () => {
    expect(callerLanguageOf(requestWith({ 'accept-language': 'de;q=0.9, fr-CA, en;q=0.5' }), LANGUAGES)).toBe('fr');
    expect(callerLanguageOf(requestWith({ [InternalHeader.StaffLanguage]: 'klingon', 'accept-language': 'en' }), LANGUAGES)).toBe('en');
  });

  it('is undefined when nothing names a supported language', () => {
    expect(callerLanguageOf(requestWith({}), LANGUAGES)).toBeUndefined();
    expect(callerLanguageOf(requestWith({ 'accept-language': '*' }), LANGUAGES)).toBeUndefined();
    expect(callerLanguageOf(requestWith({ 'accept-language': 'de, es' }), LANGUAGES)).toBeUndefined();
  });
});
