import type { AssertionIssuedPayload } from '@badges/events';

import { awardEmail, emailLanguages, passportUrlOf } from './award-email';
import { DEFAULT_TEMPLATES, TemplateKind } from './default-templates';
import { unknownPlaceholders } from './template-renderer';
import type { EffectiveTemplate } from './templates.service';

const builtIn: EffectiveTemplate = { kind: TemplateKind.AssertionIssued, ...DEFAULT_TEMPLATES[TemplateKind.AssertionIssued], isDefault: true, updatedAt: null };
const payload = (fields: Partial<AssertionIssuedPayload> = {}): AssertionIssuedPayload => ({
  assertionId: 'aaaaaaaaaaaaaaaaaaaaaa',
  assertionUrl: 'https://badges.example.org/public/assertions/aaaaaaaaaaaaaaaaaaaaaa',
  badgeClassId: 'bbbbbbbbbbbbbbbbbbbbbb',
  badgeClassName: 'Lab Safety',
  issuerId: 'iiiiiiiiiiiiiiiiiiiiii',
  issuerName: 'Collège Boréal',
  recipient: { type: 'email', identity: 'sha256$00', hashed: true, plaintextIdentity: 'camille@example.org' },
  issuedOn: '2026-03-01T10:00:00.000Z',
  notify: true,
  imageUrl: 'https://badges.example.org/public/assertions/aaaaaaaaaaaaaaaaaaaaaa/image',
  ...fields,
});

describe('the award email (decision 0035)', () => {
  it('is in the badge’s language, and links the badge and the passport', () => {
    const french = awardEmail(builtIn, payload({ badgeLanguage: 'fr-CA', badgeClassName: 'Sécurité au labo' }));
    expect(french.subject).toBe('Collège Boréal vous a décerné le badge « Sécurité au labo »');
    expect(french.text).toContain('Gardez tous vos badges au même endroit, et partagez-les, dans votre Passeport de badges : https://badges.example.org/passport');
    expect(french.html).toContain('<html lang="fr">');
    expect(french.html).toContain('<a href="https://badges.example.org/passport">Passeport de badges</a>');
    expect(french.text).not.toContain('Congratulations');

    const english = awardEmail(builtIn, payload());
    expect(english.subject).toBe('Collège Boréal awarded you the badge "Lab Safety"');
    expect(english.text).toContain('in your Badge Passport: https://badges.example.org/passport');
    expect(english.text).not.toContain('Félicitations');
  });

  it('is in both languages, the badge’s first, when the badge has a translation; each part names its own edition', () => {
    const both = awardEmail(builtIn, payload({ badgeLanguage: 'en', badgeTranslations: [{ language: 'fr', name: 'Sécurité au labo' }] }));
    expect(both.subject).toBe('Collège Boréal awarded you the badge "Lab Safety" / Collège Boréal vous a décerné le badge « Sécurité au labo »');
    expect(both.text.indexOf('Congratulations!')).toBeLessThan(both.text.indexOf('Félicitations !'));
    expect(both.html).toMatch(/<div lang="en">[\s\S]*Lab Safety[\s\S]*<\/div>\n<hr>\n<div lang="fr">[\s\S]*Sécurité au labo[\s\S]*<\/div>/);
  });

  it('is in the recipient’s own language alone when their passport says it (decision 0041), naming the badge’s edition in it', () => {
    const translated = payload({ badgeLanguage: 'en', badgeTranslations: [{ language: 'fr', name: 'Sécurité au labo' }] });
    const french = awardEmail(builtIn, translated, 'fr');
    expect(french.subject).toBe('Collège Boréal vous a décerné le badge « Sécurité au labo »');
    expect(french.html).toContain('<html lang="fr">');
    expect(french.text).not.toMatch(/Congratulations|Lab Safety/);
    // An English-only badge, to a French reader: French words, the badge's own name.
    const englishBadge = awardEmail(builtIn, payload(), 'fr');
    expect(englishBadge.subject).toBe('Collège Boréal vous a décerné le badge « Lab Safety »');
    expect(englishBadge.text).not.toContain('Congratulations');
    // And a French badge to an English reader: English only.
    const english = awardEmail(builtIn, payload({ badgeLanguage: 'fr', badgeClassName: 'Sécurité au labo' }), 'en');
    expect(english.subject).toBe('Collège Boréal awarded you the badge "Sécurité au labo"');
    expect(english.text).not.toContain('Félicitations');
  });

  it('falls back to English for a badge in a language we write no email in', () => {
    expect(emailLanguages(payload({ badgeLanguage: 'es' }))).toEqual(['en']);
    expect(emailLanguages(payload({ badgeLanguage: 'es', badgeTranslations: [{ language: 'fr-CA', name: 'x' }] }))).toEqual(['en', 'fr']);
  });

  it('sends an institution’s own template as written, with the passport link available to it', () => {
    const own: EffectiveTemplate = { ...builtIn, isDefault: false, subject: 'New: {{badgeName}}', text: '{{passportUrl}}', html: null };
    expect(awardEmail(own, payload({ badgeLanguage: 'fr', badgeTranslations: [{ language: 'en', name: 'Lab Safety' }], badgeClassName: 'Sécurité' }))).toEqual({
      subject: 'New: Sécurité',
      text: 'https://badges.example.org/passport',
      html: null,
    });
    expect(unknownPlaceholders(builtIn.html ?? '')).toEqual([]);
  });

  it('finds the passport beside the badge’s public page, PUBLIC_URL path included', () => {
    expect(passportUrlOf('https://x.example/badges/public/assertions/a')).toBe('https://x.example/badges/passport');
  });
});
