import { BadgeClassCreateBodySchema, BadgeClassUpdateBodySchema } from './badge-classes.contract';
import { expectInvalid, expectValid, PNG_DATA_URI } from './testing/fixtures';

// Shape of Badgr's v2 badge class tests (apps/issuer/tests/test_badgeclass.py).
const badgrBadgeClass = {
  name: 'Badge of Awesome',
  description: 'An awesome badge only awarded to awesome people or non-existent test entities',
  image: PNG_DATA_URI,
  criteriaUrl: 'http://wikipedia.org/Awesome',
  criteriaNarrative: 'Be *awesome*.',
  alignments: [
    {
      targetName: 'Awesome Standard 1',
      targetUrl: 'http://example.com/standards/1',
      targetDescription: 'Being awesome',
      targetFramework: 'Awesomeness Framework',
      targetCode: 'AWE.1',
    },
    { targetName: 'Awesome Standard 2', targetUrl: 'http://example.com/standards/2' },
  ],
  tags: ['awesome', 'test'],
  expires: { amount: 10, duration: 'days' },
  issuer: 'ignoredIssuerEntityId',
  extensions: { 'extensions:ExampleExtension': { '@context': 'https://example.org/ctx', exampleProperty: 'x' } },
};

describe('BadgeClassCreateBodySchema', () => {
  it('accepts a Badgr v2 badge class payload and applies our defaults', () => {
    const body = expectValid(BadgeClassCreateBodySchema, badgrBadgeClass);
    const { issuer: _issuer, extensions: _extensions, ...kept } = badgrBadgeClass;
    expect(body).toEqual({ ...kept, language: 'en', translations: [], verification: 'hosted', openBadgesVersion: '2.0' });
    expect(body).not.toHaveProperty('issuer');
  });

  it('accepts criteriaNarrative alone, criteriaUrl alone, and no expiry ({} or null)', () => {
    const { criteriaUrl: _u, ...narrativeOnly } = badgrBadgeClass;
    expect(expectValid(BadgeClassCreateBodySchema, { ...narrativeOnly, expires: {} }).expires).toBeNull();
    const { criteriaNarrative: _n, ...urlOnly } = badgrBadgeClass;
    expect(expectValid(BadgeClassCreateBodySchema, { ...urlOnly, expires: null }).expires).toBeNull();
    expect(expectValid(BadgeClassCreateBodySchema, { ...urlOnly, expires: { amount: null, duration: null } }).expires).toBeNull();
  });

  it('accepts our multilingual extension and signed verification', () => {
    const body = expectValid(BadgeClassCreateBodySchema, {
      ...badgrBadgeClass,
      language: 'fr-ca',
      translations: [
        { language: 'en', name: 'Badge of Awesome', description: 'Awesome', criteriaNarrative: 'Be awesome.' },
        { language: 'es', name: 'Insignia Genial' },
      ],
      verification: 'signed',
    });
    expect(body.language).toBe('fr-CA');
    expect(body.translations.map((t) => t.language)).toEqual(['en', 'es']);
    expect(body.verification).toBe('signed');
  });

  it('takes the Open Badges forms its awards are made in (ours, decision 0048)', () => {
    expect(expectValid(BadgeClassCreateBodySchema, { ...badgrBadgeClass, openBadgesVersion: '3.0' }).openBadgesVersion).toBe('3.0');
    expect(expectValid(BadgeClassCreateBodySchema, { ...badgrBadgeClass, openBadgesVersion: 'both', verification: 'signed' })).toMatchObject({ openBadgesVersion: 'both', verification: 'signed' });
  });

  it.each([
    ['image', { image: undefined }, 'This field is required.'],
    ['name', { name: '' }, 'This field may not be blank.'],
    ['description', { description: '  ' }, 'This field may not be blank.'],
    ['criteriaUrl', { criteriaUrl: undefined, criteriaNarrative: '' }, 'A criteriaUrl or criteriaNarrative is required.'],
    ['criteriaUrl', { criteriaUrl: 'not a url' }, 'Enter a valid URL.'],
    ['criteriaNarrative', { criteriaNarrative: '![tracker](https://evil.example/p.gif)' }, 'Images not supported in markdown.'],
    ['alignments.1.targetUrl', { alignments: [badgrBadgeClass.alignments[0], { targetName: 'x', targetUrl: 'nope' }] }, 'Enter a valid URL.'],
    ['alignments.0.targetName', { alignments: [{ targetUrl: 'http://example.com' }] }, 'This field is required.'],
    ['alignments', { alignments: { targetName: 'x' } }, 'Expected a list of items but got type "dict".'],
    ['tags.1', { tags: ['ok', ''] }, 'This field may not be blank.'],
    ['tags.0', { tags: [7] }, 'Not a valid string.'],
    ['expires.amount', { expires: { amount: 0, duration: 'days' } }, 'Ensure this value is greater than 0.'],
    ['expires.amount', { expires: { amount: 1.5, duration: 'days' } }, 'A valid integer is required.'],
    ['expires.amount', { expires: { amount: '3', duration: 'days' } }, 'A valid integer is required.'],
    ['expires.duration', { expires: { amount: 3, duration: 'fortnights' } }, 'Must be one of: "days", "weeks", "months", "years".'],
    ['expires.duration', { expires: { amount: 3 } }, 'Set a duration along with the amount.'],
    ['language', { language: 'english!' }, expect.stringContaining('BCP 47')],
    ['verification', { verification: 'blockchain' }, 'Must be one of: "hosted", "signed".'],
    ['openBadgesVersion', { openBadgesVersion: '3' }, 'Must be one of: "2.0", "3.0", "both".'],
    ['openBadgesVersion', { openBadgesVersion: 3 }, 'Must be one of: "2.0", "3.0", "both".'],
    ['verification', { openBadgesVersion: '3.0', verification: 'signed' }, expect.stringContaining('Open Badges 3.0 only')],
    ['translations.0.language', { language: 'en', translations: [{ language: 'EN', name: 'x' }] }, expect.stringContaining('own language')],
    ['translations.1.language', { translations: [{ language: 'fr', name: 'a' }, { language: 'fr', name: 'b' }] }, expect.stringContaining('Duplicate')],
    ['translations.0.name', { translations: [{ language: 'fr' }] }, 'This field is required.'],
  ])('rejects a bad %s', (field, patch, message) => {
    const error = expectInvalid(BadgeClassCreateBodySchema, { ...badgrBadgeClass, ...patch });
    expect(error.error.field).toBe(field);
    expect(error.fieldErrors?.[field]).toEqual([message]);
  });
});

describe('BadgeClassUpdateBodySchema', () => {
  const { image: _image, ...withoutImage } = badgrBadgeClass;

  it('does not require image and does not default our additive fields (absent = keep)', () => {
    const body = expectValid(BadgeClassUpdateBodySchema, withoutImage);
    expect(body).not.toHaveProperty('image');
    expect(body).not.toHaveProperty('language');
    expect(body).not.toHaveProperty('translations');
    expect(body).not.toHaveProperty('verification');
    expect(body).not.toHaveProperty('openBadgesVersion');
  });

  it('accepts an update without criteria (the stored criteria stay)', () => {
    const { criteriaUrl: _u, criteriaNarrative: _n, ...noCriteria } = withoutImage;
    expect(expectValid(BadgeClassUpdateBodySchema, noCriteria)).not.toHaveProperty('criteriaUrl');
  });

  it('refuses an update that blanks both criteria', () => {
    const error = expectInvalid(BadgeClassUpdateBodySchema, { ...withoutImage, criteriaUrl: null, criteriaNarrative: '' });
    expect(error.error.field).toBe('criteriaUrl');
  });
});
