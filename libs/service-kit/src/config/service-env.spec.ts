import { ConfigError, loadConfig } from './load-config';
import { otlpTracesUrl } from '../tracing/tracer-provider';
import { serviceConfigLoader, serviceEnvSchema } from './service-env';

const schema = serviceEnvSchema({ defaultPort: 3007 });

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig('test', schema, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('serviceEnvSchema', () => {
  it('defaults to the given port, the local gateway and no internal token', () => {
    expect(loadConfig('test', schema, {})).toEqual({ PORT: 3007, PUBLIC_URL: 'http://localhost:3000' });
  });

  it('reads PORT as a number, PUBLIC_URL without its trailing slashes and INTERNAL_TOKEN as given', () => {
    expect(loadConfig('test', schema, { PORT: '8080', PUBLIC_URL: 'https://badges.example.org//', INTERNAL_TOKEN: 't'.repeat(16) })).toEqual({
      PORT: 8080,
      PUBLIC_URL: 'https://badges.example.org',
      INTERNAL_TOKEN: 't'.repeat(16),
    });
  });

  it('refuses a port outside 1..65535 or not a whole number', () => {
    for (const PORT of ['0', '65536', 'abc', '80.5']) expect(problemsOf({ PORT })).toEqual([expect.stringMatching(/^PORT: /)]);
  });

  it('refuses a PUBLIC_URL that is not http(s), saying what it wants', () => {
    for (const PUBLIC_URL of ['ftp://x', 'localhost:3000', '']) {
      expect(problemsOf({ PUBLIC_URL })).toEqual(['PUBLIC_URL: PUBLIC_URL must be an http(s) URL, e.g. http://localhost:3000']);
    }
  });

  it('refuses an INTERNAL_TOKEN shorter than 16 characters, blank included', () => {
    for (const INTERNAL_TOKEN of ['tiny', '']) {
      expect(problemsOf({ INTERNAL_TOKEN })).toEqual(['INTERNAL_TOKEN: INTERNAL_TOKEN, when set, must be at least 16 characters long.']);
    }
  });

  it('reads METRICS_TOKEN when it is long enough, takes a blank one as unset, and refuses a short one', () => {
    expect(loadConfig('test', schema, { METRICS_TOKEN: 'm'.repeat(16) }).METRICS_TOKEN).toBe('m'.repeat(16));
    expect(loadConfig('test', schema, { METRICS_TOKEN: '' }).METRICS_TOKEN).toBeUndefined();
    expect(problemsOf({ METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN: METRICS_TOKEN, when set, must be at least 16 characters long.']);
  });
});

describe('serviceConfigLoader', () => {
  const loadTestConfig = serviceConfigLoader('test', schema.extend({ ISSUER_URL: schema.shape.PUBLIC_URL.optional() }), (env) => ({ issuerUrl: env.ISSUER_URL }));

  it('gives the shared settings under our names, with the service\'s own', () => {
    expect(loadTestConfig({ PORT: '8080', INTERNAL_TOKEN: 't'.repeat(16), METRICS_TOKEN: 'm'.repeat(16), ISSUER_URL: 'http://issuer:3001/' })).toEqual({
      publicUrl: 'http://localhost:3000',
      internalToken: 't'.repeat(16),
      metricsToken: 'm'.repeat(16),
      port: 8080,
      issuerUrl: 'http://issuer:3001',
    });
  });

  it('names the service and lists every bad variable, shared or its own', () => {
    expect(() => loadTestConfig({ PORT: 'x', ISSUER_URL: 'ftp://x' })).toThrow(/^Invalid configuration for test:\n {2}- PORT: [\s\S]*\n {2}- ISSUER_URL: /);
  });

  it('reads the OTLP endpoints as http(s) URLs, takes blank ones as unset, and refuses anything else', () => {
    expect(loadConfig('test', schema, { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SERVICE_NAME: 'issuer-eu' })).toMatchObject({
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
      OTEL_SERVICE_NAME: 'issuer-eu',
    });
    expect(loadConfig('test', schema, { OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: '' }).OTEL_EXPORTER_OTLP_TRACES_ENDPOINT).toBeUndefined();
    expect(problemsOf({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'collector:4318' })).toEqual([
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT must be an http(s) URL, e.g. http://collector:4318/v1/traces',
    ]);
  });
});

describe('otlpTracesUrl', () => {
  it('takes the traces endpoint as given, else the base endpoint plus /v1/traces, else none', () => {
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://a:4318/custom', OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:4318' })).toBe('http://a:4318/custom');
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:4318/' })).toBe('http://b:4318/v1/traces');
    expect(otlpTracesUrl({})).toBeUndefined();
    expect(otlpTracesUrl({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ' })).toBeUndefined();
  });
});
