import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

import { openDatabase, type Database, type ScratchDatabase } from '@badges/persistence';

import type { GatewayConfig } from '../config/gateway.config';
import { createGatewayApp } from '../gateway.app';
import { FakeIssuer } from './fake-issuer';

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/**
 * A gateway on a scratch database of `target`, forwarding to a FakeIssuer, for the app's HTTP
 * specs. Call it inside `describe`: it adds the hooks that start it, stop it and reset the issuer
 * before each test. Its fields are set once `beforeAll` has run.
 */
export function gatewayUnderTest(target: { create(): Promise<ScratchDatabase> }, config: GatewayConfig) {
  let scratch: ScratchDatabase | undefined;
  const gateway = {
    issuer: new FakeIssuer(),
    database: undefined as unknown as Database,
    app: undefined as unknown as NestFastifyApplication,
    http: undefined as unknown as FastifyInstance,
    send: (options: InjectOptions): Promise<LightMyRequestResponse> => gateway.http.inject(options),
    /** A new institution, as the operator's answer has it (its first client included). */
    async createInstitution(name: string): Promise<{ id: string; name: string; client: ClientCredentials }> {
      const response = await gateway.send({ method: 'POST', url: '/admin/institutions', headers: { authorization: `Bearer ${config.ADMIN_TOKEN}` }, payload: { name } });
      expect(response.statusCode).toBe(201);
      return JSON.parse(response.body);
    },
    async tokenFor(client: ClientCredentials, scope?: string): Promise<string> {
      const payload = { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret, ...(scope && { scope }) };
      const response = await gateway.send({ method: 'POST', url: '/o/token', payload });
      expect(response.statusCode).toBe(200);
      return JSON.parse(response.body).access_token;
    },
  };

  beforeAll(async () => {
    process.env.LOG_LEVEL = 'silent';
    scratch = await target.create();
    gateway.database = await openDatabase(scratch.config);
    gateway.app = await createGatewayApp({ database: gateway.database, config, services: { issuer: gateway.issuer.client }, env: {} });
    gateway.http = gateway.app.getHttpAdapter().getInstance();
  });

  afterAll(async () => {
    await gateway.app?.close();
    await gateway.database?.close();
    await scratch?.dispose();
  });

  beforeEach(() => gateway.issuer.reset());

  return gateway;
}
