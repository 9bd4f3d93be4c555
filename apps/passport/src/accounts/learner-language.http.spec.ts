/**
 * The learner's language (issue #17, decision 0041): kept from the web app's sign-up and new
 * addresses (else Accept-Language), changed with PUT /v2/users/self, carried by the confirmation
 * and owner-notice events, and published whole, with the keyed lookups of the verified addresses
 * only, for the notification service's award emails.
 */
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { expectApiError as expectError, startPassport, type PassportHarness } from '../testing/passport-test-app';

describe.each(databaseTargets())('the learner’s language on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let p: PassportHarness;

  beforeAll(async () => {
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    p = await startPassport(database);
  }, 120_000);

  afterAll(async () => {
    await p?.close();
    await database?.close();
    await scratch?.dispose();
  });

  const signUp = async (email: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) => {
    const response = await p.call('POST', '/v2/auth/signup', undefined, { email, password: 'correct horse battery', name: 'Camille', ...body }, headers);
    expect(response.statusCode).toBe(201);
    return { learnerId: p.json(response).result[0].entityId as string, language: p.json(response).result[0].language, token: await p.signIn(email) };
  };
  const confirmation = (email: string) => p.waitFor(() => p.confirmations.filter((c) => c.email === email).at(-1), `the confirmation to ${email}`);
  const lastLanguage = (learnerId: string) => p.languages.filter((state) => state.learnerId === learnerId).at(-1);
  /** Events leave through the outbox relay: wait for the learner's latest state to be `expected`, then compare. */
  const expectState = async (learnerId: string, expected: unknown) => {
    await p.waitFor(() => (JSON.stringify(lastLanguage(learnerId)) === JSON.stringify(expected) ? true : undefined), 'the learner’s language state').catch(() => undefined);
    expect(lastLanguage(learnerId)).toEqual(expected);
  };

  it('refuses a language the platform writes no email in, with the field, everywhere it is taken', async () => {
    expectError(await p.call('POST', '/v2/auth/signup', undefined, { email: 'de@example.org', password: 'correct horse battery', language: 'de' }), 400, 'validation_failed', 'language');
    const { token } = await signUp('refused@example.org');
    expectError(await p.call('PUT', '/v2/users/self', token, { language: 'EN' }), 400, 'validation_failed', 'language');
    expectError(await p.call('PUT', '/v2/users/self', token, {}), 400, 'validation_failed', 'language');
    expectError(await p.call('POST', '/v2/users/self/emails', token, { email: 'other@example.org', language: 42 }), 400, 'validation_failed', 'language');
    const [row] = await database.query<{ count: number }>(`SELECT count(*)::int AS count FROM passport.learners WHERE username = 'de@example.org'`);
    expect(row.count).toBe(0);
  });

  it('takes the web app’s language at sign-up, else Accept-Language, else knows none', async () => {
    expect((await signUp('chosen@example.org', { language: 'fr' }, { 'accept-language': 'en' })).language).toBe('fr');
    expect((await confirmation('chosen@example.org')).language).toBe('fr');
    expect((await signUp('header@example.org', {}, { 'accept-language': 'de-DE, fr-CA;q=0.8, en;q=0.5' })).language).toBe('fr');
    expect((await confirmation('header@example.org')).language).toBe('fr');
    expect((await signUp('unknown@example.org', {}, { 'accept-language': 'de' })).language).toBeNull();
    expect(await confirmation('unknown@example.org')).not.toHaveProperty('language');
  });

  it('publishes the language with the lookups of verified addresses only, and again on every change', async () => {
    const { learnerId, token } = await signUp('camille@example.org', { language: 'fr' });
    // Not verified yet: nothing is published (anyone may type anyone's address).
    expect(lastLanguage(learnerId)).toBeUndefined();
    await p.confirm('camille@example.org');
    await expectState(learnerId, { learnerId, language: 'fr', lookups: [p.lookupOf('camille@example.org')] });

    const switched = await p.call('PUT', '/v2/users/self', token, { language: 'en' });
    expect([switched.statusCode, p.json(switched).result[0].language]).toEqual([200, 'en']);
    await expectState(learnerId, { learnerId, language: 'en', lookups: [p.lookupOf('camille@example.org')] });
    const published = p.languages.length;
    expect((await p.call('PUT', '/v2/users/self', token, { language: 'en' })).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(p.languages).toHaveLength(published); // no change, no event

    // A new address with the web app's language: it becomes the learner's, and its link is written in it.
    expect((await p.call('POST', '/v2/users/self/emails', token, { email: 'camille.work@example.org', language: 'fr' })).statusCode).toBe(201);
    expect((await confirmation('camille.work@example.org')).language).toBe('fr');
    expect(p.json(await p.call('GET', '/v2/users/self', token)).result[0].language).toBe('fr');
    await p.confirm('camille.work@example.org');
    await expectState(learnerId, { learnerId, language: 'fr', lookups: [p.lookupOf('camille@example.org'), p.lookupOf('camille.work@example.org')] });

    // Accept-Language alone does not override a language the learner has.
    expect((await p.call('POST', '/v2/users/self/emails', token, { email: 'camille.home@example.org' }, { 'accept-language': 'en' })).statusCode).toBe(201);
    expect((await confirmation('camille.home@example.org')).language).toBe('fr');

    // Removing a verified address takes its lookup out; deleting the account forgets them all.
    const work = p.json(await p.call('GET', '/v2/users/self/emails', token)).result.find((e: { email: string }) => e.email === 'camille.work@example.org');
    expect((await p.call('DELETE', `/v2/users/self/emails/${work.entityId}`, token)).statusCode).toBe(204);
    await expectState(learnerId, { learnerId, language: 'fr', lookups: [p.lookupOf('camille@example.org')] });
    expect((await p.call('DELETE', '/v2/users/self', token, { password: 'correct horse battery' })).statusCode).toBe(204);
    await expectState(learnerId, { learnerId, language: null, lookups: [] });
  });

  it('writes the owner’s notice in the owner’s language, whatever the second sign-up asked', async () => {
    const { learnerId } = await signUp('owner@example.org', { language: 'fr' });
    expect((await p.call('POST', '/v2/auth/signup', undefined, { email: 'owner@example.org', password: 'another password', language: 'en' })).statusCode).toBe(201);
    expect(await p.waitFor(() => p.notices.find((n) => n.learnerId === learnerId), 'the owner notice')).toMatchObject({ email: 'owner@example.org', language: 'fr' });
  });

  it('hands the merged-away account’s addresses to the account that stays, in its language', async () => {
    const stays = await signUp('stays@example.org', { language: 'en' });
    const goes = await signUp('goes@example.org', { language: 'fr' });
    await p.confirm('stays@example.org');
    await p.confirm('goes@example.org');
    expect((await p.call('POST', '/v2/users/self/merge', stays.token, { username: 'goes@example.org', password: 'correct horse battery' })).statusCode).toBe(200);
    await expectState(goes.learnerId, { learnerId: goes.learnerId, language: null, lookups: [] });
    await expectState(stays.learnerId, { learnerId: stays.learnerId, language: 'en', lookups: [p.lookupOf('stays@example.org'), p.lookupOf('goes@example.org')] });
  });

  it('refuses a language outside the list at the database level too', async () => {
    await expect(database.query(`UPDATE passport.learners SET language = 'de' WHERE username = 'stays@example.org'`)).rejects.toThrow(/learners_language_check/);
  });
});
