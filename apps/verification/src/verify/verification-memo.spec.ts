import { verifyOpenBadge, type FetchDocument, type VerificationResult } from '@badges/openbadges';

import { verificationAddressPolicy } from '../fetching/address-allow-list';
import { DocumentFetcher } from '../fetching/document-fetcher';
import { MemoryResponseCache } from '../fetching/response-cache';
import { BadgeServer, hostBadge, RECIPIENT_EMAIL } from '../testing/badge-server';
import { VerificationMemo } from './verification-memo';
import type { VerifyRequest } from './verify-request';

/**
 * The memo against a real badge server, through the real fetcher with its cache off (so every
 * read reaches the server and a changed document is seen), verifying with the real pipeline.
 */
describe('VerificationMemo', () => {
  let server: BadgeServer;
  let fetcher: DocumentFetcher;
  let clock: number;
  let runs: number;
  let memo: VerificationMemo;

  const verify = (request: VerifyRequest): Promise<VerificationResult> =>
    memo.verify(request, (fetchDocument: FetchDocument) => {
      runs += 1;
      return verifyOpenBadge(request.input, { fetchDocument, recipientProfile: request.recipientProfile, now: new Date(clock) });
    });

  beforeAll(async () => (server = await BadgeServer.start('127.0.0.2')));
  afterAll(() => server.close());
  beforeEach(() => {
    clock = Date.parse('2026-06-01T00:00:00Z');
    runs = 0;
    fetcher = new DocumentFetcher({
      cache: new MemoryResponseCache(),
      publicUrl: 'http://badges.test',
      cacheTtlSeconds: 0,
      timeoutMs: 2000,
      maxBytes: 1024 * 1024,
      allowPrivateNetwork: false,
      addressPolicy: verificationAddressPolicy(['127.0.0.2'], false),
    });
    memo = new VerificationMemo(fetcher.fetch, { now: () => clock });
  });

  it('reuses the result while every document it read reads the same, and verifies again when one changes', async () => {
    const { ids, assertion } = hostBadge(server);
    const first = await verify({ input: { url: ids.assertion } });
    expect(first.report.valid).toBe(true);
    server.requests.length = 0;
    expect(await verify({ input: { url: ids.assertion } })).toBe(first);
    expect(runs).toBe(1);
    // Every document was read again to be compared (assertion, badge class, issuer, image).
    expect(server.requests.sort()).toEqual(['/assertion', '/badge', '/image.png', '/issuer']);

    server.json('/assertion', { ...assertion, revoked: true, revocationReason: 'Awarded in error' });
    const after = await verify({ input: { url: ids.assertion } });
    expect(runs).toBe(2);
    expect(after.report.valid).toBe(false);
  });

  it('verifies again once a date in the badge passes', async () => {
    const { ids, assertion } = hostBadge(server);
    server.json('/assertion', { ...assertion, expires: '2026-06-01T00:00:10Z' });
    expect((await verify({ input: { url: ids.assertion } })).report.valid).toBe(true);
    clock += 5_000;
    expect((await verify({ input: { url: ids.assertion } })).report.valid).toBe(true);
    expect(runs).toBe(1);
    clock += 5_001;
    expect((await verify({ input: { url: ids.assertion } })).report.valid).toBe(false);
    expect(runs).toBe(2);
  });

  it('verifies again once an OB 3.0 credential\'s validUntil passes', async () => {
    const credential = { type: ['VerifiableCredential', 'OpenBadgeCredential'], validFrom: '2026-01-01T00:00:00Z', validUntil: '2026-06-01T00:00:10Z' };
    server.json('/credential', credential);
    const url = server.url('/credential');
    const run = () =>
      memo.verify({ input: { url } }, async (fetchDocument) => {
        runs += 1;
        await fetchDocument(url);
        const valid = clock <= Date.parse(credential.validUntil);
        return { report: { valid, errorCount: valid ? 0 : 1, warningCount: 0, messages: [], openBadgesVersion: '3.0' }, graph: [credential], input: { input_type: 'url', value: url } };
      });
    expect((await run()).report.valid).toBe(true);
    clock += 5_000;
    expect((await run()).report.valid).toBe(true);
    expect(runs).toBe(1);
    clock += 5_001;
    expect((await run()).report.valid).toBe(false);
    expect(runs).toBe(2);
  });

  it('keeps apart the same badge checked against different recipients', async () => {
    const { ids } = hostBadge(server);
    const right = await verify({ input: { url: ids.assertion }, recipientProfile: { email: RECIPIENT_EMAIL } });
    const wrong = await verify({ input: { url: ids.assertion }, recipientProfile: { email: 'someone.else@example.org' } });
    expect([right.report.valid, wrong.report.valid]).toEqual([true, false]);
    expect(await verify({ input: { url: ids.assertion }, recipientProfile: { email: RECIPIENT_EMAIL } })).toBe(right);
    expect(runs).toBe(2);
  });

  it('does not keep a result that a failed fetch shaped', async () => {
    const { ids } = hostBadge(server);
    server.routes.set('/image.png', (req) => req.socket.destroy());
    await verify({ input: { url: ids.assertion } });
    await verify({ input: { url: ids.assertion } });
    expect(runs).toBe(2);
  });

  it('does not memoize uploaded JSON', async () => {
    const { assertion } = hostBadge(server);
    await verify({ input: { json: assertion } });
    await verify({ input: { json: assertion } });
    expect(runs).toBe(2);
  });
});
