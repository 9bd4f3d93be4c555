/**
 * One source of truth (issue #15): what the endorsement service really answers is exactly its
 * response contract, the schema the OpenAPI components and the TypeScript types are derived from.
 * A field the service sends but the contract lacks fails, as do a wrong type and a missing field.
 */
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';
import type { z } from 'zod';

import {
  contractMismatches,
  EndorsementRequestV2Schema,
  EndorsementV2Schema,
  EndorserProfileV2Schema,
  EndorserSigningKeyV2Schema,
  PublishedEndorserV2Schema,
  V2ErrorEnvelopeSchema,
  v2SuccessEnvelopeSchema,
} from '@badges/api-contracts';
import { databaseTargets, openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import { startEndorsementApp, tenantHeaders } from './testing/endorsement-test-app';
import { startFakeIssuer } from './testing/fake-issuer';

const COLLEGE = 'inst-college';
const COUNCIL = 'inst-council';
const PROFILE = { name: 'Engineering Council', url: 'https://council.example', email: 'endorse@council.example' };

describe.each(databaseTargets())('endorsement answers match the response contracts on $name', (target) => {
  let scratch: ScratchDatabase;
  let database: Database;
  let issuer: Awaited<ReturnType<typeof startFakeIssuer>>;
  let app: NestFastifyApplication;

  const call = (institution: string, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse> =>
    app.inject({ method, url, headers: tenantHeaders(institution), ...(payload === undefined ? {} : { payload }) });
  /** The answer's envelope, checked against the contract of its items; returns the first item. */
  const answered = async (schema: z.ZodType, response: Promise<LightMyRequestResponse>, status = 200) => {
    const answer = await response;
    expect(answer.statusCode).toBe(status);
    expect(contractMismatches(v2SuccessEnvelopeSchema(schema), answer.json())).toEqual([]);
    return answer.json().result[0];
  };

  beforeAll(async () => {
    issuer = await startFakeIssuer({ 'badge-robotics': { owner: COLLEGE, name: 'Robotics Fundamentals', issuer: 'issuer-faculty' } });
    scratch = await target.create();
    database = await openDatabase(scratch.config);
    app = await startEndorsementApp(database, issuer.client);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
    await scratch?.dispose();
    await issuer?.fastify.close();
  });

  it('profiles, keys, requests and endorsements, hosted and signed, through their workflow', async () => {
    await answered(EndorserProfileV2Schema, call(COUNCIL, 'PUT', '/v2/endorsers/self', PROFILE));
    await answered(PublishedEndorserV2Schema, call(COLLEGE, 'GET', '/v2/endorsers'));
    const ask = () => answered(EndorsementRequestV2Schema, call(COLLEGE, 'POST', '/v2/endorsement-requests', { target: { type: 'BadgeClass', entityId: 'badge-robotics' }, endorser: COUNCIL, message: 'Please.' }), 201);

    const hostedRequest = await ask();
    const hosted = await answered(EndorsementV2Schema, call(COUNCIL, 'POST', `/v2/endorsement-requests/${hostedRequest.entityId}/approve`, { comment: 'Excellent.' }), 201);
    await answered(EndorsementRequestV2Schema, call(COLLEGE, 'GET', `/v2/endorsement-requests/${hostedRequest.entityId}`));
    await answered(EndorsementV2Schema, call(COUNCIL, 'DELETE', `/v2/endorsements/${hosted.entityId}`, { reason: 'Withdrawn.' }));
    await answered(EndorsementRequestV2Schema, call(COUNCIL, 'POST', `/v2/endorsement-requests/${(await ask()).entityId}/decline`, {}));

    await answered(EndorserProfileV2Schema, call(COUNCIL, 'PUT', '/v2/endorsers/self', { ...PROFILE, verification: 'signed' }));
    const signed = await answered(EndorsementV2Schema, call(COUNCIL, 'POST', `/v2/endorsement-requests/${(await ask()).entityId}/approve`, {}), 201);
    expect(signed.signature).toEqual(expect.any(String));
    await answered(EndorsementV2Schema, call(COLLEGE, 'GET', '/v2/endorsements?role=requester'));
    await answered(EndorserSigningKeyV2Schema, call(COUNCIL, 'GET', '/v2/endorsers/self/keys'));
    await answered(EndorserSigningKeyV2Schema, call(COUNCIL, 'POST', '/v2/endorsers/self/keys/rotate', { algorithm: 'ES256' }), 201);
  });

  it('errors: the error envelope', async () => {
    const response = await call(COLLEGE, 'GET', '/v2/endorsement-requests/unknown-request');
    expect(response.statusCode).toBe(404);
    expect(contractMismatches(V2ErrorEnvelopeSchema, response.json())).toEqual([]);
  });
});
