import { z } from 'zod';

import { BULK_AWARD_STATUSES, BULK_AWARDS_RESPONSE_SCHEMAS, isBulkAwardFinished } from './bulk-awards.contract';
import { NOTIFICATIONS_RESPONSE_SCHEMAS } from './notifications.contract';
import { PASSPORT_RESPONSE_SCHEMAS } from './passport.contract';

const RESPONSE_SCHEMAS = { ...PASSPORT_RESPONSE_SCHEMAS, ...NOTIFICATIONS_RESPONSE_SCHEMAS, ...BULK_AWARDS_RESPONSE_SCHEMAS };
const answerSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'output' }) as { required?: string[]; properties: Record<string, Record<string, unknown>> };

describe('the services’ response contracts', () => {
  it('each become a JSON Schema for the OpenAPI document, every field of an answer required', () => {
    // An answer carries each field (null when it has no value); a URL identifier's proof is the one exception.
    const leftOut: Record<string, string[]> = { AddedIdentifier: ['proof'] };
    for (const [name, schema] of Object.entries(RESPONSE_SCHEMAS)) {
      const json = answerSchema(schema);
      const required = Object.keys(json.properties).filter((field) => !leftOut[name]?.includes(field));
      expect([name, json.required]).toEqual([name, required]);
    }
  });

  it('tell API readers what a field means and what it may hold', () => {
    const delivery = answerSchema(NOTIFICATIONS_RESPONSE_SCHEMAS.WebhookDelivery);
    expect(delivery.properties.status).toMatchObject({ enum: ['queued', 'delivered', 'failed'] });
    expect(delivery.properties.deliveredAt).toMatchObject({ format: 'date-time', nullable: true });
    expect(answerSchema(PASSPORT_RESPONSE_SCHEMAS.Share).properties.target).toMatchObject({ description: 'The assertion or collection entityId' });
  });

  it('end a bulk award’s progress stream once the job completed or failed', () => {
    expect(BULK_AWARD_STATUSES.filter(isBulkAwardFinished)).toEqual(['completed', 'failed']);
    expect(isBulkAwardFinished('paused')).toBe(false);
  });
});
