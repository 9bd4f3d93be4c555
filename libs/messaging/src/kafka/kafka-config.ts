import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export interface KafkaSettings {
  brokers: string[];
  /** Unique per process: Kafka uses it in quotas and logs, and replicas must be told apart. */
  clientId: string;
  /** Prepended to every topic and group name; lets several stacks (or test runs) share a cluster. */
  namespace: string;
}

export class KafkaConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KafkaConfigError';
  }
}

/** Reads KAFKA_BROKERS (comma list, required) and KAFKA_NAMESPACE (optional). */
export function kafkaSettingsFromEnv(service: string, env: NodeJS.ProcessEnv = process.env): KafkaSettings {
  const brokers = (env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new KafkaConfigError('KAFKA_BROKERS is not set: give a comma-separated list such as 127.0.0.1:9092');
  const invalid = brokers.filter((broker) => !/^[^\s:/]+:\d{1,5}$/.test(broker));
  if (invalid.length) throw new KafkaConfigError(`KAFKA_BROKERS has entries that are not host:port: ${invalid.join(', ')}`);
  return {
    brokers,
    clientId: `${service}-${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`,
    namespace: env.KAFKA_NAMESPACE ?? '',
  };
}
