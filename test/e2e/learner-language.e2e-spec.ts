/**
 * Issue #17: emails follow the learner's language, through the compiled platform (PGlite, and
 * PostgreSQL with DATABASE_URL) and a real SMTP sink. A learner signs up from the French web app:
 * the passport keeps `fr`, its confirmation event carries it and the link comes in French alone;
 * once the address is confirmed, the passport's language event reaches the notification service,
 * so an award of an English-only badge to that address is written in French. The learner switches
 * to English and the next award follows; an address with no passport still gets the badge's language.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parseEmail, type ParsedEmail } from '../../apps/notification/src/testing/mime';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/distributed-stack';
import { freePort } from '../support/free-port';
import { startPlatformProcess, type PlatformProcess } from '../support/platform-process';
import { SmtpSink } from '../support/smtp-sink';
import { embeddedStorageTargets } from '../support/storage-targets';
import { pngDataUri } from '../support/tiny-png';

const LEARNER = { email: 'camille.apprenante@example.org', password: 'correct horse battery', name: 'Camille Apprenante' };

describe.each(embeddedStorageTargets())('emails in the learner’s language, end to end on $name', (target) => {
  const smtp = new SmtpSink();
  let dataDir: string;
  let platform: PlatformProcess;
  let storage: { env: Record<string, string>; dispose(): Promise<void> };
  let anonymous: ApiClient;
  let client: ApiClient;
  let badgeClassId: string;

  /** The newest email to `address` whose subject matches, once it arrived (parsed: subject, text, html). */
  async function emailTo(address: string, subject: RegExp, after = 0): Promise<ParsedEmail> {
    let found: ParsedEmail | undefined;
    await eventually(() => {
      found = smtp.messages.slice(after).filter((mail) => mail.to.includes(address)).map((mail) => parseEmail(mail.raw)).findLast((mail) => subject.test(mail.subject));
      return found !== undefined;
    }, 20_000, `an email to ${address} like ${subject}`);
    return found!;
  }

  async function award(email: string): Promise<number> {
    const before = smtp.messages.length;
    expect((await client.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: email, type: 'email', hashed: true }, notify: true })).status).toBe(201);
    return before;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'badges-language-e2e-'));
    storage = await target.env();
    const smtpUrl = await smtp.start();
    const port = await freePort();
    platform = await startPlatformProcess({ ...storage.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, SMTP_URL: smtpUrl, PASSWORD_SCRYPT_LOG_N: '14' });
    anonymous = new ApiClient(platform.url);
    client = await anonymous.forNewInstitution(platform.adminToken, 'Harbour College');
    const issuerId = (await client.post('/v2/issuers', { name: 'School of Nursing', email: 'badges@harbour.example', url: 'https://harbour.example' })).body.result[0].entityId;
    badgeClassId = (await client.post(`/v2/issuers/${issuerId}/badgeclasses`, { name: 'Wound Care', description: 'Dresses wounds.', image: pngDataUri(), criteriaNarrative: 'Pass the practical.' })).body.result[0].entityId;
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await smtp.stop();
    await storage?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes the confirmation link, the awards and the owner’s notice in the learner’s language, and follows a change', async () => {
    const signUp = await anonymous.post('/v2/auth/signup', { ...LEARNER, language: 'fr' });
    expect([signUp.status, signUp.body.result[0].language]).toEqual([201, 'fr']);
    const confirmation = await emailTo(LEARNER.email, /passeport/);
    expect(confirmation.subject).toBe('Confirmez votre adresse pour votre passeport de badges');
    expect(confirmation.text).not.toMatch(/Hello|Confirm that/);
    const token = /confirm-email\?token=([A-Za-z0-9_-]+)/.exec(confirmation.text)![1];
    expect((await anonymous.post('/v2/auth/confirm-email', { token })).status).toBe(200);
    const learner = anonymous.withToken((await anonymous.post('/v2/auth/token', { username: LEARNER.email, password: LEARNER.password })).body.access_token);

    // The passport's language event travels through its outbox: the award that follows is in French alone.
    let french: ParsedEmail | undefined;
    await eventually(async () => {
      french = await emailTo(LEARNER.email, /badge/, await award(LEARNER.email));
      return french.subject.includes('vous a décerné');
    }, 30_000, 'an award email in French');
    expect(french!.subject).toBe('School of Nursing vous a décerné le badge « Wound Care »');
    expect(french!.text).not.toContain('Congratulations');
    expect(french!.html).toContain('<html lang="fr">');
    expect(french!.text).toContain(`${platform.url}/passport`);

    const switched = await learner.put('/v2/users/self', { language: 'en' });
    expect([switched.status, switched.body.result[0].language]).toEqual([200, 'en']);
    let english: ParsedEmail | undefined;
    await eventually(async () => {
      english = await emailTo(LEARNER.email, /badge/, await award(LEARNER.email));
      return english.subject.includes('awarded you');
    }, 30_000, 'an award email in English after the switch');
    expect(english!.text).not.toContain('Félicitations');

    const before = smtp.messages.length;
    expect((await anonymous.post('/v2/auth/signup', { ...LEARNER, password: 'another password!', language: 'fr' })).status).toBe(201);
    const notice = await emailTo(LEARNER.email, /passport/, before);
    expect(notice.subject).toBe('You already have a badge passport');
    expect(notice.text).not.toContain('Bonjour');
  });

  it('refuses a language it does not write, and leaves an address with no passport to the badge’s language', async () => {
    const refused = await anonymous.post('/v2/auth/signup', { email: 'someone@example.org', password: 'correct horse battery', language: 'es' });
    expect([refused.status, refused.body.error?.code, refused.body.error?.field]).toEqual([400, 'validation_failed', 'language']);
    const mail = await emailTo('nobody.yet@example.org', /badge/, await award('nobody.yet@example.org'));
    expect(mail.subject).toBe('School of Nursing awarded you the badge "Wound Care"');
  });
});
