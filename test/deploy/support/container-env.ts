import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';

import type { Rendered } from './rendered';

/** Where one variable of a container comes from. */
export type EnvSource = { from: 'value'; value: string } | { from: 'configMap'; configMap: string; value: string } | { from: 'secret'; secret: string; key: string };

/**
 * A container's environment as the kubelet would build it: `envFrom` ConfigMaps first, then `env`
 * (which wins), ConfigMap values looked up in the render. Secrets stay references: none is rendered.
 */
export function containerEnv(container: IContainer, rendered: Rendered): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  const configMapData = (name: string) => rendered.named<IConfigMap>('ConfigMap', name).data ?? {};
  for (const source of container.envFrom ?? []) {
    if (!source.configMapRef) throw new Error(`${container.name}: envFrom other than a ConfigMap (${JSON.stringify(source)}) would hide which Secret keys it reads`);
    for (const [name, value] of Object.entries(configMapData(source.configMapRef.name!))) env.set(name, { from: 'configMap', configMap: source.configMapRef.name!, value });
  }
  for (const variable of container.env ?? []) {
    const ref = variable.valueFrom;
    if (ref?.secretKeyRef) env.set(variable.name, { from: 'secret', secret: ref.secretKeyRef.name!, key: ref.secretKeyRef.key });
    else if (ref?.configMapKeyRef) {
      const value = configMapData(ref.configMapKeyRef.name!)[ref.configMapKeyRef.key];
      if (value === undefined) throw new Error(`${container.name}: ${variable.name} reads ${ref.configMapKeyRef.key} that ConfigMap ${ref.configMapKeyRef.name} does not have`);
      env.set(variable.name, { from: 'configMap', configMap: ref.configMapKeyRef.name!, value });
    } else if (ref) throw new Error(`${container.name}: ${variable.name} comes from ${JSON.stringify(ref)}, which this check does not read`);
    else env.set(variable.name, { from: 'value', value: variable.value ?? '' });
  }
  return env;
}

/**
 * Values that stand in for the secrets when a service's own config schema reads the environment:
 * shaped like the real ones (URLs where the schema wants a URL), long enough for every minimum.
 */
const SECRET_STAND_INS: Record<string, string> = {
  DATABASE_URL: 'postgresql://badges:stand-in@badges-db-rw:5432/badges',
  REDIS_URL: 'redis://:stand-in@badges-redis:6379',
  SMTP_URL: 'smtps://badges:stand-in@mail.example.org:465',
};

/** The environment a service process would see, secrets replaced by stand-ins. */
export function processEnv(env: Map<string, EnvSource>): NodeJS.ProcessEnv {
  return Object.fromEntries([...env].map(([name, source]) => [name, source.from === 'secret' ? (SECRET_STAND_INS[name] ?? `stand-in-for-${source.secret}-${source.key}`.padEnd(48, '.')) : source.value]));
}
