import { badgeTexts } from './badge-texts';

describe('badgeTexts (passport pages: a badge in the page’s language)', () => {
  it('shows the translation the API found, marked with its language, else the badge as issued', () => {
    expect(badgeTexts({ badgeclassName: 'Lab Safety', badgeEdition: { language: 'fr', name: 'Sécurité au labo', criteriaNarrative: 'A réussi.' } })).toEqual({
      name: 'Sécurité au labo',
      description: undefined,
      criteriaNarrative: 'A réussi.',
      lang: 'fr',
    });
    expect(badgeTexts({ badgeclassName: 'Lab Safety' })).toEqual({ name: 'Lab Safety' });
  });
});
