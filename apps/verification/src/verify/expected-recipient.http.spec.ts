import { BadgeServer, hostBadge } from '../testing/badge-server';
import { hashIdentity } from '../testing/badge-test-data';
import { startVerificationTestApp, type VerificationTestApp } from '../testing/verification-test-app';

const DID = 'did:example:learner-7';
const PAGE = 'https://people.example.org/ada';

/**
 * `expected_recipient` against `id` recipients (a URI: a DID or a web address), which the issuer
 * issues: hashed with a salt or plain, compared exactly as OB 2.0 and the reference validator do.
 */
describe('expected_recipient and id recipients', () => {
  let service: VerificationTestApp;
  let badges: BadgeServer;
  let hashedUrl: string;
  let plainUrl: string;

  beforeAll(async () => {
    badges = await BadgeServer.start('127.0.0.2');
    const { assertion } = hostBadge(badges);
    badges.json('/assertion-did', { ...assertion, id: badges.url('/assertion-did'), recipient: { type: 'id', hashed: true, salt: 'pepper', identity: hashIdentity(DID, 'pepper') } });
    badges.json('/assertion-page', { ...assertion, id: badges.url('/assertion-page'), recipient: { type: 'id', hashed: false, identity: PAGE } });
    hashedUrl = badges.url('/assertion-did');
    plainUrl = badges.url('/assertion-page');
    service = await startVerificationTestApp({ VERIFY_ALLOWED_PRIVATE_ADDRESSES: '127.0.0.2' });
  });
  afterAll(async () => {
    await service.close();
    await badges.close();
  });

  const recipientErrors = async (url: string, expected: unknown) => {
    const { status, json } = await service.verify({ url, expected_recipient: expected });
    expect(status).toBe(200);
    return json.report.messages.filter((m) => m.code === 'VERIFY_RECIPIENT_IDENTIFIER').map((m) => m.message);
  };

  it('matches a hashed id recipient given as a DID, as {type: "id"} or in a list; refuses another id', async () => {
    expect(await recipientErrors(hashedUrl, DID)).toEqual([]);
    expect(await recipientErrors(hashedUrl, `  ${DID} `)).toEqual([]);
    expect(await recipientErrors(hashedUrl, { type: 'id', identity: DID })).toEqual([]);
    expect(await recipientErrors(hashedUrl, ['ada@example.org', DID])).toEqual([]);
    expect((await service.verify({ url: hashedUrl, expected_recipient: DID })).json.report).toMatchObject({ valid: true, errorCount: 0 });

    expect(await recipientErrors(hashedUrl, 'did:example:learner-8')).toEqual([expect.stringContaining('none of the given id identifiers matches')]);
    // Exact: a URI is not case-folded (a DID's method-specific id is case-sensitive).
    expect(await recipientErrors(hashedUrl, 'did:example:LEARNER-7')).toHaveLength(1);
    // An email cannot be an id recipient: nothing of the badge's type was given.
    expect(await recipientErrors(hashedUrl, 'ada@example.org')).toEqual([expect.stringContaining('no id was given')]);
    expect((await service.verify({ url: hashedUrl, expected_recipient: 'did:example:learner-8' })).json.report.valid).toBe(false);
  });

  it('matches a plain id recipient that is a web address, given as a URL or as {type: "id"}; refuses another', async () => {
    expect(await recipientErrors(plainUrl, PAGE)).toEqual([]);
    expect(await recipientErrors(plainUrl, { type: 'id', identity: PAGE })).toEqual([]);
    expect(await recipientErrors(plainUrl, 'https://people.example.org/bob')).toHaveLength(1);
    expect(await recipientErrors(plainUrl, { type: 'url', identity: PAGE })).toHaveLength(1);
  });

  it('refuses an unknown type or something that is no identifier with a 400 naming the field', async () => {
    const unknownType = await service.verify({ url: plainUrl, expected_recipient: { type: 'did', identity: DID } });
    expect(unknownType).toMatchObject({ status: 400, json: { error: { code: 'validation_failed', field: 'expected_recipient.type' } } });
    const spaces = await service.verify({ url: plainUrl, expected_recipient: 'did example' });
    expect(spaces).toMatchObject({ status: 400, json: { error: { code: 'validation_failed', field: 'expected_recipient' } } });
  });
});
