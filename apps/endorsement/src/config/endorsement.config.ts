import { envFlag, internalServiceUrl, SecretsEncryptionKeySchema, serviceConfigLoader, serviceEnvSchema } from '@badges/service-kit';

/**
 * The endorsement service's environment, validated once at boot (design.md §6: fail fast with a
 * clear list). PORT, PUBLIC_URL (the base of every endorsement and endorser Profile id) and
 * INTERNAL_TOKEN are every service's (service-kit). KAFKA_BROKERS is validated by the messaging lib.
 */
export const EndorsementEnvSchema = serviceEnvSchema({ defaultPort: 3004 }).extend({
  ISSUER_URL: internalServiceUrl('ISSUER_URL', 'http://issuer:3001'),
  /** Seals endorsers' private signing keys at rest, as in the issuer. */
  SECRETS_ENCRYPTION_KEY: SecretsEncryptionKeySchema,
  OUTBOX_RELAY_ENABLED: envFlag(true),
});

export const loadEndorsementConfig = serviceConfigLoader('endorsement', EndorsementEnvSchema, (env) => ({
  issuerUrl: env.ISSUER_URL,
  secretsEncryptionKey: env.SECRETS_ENCRYPTION_KEY,
  outboxRelayEnabled: env.OUTBOX_RELAY_ENABLED,
}));

/** What the service code sees; names are ours, not the environment's. */
export type EndorsementConfig = ReturnType<typeof loadEndorsementConfig>;
