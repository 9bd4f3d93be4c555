import { createHmac } from 'node:crypto';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';

import {
  createEvent,
  Topic,
  type BadgeEvent,
  type LearnerEmailConfirmationRequestedPayload,
  type LearnerExistingSignupAttemptedPayload,
  type LearnerLanguageChangedPayload,
} from '@badges/events';
import { InProcessJobBackend } from '@badges/jobs';
import { InProcessEventBus } from '@badges/messaging';
import { createSalt, hashIdentity, normalizeIdentity } from '@badges/openbadges';
import { newEntityId, type Database } from '@badges/persistence';
import { InternalHeader } from '@badges/service-kit';

import { loadPassportConfig } from '../config/passport.config';
import type { Verifier } from '../imports/verification.client';
import { createPassportApp } from '../passport.app';
import { startFakeIssuer } from './fake-issuer';
import { LocalVerifier } from './local-verifier';
import { TestCollege } from './test-credentials';

export const TEST_INTERNAL_TOKEN = 'test-internal-token-0123456789';
export const TEST_LOOKUP_SECRET = 'test-recipient-lookup-secret-0123456789';
export const TEST_PUBLIC_URL = 'https://badges.example.org';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** An error answer: its status, stable code and field, in the shared envelope (`success: false`). */
export function expectApiError(response: LightMyRequestResponse, status: number, code: string, field?: string): void {
  const body = response.json() as Json;
  expect({ status: response.statusCode, code: body.error?.code, field: body.error?.field, success: body.status?.success }).toEqual({ status, code, field, success: false });
}

/**
 * The passport app on its own in-process bus, with a fake issuer and a listener standing in for
 * the notification service (it keeps each confirmation email's, owner notice's and learner language's payload) and one for
 * the issuer's dashboards (`engagements`). Awards are published as
 * the real issuer publishes them: salted hash plus the keyed lookup under the shared secret.
 */
export async function startPassport(database: Database, options: { verifier?: Verifier; internalToken?: boolean } = {}) {
  process.env.LOG_LEVEL = 'silent';
  // Without it the passport answers any caller, as an embedded platform without INTERNAL_TOKEN does (a test's own HTTP client).
  if (options.internalToken === false) delete process.env.INTERNAL_TOKEN;
  else process.env.INTERNAL_TOKEN = TEST_INTERNAL_TOKEN;
  // This platform's issuer as its OB 3.0 credentials name it (decision 0048); a LocalVerifier reads its documents.
  const platformIssuer = await TestCollege.create(TEST_PUBLIC_URL, 'Faculty of Science', 'issuer1');
  if (options.verifier instanceof LocalVerifier) options.verifier.serve(platformIssuer.documents);
  const bus = new InProcessEventBus();
  const confirmations: LearnerEmailConfirmationRequestedPayload[] = [];
  const notices: LearnerExistingSignupAttemptedPayload[] = [];
  const languages: LearnerLanguageChangedPayload[] = [];
  // Stands in for the issuer's dashboards: every engagement event the passport published.
  const engagements: BadgeEvent[] = [];
  await bus.subscribe({ group: 'test-dashboards', topics: [Topic.PassportAssertionAccepted, Topic.PassportAssertionShared], handler: async (event) => void engagements.push(event) });
  await bus.subscribe({
    group: 'test-mailer',
    topics: [Topic.LearnerEmailConfirmationRequested, Topic.LearnerExistingSignupAttempted, Topic.LearnerLanguageChanged],
    handler: async (event) => {
      if (event.type === Topic.LearnerExistingSignupAttempted) notices.push(event.payload);
      else if (event.type === Topic.LearnerLanguageChanged) languages.push(event.payload);
      else if (event.type === Topic.LearnerEmailConfirmationRequested) confirmations.push(event.payload);
    },
  });
  const issuer = await startFakeIssuer();
  const config = loadPassportConfig({ PUBLIC_URL: TEST_PUBLIC_URL, RECIPIENT_LOOKUP_SECRET: TEST_LOOKUP_SECRET, PASSWORD_SCRYPT_LOG_N: '14', IMPORT_REVERIFY_SWEEP_MS: '0', ALLOW_PRIVATE_NETWORK_FETCH: 'true' });
  const jobs = new InProcessJobBackend();
  const app: NestFastifyApplication = await createPassportApp({ database, config, issuer: issuer.client, env: {}, inProcessBus: bus, inProcessJobs: jobs, verifier: options.verifier });
  await app.getHttpAdapter().getInstance().ready();

  const call = (method: string, url: string, token?: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { [InternalHeader.InternalToken]: TEST_INTERNAL_TOKEN, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  const waitFor = async <T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 5000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  /** The token of the latest confirmation link sent to `email`. */
  const confirmationToken = (email: string) =>
    waitFor(() => {
      const sent = confirmations.filter((c) => c.email === email.toLowerCase()).at(-1);
      return sent ? new URL(sent.confirmUrl).searchParams.get('token')! : undefined;
    }, `the confirmation email to ${email}`);

  const harness = {
    app,
    bus,
    issuer,
    platformIssuer,
    confirmations,
    notices,
    languages,
    engagements,
    /** The keyed lookup of an address, as the issuer computes it. */
    lookupOf: (email: string) => createHmac('sha256', TEST_LOOKUP_SECRET).update(normalizeIdentity('email', email)).digest('hex'),
    call,
    waitFor,
    confirmationToken,
    json: (response: LightMyRequestResponse): Json => response.json() as Json,
    async signUp(email: string, password = 'correct horse battery', name = 'Ada Learner'): Promise<{ token: string; learnerId: string }> {
      const created = await call('POST', '/v2/auth/signup', undefined, { email, password, name });
      if (created.statusCode !== 201) throw new Error(`sign-up failed: ${created.statusCode} ${created.body}`);
      return { token: await harness.signIn(email, password), learnerId: (created.json() as Json).result[0].entityId };
    },
    async signIn(username: string, password = 'correct horse battery'): Promise<string> {
      const response = await call('POST', '/v2/auth/token', undefined, { username, password });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      return (response.json() as Json).access_token;
    },
    async confirm(email: string): Promise<Json> {
      const response = await call('POST', '/v2/auth/confirm-email', undefined, { token: await confirmationToken(email) });
      if (response.statusCode !== 200) throw new Error(`confirm failed: ${response.statusCode} ${response.body}`);
      return (response.json() as Json).result[0];
    },
    /**
     * Publishes an issued event exactly as the issuer makes one; returns the assertion id. With
     * `credential`, the award has an OB 3.0 credential in that form, which the fake issuer serves
     * (`ob3Only`: and no OB 2.0 assertion, as a badge class in 3.0 only).
     */
    async award(
      email: string,
      options: { badgeName?: string; hashed?: boolean; withLookup?: boolean; issuedOn?: string; expires?: string; type?: 'email' | 'url'; credential?: 'ldp' | 'jwt'; ob3Only?: boolean } = {},
    ): Promise<string> {
      const assertionId = newEntityId();
      const type = options.type ?? 'email';
      const credentialUrl = `${TEST_PUBLIC_URL}/public/credentials/${assertionId}`;
      if (options.credential) {
        // Signed once at award time, as the issuer does; the fake issuer serves it.
        const { text } = await platformIssuer.credential({ id: credentialUrl, email, format: options.credential, achievementName: options.badgeName ?? 'Lab Safety', validFrom: options.issuedOn ?? new Date().toISOString() });
        issuer.credentials.set(assertionId, { format: options.credential, text });
        if (options.ob3Only) issuer.ob3Only.add(assertionId);
      }
      const normalized = normalizeIdentity(type, email);
      const salt = createSalt();
      const hashed = options.hashed ?? true;
      const event = createEvent(Topic.AssertionIssued, {
        institutionId: 'inst-a',
        correlationId: `corr-${assertionId}`,
        aggregateId: assertionId,
        payload: {
          assertionId,
          assertionUrl: `${TEST_PUBLIC_URL}/public/assertions/${assertionId}`,
          badgeClassId: 'badgeclass1',
          badgeClassName: options.badgeName ?? 'Lab Safety',
          issuerId: 'issuer1',
          issuerName: 'Faculty of Science',
          recipient: {
            type,
            identity: hashed ? hashIdentity(normalized, salt, 'sha256') : normalized,
            ...(hashed ? { salt } : {}),
            hashed,
            ...(options.withLookup === false ? {} : { lookup: createHmac('sha256', TEST_LOOKUP_SECRET).update(normalized).digest('hex') }),
          },
          issuedOn: options.issuedOn ?? new Date().toISOString(),
          ...(options.expires ? { expires: options.expires } : {}),
          notify: false,
          imageUrl: `${TEST_PUBLIC_URL}/public/assertions/${assertionId}/image`,
          ...(options.credential ? { credentialUrl, credentialFormat: options.credential } : {}),
        },
      });
      await bus.publish([event, event]); // twice: the consumer must be idempotent
      await bus.idle();
      return assertionId;
    },
    async revoke(assertionId: string, reason = 'issued in error'): Promise<void> {
      const event = createEvent(Topic.AssertionRevoked, {
        institutionId: 'inst-a',
        correlationId: `corr-r-${assertionId}`,
        aggregateId: assertionId,
        payload: { assertionId, assertionUrl: `${TEST_PUBLIC_URL}/public/assertions/${assertionId}`, badgeClassId: 'badgeclass1', issuerId: 'issuer1', revocationReason: reason, revokedAt: new Date().toISOString() },
      });
      await bus.publish([event]);
      await bus.idle();
      issuer.revoked.add(assertionId);
    },
    async close(): Promise<void> {
      await app.close();
      jobs.close();
      await bus.close();
      await issuer.fastify.close();
    },
  };
  return harness;
}

export type PassportHarness = Awaited<ReturnType<typeof startPassport>>;
