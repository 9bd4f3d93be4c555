import type { Browser, Page } from 'playwright-core';

import { ApiClient } from '../../support/api-client';
import { newContext } from './chromium';
import { pngDataUri, tinyPng } from '../../support/tiny-png';

/**
 * Staff-side set-up through the HTTP API (what an institution's system would do), for specs whose
 * subject is the learner's or visitor's side. Each call fails loudly with the platform's answer.
 */
export class StaffApi {
  private constructor(readonly api: ApiClient, readonly client: { clientId: string; clientSecret: string }, readonly institutionId: string) {}

  /** A new institution (operator token) and its API client, signed in with client credentials. */
  static async forNewInstitution(baseUrl: string, adminToken: string, name: string): Promise<StaffApi> {
    const admin = new ApiClient(baseUrl, adminToken);
    const institution = expectStatus(await admin.post('/admin/institutions', { name }), 201, 'create institution');
    const client = institution.client;
    const token = expectStatus(await new ApiClient(baseUrl).post('/o/token', { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }), 200, 'token');
    return new StaffApi(new ApiClient(baseUrl, token.access_token), client, institution.id);
  }

  /**
   * A console page in a fresh browser profile, signed in with this institution's API client (in
   * English); page errors are collected into `pageErrors`.
   */
  async consolePage(browser: Browser, baseUrl: string, pageErrors: string[]): Promise<Page> {
    const page = await (await newContext(browser, baseUrl)).context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto('/console');
    await page.getByText('Sign in with an API client instead').click();
    await page.getByLabel('Client id').fill(this.client.clientId);
    await page.getByLabel('Client secret').fill(this.client.clientSecret);
    await page.getByRole('button', { name: 'Sign in with the client' }).click();
    await page.getByRole('heading', { level: 1, name: 'Issuers' }).waitFor();
    return page;
  }

  async createIssuer(name: string): Promise<string> {
    const body = expectStatus(await this.api.post('/v2/issuers', { name, email: 'badges@college.example', url: 'https://college.example' }), 201, 'create issuer');
    return body.result[0].entityId;
  }

  async createBadgeClass(issuerId: string, fields: Record<string, unknown>): Promise<string> {
    const body = expectStatus(
      await this.api.post(`/v2/issuers/${issuerId}/badgeclasses`, { image: pngDataUri(tinyPng(64, 64, [29, 78, 216, 255])), ...fields }),
      201,
      'create badge class',
    );
    return body.result[0].entityId;
  }

  /** Awards to an email (hashed, as usual), emailing the recipient when `notify`; returns the assertion's entityId and public URL. */
  async award(badgeClassId: string, email: string, notify = false): Promise<{ entityId: string; openBadgeId: string }> {
    const body = expectStatus(await this.api.post(`/v2/badgeclasses/${badgeClassId}/assertions`, { recipient: { identity: email, type: 'email', hashed: true }, notify }), 201, 'award');
    return { entityId: body.result[0].entityId, openBadgeId: body.result[0].openBadgeId };
  }

  /** This institution vouches for `badgeClassId` of `requester`: endorser Profile, request, approval. */
  async endorseBadgeClass(requester: StaffApi, badgeClassId: string, name: string, comment: string): Promise<string> {
    expectStatus(await this.api.put('/v2/endorsers/self', { name, url: 'https://council.example', email: 'endorse@council.example' }), 200, 'endorser profile');
    const request = expectStatus(await requester.api.post('/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: badgeClassId }, endorser: this.institutionId }), 201, 'endorsement request');
    const approved = expectStatus(await this.api.post(`/v2/endorsement-requests/${request.result[0].entityId}/approve`, { comment }), 201, 'approve');
    return approved.result[0].openBadgeId;
  }

  async revoke(assertionId: string, reason: string): Promise<void> {
    expectStatus(await this.api.delete(`/v2/assertions/${assertionId}`, { revocation_reason: reason }), 200, 'revoke');
  }
}

/** The fields these calls read from the platform's answers (the envelope's result, an institution, a token). */
interface ApiBody {
  result: { entityId: string; openBadgeId: string }[];
  client: { clientId: string; clientSecret: string };
  access_token: string;
  id: string;
}

function expectStatus(response: { status: number; body: unknown }, status: number, what: string): ApiBody {
  if (response.status !== status) throw new Error(`${what}: expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as ApiBody;
}
