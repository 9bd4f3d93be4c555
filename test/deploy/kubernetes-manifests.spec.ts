import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICluster } from '@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster';
import type { IScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IService } from 'kubernetes-models/v1/Service';
import { parse as parseYaml } from 'yaml';

import { deadLetterTopic, ALL_TOPICS } from '@badges/events';
import { ALL_QUEUES, jobsSettingsFromEnv, parseWorkerRole } from '@badges/jobs';
import { kafkaSettingsFromEnv } from '@badges/messaging';
import { databaseConfigFromEnv, POSTGRES_POOL_SIZE } from '@badges/persistence';

import { servicesWithMigrations } from '../../apps/runner/src/migrate';
import { containerEnv, processEnv, type EnvSource } from './support/container-env';
import { CONFIG_SCHEMAS, CONSUMER_GROUPS, defaultPort, DISTRIBUTED_SERVICES, LARGEST_BODY_BYTES, queuesUsedBy, ROOT, SERVICE_URL_VARIABLES, type DistributedService } from './support/platform-facts';
import { OVERLAYS, Rendered, selects, type Manifest } from './support/rendered';
import { schemaProblems, type StrimziKafka, type StrimziNodePool, type StrimziTopic } from './support/schemas';

/**
 * infra/k8s validated without a cluster (issue #20, decision 0051): each overlay is rendered with
 * `kubectl kustomize`, every object checked against its kind's schema, then against what the code
 * says the platform needs. A failure names the overlay, the object and what is wrong.
 */

const NAME = 'app.kubernetes.io/name';
const COMPONENT = 'app.kubernetes.io/component';
/** Variables whose value is a credential (or a URL that carries one): only ever from a Secret. */
const SECRET_VARIABLE = /TOKEN|SECRET|PASSWORD|_KEY$|^(DATABASE_URL|REDIS_URL|SMTP_URL)$/;
/** Strimzi's `Kafka` name gives its bootstrap Service: `<name>-kafka-bootstrap`. */
const bootstrapHost = (kafka: string) => `${kafka}-kafka-bootstrap`;

const podLabels = (deployment: IDeployment) => deployment.spec!.template.metadata!.labels!;
const serviceOf = (deployment: IDeployment) => podLabels(deployment)[NAME] as DistributedService;
const theContainer = (workload: IDeployment | IJob): IContainer => {
  const containers = workload.spec!.template.spec!.containers;
  if (containers.length !== 1) throw new Error(`one container per pod, found ${containers.length}`);
  return containers[0];
};
/** A Kubernetes quantity in bytes (50m = 50 MiB in ingress-nginx's sense, Mi, Gi). */
const bytes = (quantity: string) => {
  const match = /^(\d+)([kmg]|Ki|Mi|Gi)?$/i.exec(quantity);
  if (!match) throw new Error(`not a size: ${quantity}`);
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3, ki: 1024, mi: 1024 ** 2, gi: 1024 ** 3 }[(match[2] ?? '').toLowerCase()] ?? 1;
  return Number(match[1]) * unit;
};

describe.each(OVERLAYS)('infra/k8s/overlays/%s', (overlay) => {
  let rendered: Rendered;
  let deployments: (IDeployment & Manifest)[];
  let envOf: (workload: IDeployment | IJob) => Map<string, EnvSource>;

  beforeAll(() => {
    rendered = Rendered.render(overlay);
    deployments = rendered.ofKind<IDeployment>('Deployment');
    envOf = (workload) => containerEnv(theContainer(workload), rendered);
  });

  const deploymentsOf = (service: DistributedService) => deployments.filter((deployment) => serviceOf(deployment) === service);
  const autoscalerOf = (deployment: IDeployment): { min: number; max: number; kind: string } => {
    const name = deployment.metadata!.name;
    const hpas = rendered.ofKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler').filter((hpa) => hpa.spec!.scaleTargetRef.name === name);
    const scaled = rendered.ofKind<IScaledObject>('ScaledObject').filter((object) => object.spec.scaleTargetRef.name === name);
    if (hpas.length + scaled.length !== 1) throw new Error(`Deployment ${name} has ${hpas.length} HorizontalPodAutoscalers and ${scaled.length} ScaledObjects: one autoscaler, not ${hpas.length + scaled.length}`);
    if (hpas.length === 1) return { min: hpas[0].spec!.minReplicas ?? 1, max: hpas[0].spec!.maxReplicas, kind: 'HorizontalPodAutoscaler' };
    return { min: scaled[0].spec.minReplicaCount ?? 0, max: scaled[0].spec.maxReplicaCount ?? 100, kind: 'ScaledObject' };
  };
  const kafka = () => {
    const clusters = rendered.ofKind<StrimziKafka>('Kafka');
    expect(clusters).toHaveLength(1);
    return clusters[0];
  };
  const plainListener = () => kafka().spec.kafka.listeners.find((listener) => !listener.tls)!;
  const eventTopics = () => rendered.ofKind<StrimziTopic>('KafkaTopic').filter((topic) => !topic.metadata.name.endsWith('.dlq'));

  it("renders, and every object passes its kind's schema (Kubernetes, KEDA, CloudNativePG, Strimzi)", () => {
    const problems = rendered.all.flatMap((manifest) => schemaProblems(manifest).map((problem) => `${manifest.kind} ${manifest.metadata.name}: ${problem}`));
    expect(problems).toEqual([]);
    expect(rendered.namespace).toMatch(/^[a-z0-9-]+$/);
  });

  it('labels what each step of an install selects (docs/operations.md): the backing services, then the migration Job alone', () => {
    const selected = (component: string) => rendered.all.filter((manifest) => manifest.metadata.labels?.[COMPONENT] === component).map((manifest) => `${manifest.kind} ${manifest.metadata.name}`);
    const backingKinds = new Set(['Kafka', 'KafkaNodePool', 'KafkaTopic', 'Cluster', 'ScheduledBackup', 'StatefulSet']);
    const backing = rendered.all.filter((manifest) => backingKinds.has(manifest.kind) || manifest.metadata.name === 'badges-redis');
    expect(selected('backing').sort()).toEqual(backing.map((manifest) => `${manifest.kind} ${manifest.metadata.name}`).sort());
    expect(selected('migrate')).toEqual(['Job badges-migrate']);
    expect(rendered.all.filter((manifest) => manifest.metadata.labels?.['app.kubernetes.io/part-of'] !== 'badges').map((manifest) => manifest.metadata.name)).toEqual([]);
  });

  it('runs every service of the distributed stack: its entry point, port, probes, resources and a PodDisruptionBudget', () => {
    for (const service of DISTRIBUTED_SERVICES) {
      expect([service, deploymentsOf(service).length > 0]).toEqual([service, true]);
      for (const deployment of deploymentsOf(service)) {
        const name = deployment.metadata!.name;
        const container = theContainer(deployment);
        expect([name, container.command]).toEqual([name, ['node', `dist/apps/${service}/src/main.js`]]);
        expect(existsSync(join(ROOT, 'apps', service, 'src', 'main.ts'))).toBe(true);
        expect([name, container.ports]).toEqual([name, [{ name: 'http', containerPort: defaultPort(service) }]]);
        expect([name, envOf(deployment).get('PORT')]).toEqual([name, { from: 'value', value: String(defaultPort(service)) }]);
        // /health is every service's; the gateway's readiness is /ready (its database and every service).
        const probe = (path: string) => expect.objectContaining({ httpGet: { path, port: 'http' } });
        expect([name, container.startupProbe, container.livenessProbe, container.readinessProbe]).toEqual([name, probe('/health'), probe('/health'), probe(service === 'gateway' ? '/ready' : '/health')]);
        expect([name, container.resources]).toEqual([name, { requests: { cpu: expect.any(String), memory: expect.any(String) }, limits: { memory: expect.any(String) } }]);
        expect(bytes(String(container.resources!.limits!.memory))).toBeGreaterThanOrEqual(bytes(String(container.resources!.requests!.memory)));
        const budgets = rendered.ofKind<IPodDisruptionBudget>('PodDisruptionBudget').filter((budget) => selects(budget.spec!.selector!.matchLabels, podLabels(deployment)));
        expect([name, budgets.map((budget) => budget.spec!.maxUnavailable)]).toEqual([name, [1]]);
        expect(selects(deployment.spec!.selector.matchLabels, podLabels(deployment))).toBe(true);
      }
    }
  });

  it('runs the pods unprivileged, without a service account token, on a read-only root', () => {
    for (const workload of [...deployments, ...rendered.ofKind<IJob>('Job')]) {
      const pod = workload.spec!.template.spec!;
      const container = theContainer(workload);
      expect([workload.metadata!.name, pod.automountServiceAccountToken, pod.securityContext?.runAsNonRoot, pod.securityContext?.seccompProfile?.type]).toEqual([workload.metadata!.name, false, true, 'RuntimeDefault']);
      expect([workload.metadata!.name, container.securityContext]).toEqual([workload.metadata!.name, { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } }]);
      // The only writable places: /tmp, and DATA_DIR when the workload has one.
      const dataDir = envOf(workload).get('DATA_DIR');
      const mounts = (container.volumeMounts ?? []).map((mount) => mount.mountPath).sort();
      expect([workload.metadata!.name, mounts]).toEqual([workload.metadata!.name, dataDir && 'value' in dataDir ? [dataDir.value, '/tmp'].sort() : ['/tmp']]);
    }
  });

  it('splits API and worker roles with WORKERS: API pods work no queue, worker pods exactly their service’s queues', () => {
    const worked = new Set<string>();
    for (const deployment of deployments) {
      const service = serviceOf(deployment);
      const role = podLabels(deployment)[COMPONENT];
      const workers = envOf(deployment).get('WORKERS');
      const queues = queuesUsedBy(service);
      if (role === 'workers') {
        expect(workers?.from).toBe('value');
        const listed = [...parseWorkerRole((workers as { value: string }).value).queues].sort();
        expect([deployment.metadata!.name, listed]).toEqual([deployment.metadata!.name, queues]);
        listed.forEach((queue) => worked.add(queue));
      } else {
        expect([deployment.metadata!.name, role]).toEqual([deployment.metadata!.name, 'api']);
        // WORKERS unset means all: an API pod of a service with queues must say none.
        expect([deployment.metadata!.name, workers]).toEqual([deployment.metadata!.name, queues.length > 0 ? { from: 'value', value: 'none' } : undefined]);
      }
    }
    expect([...worked].sort()).toEqual([...ALL_QUEUES].sort());
    // Each service's Service sends requests to its API pods only.
    for (const service of rendered.ofKind<IService>('Service').filter((candidate) => candidate.metadata!.name in CONFIG_SCHEMAS)) {
      const targets = deployments.filter((deployment) => selects(service.spec!.selector, podLabels(deployment)));
      expect([service.metadata!.name, targets.map((deployment) => podLabels(deployment)[COMPONENT])]).toEqual([service.metadata!.name, ['api']]);
    }
  });

  it('gives every Deployment one autoscaler, which owns its replica count: CPU, and Kafka lag for the consumers', () => {
    const partitions = Math.min(...eventTopics().map((topic) => topic.spec.partitions));
    for (const deployment of deployments) {
      const { min, max, kind } = autoscalerOf(deployment);
      expect([deployment.metadata!.name, deployment.spec!.replicas]).toEqual([deployment.metadata!.name, undefined]);
      expect(min).toBeGreaterThanOrEqual(1);
      expect(max).toBeGreaterThanOrEqual(min);
      if (kind === 'ScaledObject') expect(CONSUMER_GROUPS[serviceOf(deployment)]).toBeDefined();
    }
    for (const hpa of rendered.ofKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler')) {
      expect(hpa.spec!.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: expect.any(String) });
      expect(hpa.spec!.metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: expect.any(Number) } } }]);
    }
    for (const scaled of rendered.ofKind<IScaledObject>('ScaledObject')) {
      const target = rendered.named<IDeployment>('Deployment', scaled.spec.scaleTargetRef.name);
      const service = serviceOf(target);
      // KEDA's operator reads the lag from its own namespace: the address must name ours.
      expect(scaled.spec.triggers).toEqual([
        { type: 'kafka', metadata: expect.objectContaining({ bootstrapServers: `${bootstrapHost(kafka().metadata.name)}.${rendered.namespace}.svc:${plainListener().port}`, consumerGroup: CONSUMER_GROUPS[service], lagThreshold: expect.stringMatching(/^\d+$/) }) },
        { type: 'cpu', metricType: 'Utilization', metadata: { value: expect.stringMatching(/^\d+$/) } },
      ]);
      // Beyond one consumer per partition a pod of the group would idle: every pod of the service counts.
      const consumersAtMost = deploymentsOf(service).reduce((sum, deployment) => sum + autoscalerOf(deployment).max, 0);
      expect([scaled.metadata!.name, consumersAtMost <= partitions]).toEqual([scaled.metadata!.name, true]);
    }
  });

  it("sets every variable each service's config schema and distributed mode require, with values those schemas accept", () => {
    const migrating = new Set<string>(servicesWithMigrations());
    for (const deployment of deployments) {
      const service = serviceOf(deployment);
      const name = deployment.metadata!.name;
      const env = envOf(deployment);
      const values = processEnv(env);
      const parsed = CONFIG_SCHEMAS[service].safeParse(values);
      expect([name, parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) ?? []]).toEqual([name, []]);
      // What main.ts and the libs read besides the schema, as `start:distributed` sets it.
      expect(() => kafkaSettingsFromEnv(service, values)).not.toThrow();
      expect(() => jobsSettingsFromEnv(values)).not.toThrow();
      expect([name, 'INTERNAL_TOKEN', env.has('INTERNAL_TOKEN')]).toEqual([name, 'INTERNAL_TOKEN', true]);
      expect([name, 'DATABASE_URL', env.has('DATABASE_URL')]).toEqual([name, 'DATABASE_URL', migrating.has(service)]);
      if (migrating.has(service)) expect(databaseConfigFromEnv(values).kind).toBe('postgres');
      const needsRedis = queuesUsedBy(service).length > 0 || 'REDIS_URL' in CONFIG_SCHEMAS[service].shape;
      expect([name, 'REDIS_URL', env.has('REDIS_URL')]).toEqual([name, 'REDIS_URL', needsRedis]);
      for (const variable of Object.keys(CONFIG_SCHEMAS[service].shape).filter((key) => SERVICE_URL_VARIABLES.has(key))) {
        expect([name, variable, env.has(variable)]).toEqual([name, variable, true]);
      }
    }
  });

  it('points every *_URL at a Service of that service, on its port, that selects its API pods', () => {
    const config = rendered.generated<{ data: Record<string, string> }>('ConfigMap', 'badges-config').data;
    for (const [variable, service] of SERVICE_URL_VARIABLES) {
      const url = new URL(config[variable]);
      const target = rendered.named<IService>('Service', url.hostname);
      expect([variable, target.spec!.ports!.map((port) => port.port)]).toEqual([variable, [Number(url.port)]]);
      const pods = deployments.filter((deployment) => selects(target.spec!.selector, podLabels(deployment)));
      expect([variable, pods.map((deployment) => `${serviceOf(deployment)}/${podLabels(deployment)[COMPONENT]}`)]).toEqual([variable, [`${service}/api`]]);
    }
  });

  it('takes every secret from an existing Secret, one key at a time, and gives a service only those it reads', () => {
    expect(rendered.ofKind('Secret')).toEqual([]);
    const config = rendered.generated<{ data: Record<string, string> }>('ConfigMap', 'badges-config').data;
    expect(Object.keys(config).filter((key) => SECRET_VARIABLE.test(key))).toEqual([]);
    for (const workload of [...deployments, ...rendered.ofKind<IJob>('Job'), ...rendered.ofKind<IStatefulSet>('StatefulSet')]) {
      for (const [variable, source] of containerEnv(workload.spec!.template.spec!.containers[0], rendered)) {
        if (SECRET_VARIABLE.test(variable)) expect([workload.metadata!.name, variable, source.from]).toEqual([workload.metadata!.name, variable, 'secret']);
      }
    }
    for (const deployment of deployments) {
      const reads = new Set([...Object.keys(CONFIG_SCHEMAS[serviceOf(deployment)].shape), 'DATABASE_URL', 'REDIS_URL']);
      const given = [...envOf(deployment)].filter(([, source]) => source.from === 'secret').map(([variable]) => variable);
      expect([deployment.metadata!.name, given.filter((variable) => !reads.has(variable))]).toEqual([deployment.metadata!.name, []]);
    }
  });

  it('documents every Secret and key the manifests reference in docs/operations.md, for rotation', () => {
    const operations = readFileSync(join(ROOT, 'docs', 'operations.md'), 'utf8').split('\n');
    const references = new Set<string>();
    const walk = (value: unknown, field: string): void => {
      if (Array.isArray(value)) value.forEach((item) => walk(item, field));
      else if (value && typeof value === 'object') {
        const object = value as Record<string, unknown>;
        if (['secretKeyRef', 'accessKeyId', 'secretAccessKey'].includes(field)) references.add(`${object.name} ${object.key}`);
        Object.entries(object).forEach(([key, inner]) => walk(inner, key));
      } else if (field === 'secretName') references.add(`${value} tls.crt`);
    };
    rendered.all.forEach((manifest) => walk(manifest, ''));
    expect(references.size).toBeGreaterThan(5);
    const undocumented = [...references].filter((reference) => {
      const [secret, key] = reference.split(' ');
      return !operations.some((line) => line.startsWith('|') && line.includes(`\`${secret}\``) && line.includes(`\`${key}\``));
    });
    expect(undocumented).toEqual([]);
  });

  it('runs Kafka through Strimzi: the topic operator, a KafkaTopic per event topic and its dead letters, replicated within the brokers', () => {
    const cluster = kafka();
    expect(cluster.spec.entityOperator?.topicOperator).toBeDefined();
    const brokers = rendered
      .ofKind<StrimziNodePool>('KafkaNodePool')
      .filter((pool) => pool.metadata.labels?.['strimzi.io/cluster'] === cluster.metadata.name && pool.spec.roles.includes('broker'))
      .reduce((sum, pool) => sum + pool.spec.replicas, 0);
    const topics = rendered.ofKind<StrimziTopic>('KafkaTopic');
    expect(topics.map((topic) => topic.spec.topicName ?? topic.metadata.name).sort()).toEqual(ALL_TOPICS.flatMap((topic) => [topic, deadLetterTopic(topic)]).sort());
    for (const topic of topics) {
      expect([topic.metadata.name, topic.metadata.labels?.['strimzi.io/cluster']]).toEqual([topic.metadata.name, cluster.metadata.name]);
      expect(topic.spec.replicas).toBeLessThanOrEqual(brokers);
      // The services create missing topics with 3 partitions; a KafkaTopic may raise that, never lower it.
      expect(topic.spec.partitions).toBeGreaterThanOrEqual(3);
      expect(Number(topic.spec.config?.['min.insync.replicas'] ?? cluster.spec.kafka.config?.['min.insync.replicas'] ?? 1)).toBeLessThan(topic.spec.replicas);
    }
    const config = rendered.generated<{ data: Record<string, string> }>('ConfigMap', 'badges-config').data;
    expect(config.KAFKA_BROKERS).toBe(`${bootstrapHost(cluster.metadata.name)}:${plainListener().port}`);
  });

  it("runs PostgreSQL through CloudNativePG: DATABASE_URL is its app Secret's URI, and max_connections holds every pod's pools", () => {
    const clusters = rendered.ofKind<ICluster>('Cluster');
    expect(clusters).toHaveLength(1);
    const [cluster] = clusters;
    const owner = cluster.spec!.bootstrap!.initdb!.owner;
    expect(owner).toBeDefined();
    const users = [...deployments, ...rendered.ofKind<IJob>('Job')].filter((workload) => envOf(workload).has('DATABASE_URL'));
    for (const workload of users) {
      expect([workload.metadata!.name, envOf(workload).get('DATABASE_URL')]).toEqual([workload.metadata!.name, { from: 'secret', secret: `${cluster.metadata!.name}-app`, key: 'uri' }]);
    }
    // Each process holds up to two pools (its own and Prisma's), every pod at its autoscaler's maximum,
    // the Job once, and PostgreSQL keeps 3 for superusers.
    const pods = users.reduce((sum, workload) => sum + (workload.kind === 'Deployment' ? autoscalerOf(workload as IDeployment).max : 1), 0);
    expect(pods * 2 * POSTGRES_POOL_SIZE + 3).toBeLessThanOrEqual(Number(cluster.spec!.postgresql!.parameters!.max_connections));
  });

  it('runs Redis with the password of the Secret whose URL the services use', () => {
    const [redis] = rendered.ofKind<IStatefulSet>('StatefulSet').filter((set) => set.metadata!.name === 'badges-redis');
    const redisEnv = containerEnv(redis.spec!.template.spec!.containers[0], rendered);
    const urlSecrets = new Set(deployments.filter((deployment) => envOf(deployment).has('REDIS_URL')).map((deployment) => (envOf(deployment).get('REDIS_URL') as { secret: string }).secret));
    expect([...urlSecrets]).toEqual([(redisEnv.get('REDIS_PASSWORD') as { secret: string }).secret]);
    expect(redis.spec!.template.spec!.containers[0].args).toEqual(expect.arrayContaining(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction', '--requirepass', '$(REDIS_PASSWORD)']));
    expect(rendered.named<IService>('Service', 'badges-redis').spec!.ports).toEqual([{ name: 'redis', port: 6379, targetPort: 'redis' }]);
  });

  it("serves PUBLIC_URL's host from the gateway through the Ingress, with room for a bulk award's CSV", () => {
    const config = rendered.generated<{ data: Record<string, string> }>('ConfigMap', 'badges-config').data;
    const publicUrl = new URL(config.PUBLIC_URL);
    expect(publicUrl.protocol).toBe('https:');
    const [ingress] = rendered.ofKind<IIngress>('Ingress');
    expect(ingress.spec!.rules).toEqual([{ host: publicUrl.hostname, http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'gateway', port: { name: 'http' } } } }] } }]);
    expect(ingress.spec!.tls).toEqual([{ hosts: [publicUrl.hostname], secretName: expect.any(String) }]);
    expect(bytes(ingress.metadata!.annotations!['nginx.ingress.kubernetes.io/proxy-body-size'])).toBeGreaterThanOrEqual(LARGEST_BODY_BYTES);
    expect(rendered.named<IService>('Service', 'gateway').spec!.ports).toEqual([expect.objectContaining({ name: 'http' })]);
  });

  it("runs the migrations as a Job of the runner's migrate entry, on the services' image and database", () => {
    const [job] = rendered.ofKind<IJob>('Job');
    const container = theContainer(job);
    expect(container.command).toEqual(['node', 'dist/apps/runner/src/migrate.js']);
    expect(existsSync(join(ROOT, 'apps', 'runner', 'src', 'migrate.ts'))).toBe(true);
    expect(job.spec!.template.spec!.restartPolicy).toBe('Never');
    expect(job.metadata!.labels![COMPONENT]).toBe('migrate');
    expect(job.metadata!.annotations).toEqual({ 'argocd.argoproj.io/hook': 'PreSync', 'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation' });
    // One tagged image for all: the Job migrates for exactly the code the pods run.
    const images = new Set([job, ...deployments].map((workload) => theContainer(workload).image));
    expect(images.size).toBe(1);
    expect([...images][0]).toMatch(/^[^:]+\/badges:(?!latest$)[\w.-]+$/);
  });
});

describe('docker-compose.yml, for single-host users', () => {
  it('still runs every service of the distributed stack on its port, beside PostgreSQL, Redis and Kafka', () => {
    const compose = parseYaml(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { build?: { args?: { SERVICE?: string } }; environment?: Record<string, string> }> };
    for (const service of DISTRIBUTED_SERVICES) {
      expect([service, compose.services[service]?.build?.args?.SERVICE, compose.services[service]?.environment?.PORT]).toEqual([service, service, String(defaultPort(service))]);
    }
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['postgres', 'redis', 'kafka']));
  });
});
