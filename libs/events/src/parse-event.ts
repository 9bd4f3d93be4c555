import type { z } from 'zod';

import { envelopeSchema, type BadgeEvent } from './envelope';
import { payloadSchemas } from './event-schemas';
import { InvalidEventError, type InvalidEventIssue } from './invalid-event.error';
import { isTopicName } from './topics';

/**
 * Validates a message at the consumer's edge: the envelope, then the payload of its type.
 * Accepts the parsed object, a JSON string or a Buffer (a Kafka message value).
 * Unknown payload fields are dropped, so a producer's additive change does not break consumers.
 */
export function parseEvent(raw: unknown): BadgeEvent {
  const value = decode(raw);
  const envelope = envelopeSchema.safeParse(value);
  if (!envelope.success) {
    throw new InvalidEventError('envelope', toIssues(envelope.error), typeOf(value));
  }
  const { type } = envelope.data;
  if (!isTopicName(type)) {
    throw new InvalidEventError('unknown-type', [{ path: 'type', message: `no contract for "${type}"` }], type);
  }
  const payload = payloadSchemas[type].safeParse(envelope.data.payload);
  if (!payload.success) {
    throw new InvalidEventError('payload', toIssues(payload.error, 'payload'), type);
  }
  return { ...envelope.data, type, payload: payload.data } as BadgeEvent;
}

function decode(raw: unknown): unknown {
  if (!Buffer.isBuffer(raw) && typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw.toString());
  } catch {
    throw new InvalidEventError('not-json', [{ path: '', message: 'the message is not JSON' }]);
  }
}

function typeOf(value: unknown): string | undefined {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? type : undefined;
}

function toIssues(error: z.ZodError, prefix?: string): InvalidEventIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}
