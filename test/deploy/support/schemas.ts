import * as cnpgV1 from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1';
import * as kedaV1alpha1 from '@kubernetes-models/keda/keda.sh/v1alpha1';
import * as appsV1 from 'kubernetes-models/apps/v1';
import * as autoscalingV2 from 'kubernetes-models/autoscaling/v2';
import * as batchV1 from 'kubernetes-models/batch/v1';
import * as networkingV1 from 'kubernetes-models/networking.k8s.io/v1';
import * as policyV1 from 'kubernetes-models/policy/v1';
import * as coreV1 from 'kubernetes-models/v1';
import { z } from 'zod';

import type { Manifest } from './rendered';

type ModelClass = new (data: never) => { validate(): void };

/**
 * The Kubernetes API's own schemas (kubernetes-models, generated from its OpenAPI), and the CRDs'
 * for KEDA and CloudNativePG (@kubernetes-models/keda, /cloudnative-pg): types, required fields,
 * enums and formats. They let unknown fields through, as a server without strict validation would.
 */
const MODELS: Record<string, object> = {
  v1: coreV1,
  'apps/v1': appsV1,
  'batch/v1': batchV1,
  'policy/v1': policyV1,
  'autoscaling/v2': autoscalingV2,
  'networking.k8s.io/v1': networkingV1,
  'keda.sh/v1alpha1': kedaV1alpha1,
  'postgresql.cnpg.io/v1': cnpgV1,
};

// Strimzi has no model package: the part of its v1beta2 CRDs these manifests use, with Strimzi's
// field names, strict, so that a misspelt field fails here rather than in the cluster.
const labelSelector = z.object({ matchLabels: z.record(z.string(), z.string()) }).strict();
const strimziMetadata = z
  .object({ name: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/), namespace: z.string(), labels: z.record(z.string(), z.string()).optional(), annotations: z.record(z.string(), z.string()).optional() })
  .strict();
const quantity = z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/)]);
const resources = z.object({ requests: z.partialRecord(z.enum(['cpu', 'memory']), quantity).optional(), limits: z.partialRecord(z.enum(['cpu', 'memory']), quantity).optional() }).strict();
const kafkaConfig = z.record(z.string().regex(/^[a-z0-9.]+$/), z.union([z.string(), z.number(), z.boolean()]));
const strimziKind = <Kind extends string, Spec extends z.ZodType>(kind: Kind, spec: Spec) =>
  z.object({ apiVersion: z.literal('kafka.strimzi.io/v1beta2'), kind: z.literal(kind), metadata: strimziMetadata, spec }).strict();

export const STRIMZI = {
  Kafka: strimziKind(
    'Kafka',
    z
      .object({
        kafka: z
          .object({
            version: z.string().optional(),
            metadataVersion: z.string().optional(),
            listeners: z
              .array(
                z
                  .object({
                    name: z.string().regex(/^[a-z0-9]{1,11}$/),
                    port: z.number().int().min(9092).max(65_535),
                    type: z.enum(['internal', 'cluster-ip', 'route', 'loadbalancer', 'nodeport', 'ingress']),
                    tls: z.boolean(),
                    networkPolicyPeers: z.array(z.object({ podSelector: labelSelector.optional(), namespaceSelector: labelSelector.optional() }).strict()).optional(),
                  })
                  .strict(),
              )
              .min(1),
            config: kafkaConfig.optional(),
          })
          .strict(),
        entityOperator: z.object({ topicOperator: z.object({ resources: resources.optional() }).strict().optional(), userOperator: z.object({}).strict().optional() }).strict().optional(),
      })
      .strict(),
  ),
  KafkaNodePool: strimziKind(
    'KafkaNodePool',
    z
      .object({
        replicas: z.number().int().min(1),
        roles: z.array(z.enum(['controller', 'broker'])).min(1),
        storage: z
          .object({
            type: z.literal('jbod'),
            volumes: z
              .array(
                z
                  .object({
                    id: z.number().int().min(0),
                    type: z.enum(['persistent-claim', 'ephemeral']),
                    size: quantity.optional(),
                    class: z.string().optional(),
                    deleteClaim: z.boolean().optional(),
                    kraftMetadata: z.literal('shared').optional(),
                  })
                  .strict(),
              )
              .min(1),
          })
          .strict(),
        resources: resources.optional(),
      })
      .strict(),
  ),
  KafkaTopic: strimziKind(
    'KafkaTopic',
    z.object({ topicName: z.string().optional(), partitions: z.number().int().min(1), replicas: z.number().int().min(1).max(32_767), config: kafkaConfig.optional() }).strict(),
  ),
} as const;

export type StrimziKafka = z.output<typeof STRIMZI.Kafka>;
export type StrimziNodePool = z.output<typeof STRIMZI.KafkaNodePool>;
export type StrimziTopic = z.output<typeof STRIMZI.KafkaTopic>;

/** What is wrong with one rendered object by its kind's schema; a kind without a schema is wrong too. */
export function schemaProblems(manifest: Manifest): string[] {
  if (manifest.apiVersion === 'kafka.strimzi.io/v1beta2' && manifest.kind in STRIMZI) {
    const parsed = STRIMZI[manifest.kind as keyof typeof STRIMZI].safeParse(manifest);
    return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  }
  const Model = (MODELS[manifest.apiVersion] as Record<string, ModelClass> | undefined)?.[manifest.kind];
  if (!Model) return [`no schema for ${manifest.apiVersion} ${manifest.kind}: add its model to test/deploy/support/schemas.ts`];
  try {
    new Model(manifest as never).validate();
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
