import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { exportedMetricNames } from '@badges/service-kit';

import { startEmbedded, type EmbeddedPlatform } from '../../apps/runner/src/start-embedded';
import { embeddedDataDir } from '../support/embedded-data-dir';
import { freePort } from '../support/free-port';

const ROOT = join(__dirname, '../..');
const METRICS_TOKEN = 'metrics-token-for-the-rules-0123';
/** PromQL words that are not metric names. */
const KEYWORDS = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'offset', 'bool', 'inf', 'nan']);

/**
 * The metric names a PromQL expression reads: strings, label matchers, ranges, grouping label lists
 * and Grafana variables are taken out; what is left and is not a function call or a keyword is one.
 */
function metricNamesIn(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ')
    .replace(/\$\{?\w+\}?/g, ' ');
  const names: string[] = [];
  for (const match of bare.matchAll(/(?<![\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/g)) {
    if (!match[2] && !KEYWORDS.has(match[1])) names.push(match[1]);
  }
  return names;
}

function balanced(expr: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const open: string[] = [];
  for (const char of expr.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
    if ('([{'.includes(char)) open.push(char);
    else if (char in pairs && open.pop() !== pairs[char]) return false;
  }
  return open.length === 0;
}

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels: { severity: string };
  annotations: { summary: string; description: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; w: number };
  targets?: { expr: string }[];
}

/**
 * infra/grafana/badges-dashboard.json and infra/prometheus/alerts.yml read only metrics the
 * platform exports: the names come from a real /metrics answer of the embedded platform, where
 * every module that defines a metric is loaded (decision 0050).
 */
describe('the Grafana dashboard and the Prometheus alerts name metrics we export', () => {
  let dataDir: string;
  let platform: EmbeddedPlatform;
  let exported: Set<string>;
  const alerts = (parseYaml(readFileSync(join(ROOT, 'infra/prometheus/alerts.yml'), 'utf8')) as { groups: { name: string; rules: AlertRule[] }[] }).groups.flatMap((group) => group.rules);
  const dashboard = JSON.parse(readFileSync(join(ROOT, 'infra/grafana/badges-dashboard.json'), 'utf8')) as {
    uid: string;
    panels: Panel[];
    templating: { list: { name: string; type: string; definition?: string }[] };
  };
  const queries = dashboard.panels.filter((panel) => panel.type !== 'row').flatMap((panel) => (panel.targets ?? []).map((target) => ({ where: panel.title, expr: target.expr })));

  beforeAll(async () => {
    dataDir = embeddedDataDir('badges-metrics-rules-');
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, EMBEDDED_DATABASE: 'pglite', METRICS_TOKEN };
    for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL', 'SMTP_URL']) delete env[name];
    platform = await startEmbedded(env);
    const response = await fetch(`${platform.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    exported = exportedMetricNames(await response.text());
  }, 120_000);

  afterAll(async () => {
    await platform?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads metric names out of PromQL, leaving out functions, labels, ranges and variables', () => {
    expect(metricNamesIn('sum by (service) (rate(http_request_duration_seconds_count{service=~"$service",status_class="5xx"}[$__rate_interval])) / 2')).toEqual([
      'http_request_duration_seconds_count',
    ]);
    expect(metricNamesIn('a > 1000 and deriv((sum by (group) (b))[10m:1m]) > 0 or on(x) c offset 5m')).toEqual(['a', 'b', 'c']);
  });

  it('has the alerts an operator must hear about, each complete and explained in docs/operations.md', () => {
    expect(alerts.map((rule) => rule.alert).sort()).toEqual(['BadgesConsumerLagGrowing', 'BadgesDeadLetters', 'BadgesEmailFailures', 'BadgesHighErrorRate', 'BadgesOutboxStale']);
    const operations = readFileSync(join(ROOT, 'docs/operations.md'), 'utf8');
    for (const rule of alerts) {
      expect({ alert: rule.alert, severity: ['warning', 'critical'].includes(rule.labels?.severity), summary: !!rule.annotations?.summary, description: !!rule.annotations?.description }).toEqual({
        alert: rule.alert, severity: true, summary: true, description: true,
      });
      expect(rule.annotations.description).toContain(`docs/operations.md#${rule.alert.toLowerCase()}`);
      expect(operations).toContain(`### ${rule.alert}`);
    }
  });

  it('every alert expression is balanced and reads only exported metrics', () => {
    for (const rule of alerts) {
      const names = metricNamesIn(rule.expr);
      expect({ alert: rule.alert, balanced: balanced(rule.expr), reads: names.length > 0, unknown: names.filter((name) => !exported.has(name)) }).toEqual({
        alert: rule.alert, balanced: true, reads: true, unknown: [],
      });
    }
  });

  it('every dashboard query is balanced and reads only exported metrics; its panels fit the grid', () => {
    expect(queries.length).toBeGreaterThan(15);
    for (const { where, expr } of queries) {
      const names = metricNamesIn(expr);
      expect({ where, balanced: balanced(expr), reads: names.length > 0, unknown: names.filter((name) => !exported.has(name)) }).toEqual({ where, balanced: true, reads: true, unknown: [] });
    }
    for (const variable of dashboard.templating.list.filter((item) => item.type === 'query')) {
      const metric = /^label_values\((\w+),\s*\w+\)$/.exec(variable.definition ?? '')?.[1];
      expect({ variable: variable.name, exported: metric !== undefined && exported.has(metric) }).toEqual({ variable: variable.name, exported: true });
    }
    const ids = dashboard.panels.map((panel) => panel.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.panels.filter((panel) => panel.gridPos.x + panel.gridPos.w > 24)).toEqual([]);
  });

  it('covers every figure of issue #20', () => {
    const read = new Set(queries.flatMap(({ expr }) => metricNamesIn(expr)));
    for (const name of [
      'http_request_duration_seconds_count', 'http_request_duration_seconds_bucket', 'job_queue_jobs', 'job_duration_seconds_bucket', 'outbox_unpublished_events',
      'outbox_oldest_unpublished_age_seconds', 'event_consumer_lag', 'events_dead_lettered_total', 'verification_cache_lookups_total', 'bulk_award_rows_total', 'notification_deliveries_total',
    ]) expect({ name, read: read.has(name) }).toEqual({ name, read: true });
  });
});
