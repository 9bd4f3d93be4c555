import { BadgeServer, hostBadge } from '../testing/badge-server';
import { startVerificationTestApp, type VerificationTestApp } from '../testing/verification-test-app';

interface Answer {
  report: {
    valid: boolean;
    messages: { code: string; messageCode?: string; message: string }[];
    steps: { step: string; title: string; status: string }[];
    badgeEdition?: { language: string; name: string; description?: string; criteriaNarrative?: string };
  };
}

/** POST /v2/verify in the caller's language: the sentences change, the verdict and codes do not. */
describe('verification report language (Accept-Language)', () => {
  let service: VerificationTestApp;
  let badges: BadgeServer;
  let revokedUrl: string;
  let bilingualUrl: string;

  beforeAll(async () => {
    badges = await BadgeServer.start('127.0.0.2');
    const hosted = hostBadge(badges);
    revokedUrl = badges.url('/revoked');
    badges.json('/revoked', { ...hosted.assertion, id: revokedUrl, revoked: true, revocationReason: 'Awarded in error' });
    // A bilingual badge class: English, with its French edition listed in `related` (OB 2.0 i18n).
    bilingualUrl = badges.url('/bilingual-assertion');
    const frenchEdition = badges.url('/badge-fr');
    badges.json('/badge-bilingual', { ...hosted.badge, id: badges.url('/badge-bilingual'), '@language': 'en', related: [{ id: frenchEdition, '@language': 'fr' }] });
    badges.json('/badge-fr', {
      ...hosted.badge,
      id: frenchEdition,
      '@language': 'fr',
      name: 'Soudage I',
      description: 'Souder en sécurité.',
      criteria: { narrative: 'A réussi l’épreuve pratique.' },
      related: [{ id: badges.url('/badge-bilingual'), '@language': 'en' }],
    });
    badges.json('/bilingual-assertion', { ...hosted.assertion, id: bilingualUrl, badge: badges.url('/badge-bilingual') });
    service = await startVerificationTestApp({ VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2' });
  });
  afterAll(async () => {
    await service.close();
    await badges.close();
  });

  async function verify(url: string, acceptLanguage?: string) {
    const response = await service.app.inject({
      method: 'POST',
      url: '/v2/verify',
      headers: { 'content-type': 'application/json', ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
      payload: JSON.stringify({ url }),
    });
    expect(response.statusCode).toBe(200);
    return { json: response.json<Answer>(), headers: response.headers };
  }

  it('answers in French when asked, with the same verdict and codes', async () => {
    const english = await verify(revokedUrl);
    const french = await verify(revokedUrl, 'fr-CA,fr;q=0.9,en;q=0.5');
    expect(french.headers['content-language']).toBe('fr');
    expect(String(french.headers.vary)).toMatch(/accept-language/i);
    expect(french.json.report.valid).toBe(false);
    expect(french.json.report.messages.map((m) => [m.code, m.messageCode])).toEqual(english.json.report.messages.map((m) => [m.code, m.messageCode]));
    const revoked = french.json.report.messages.find((m) => m.code === 'ASSERTION_NOT_REVOKED');
    expect(revoked?.message).toBe(
      'Ce badge a été révoqué par Northern College : Awarded in error. Il n’est plus valide ; son titulaire peut se renseigner auprès de l’émetteur.',
    );
    expect(french.json.report.steps.find((s) => s.step === 'REVOCATION_AND_EXPIRY')).toMatchObject({ title: 'Vérifier que le badge n’est ni révoqué ni expiré', status: 'failed' });
  });

  it('answers in English by default and for languages it has no words for', async () => {
    for (const header of [undefined, 'de-DE, es;q=0.8', 'fr;q=0, en']) {
      const { json, headers } = await verify(revokedUrl, header);
      expect(headers['content-language']).toBe('en');
      expect(json.report.messages.find((m) => m.code === 'ASSERTION_NOT_REVOKED')?.message).toBe(
        'This badge was revoked by Northern College: Awarded in error. It is no longer valid; the earner can ask the issuer about it.',
      );
      expect(json.report.steps.find((s) => s.step === 'REVOCATION_AND_EXPIRY')?.title).toBe('Check the badge is not revoked and not expired');
    }
  });

  it('gives the badge’s own French edition to a French reader, and nothing extra to an English one', async () => {
    const french = await verify(bilingualUrl, 'fr');
    expect(french.json.report.valid).toBe(true);
    expect(french.json.report.badgeEdition).toEqual({
      id: badges.url('/badge-fr'),
      language: 'fr',
      name: 'Soudage I',
      description: 'Souder en sécurité.',
      criteriaNarrative: 'A réussi l’épreuve pratique.',
    });
    expect((await verify(bilingualUrl, 'en')).json.report.badgeEdition).toBeUndefined();
    expect((await verify(revokedUrl, 'fr')).json.report.badgeEdition).toBeUndefined();
  });
});
