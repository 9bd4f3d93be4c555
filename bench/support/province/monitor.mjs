// Watches the stack while it runs: every few seconds, each service's /metrics (decision 0050) for
// Kafka consumer lag per group, outbox backlog per service and job queue depth, and every
// process's CPU ticks (/proc), summed per service across restarts (a restarted issuer is a new pid).
import { cpuTicks, serverProcesses } from '../cpu-usage.mjs';

const TICKS_PER_SECOND = 100;

/** `name{labels} value` lines of one metric, as [{labels, value}]. */
export function metricLines(text, metric) {
  const found = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${metric}{`) && !line.startsWith(`${metric} `)) continue;
    const match = /^[^{ ]+(?:\{(.*)\})? ([^ ]+)/.exec(line);
    if (!match) continue;
    const labels = Object.fromEntries([...(match[1] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map(([, key, value]) => [key, value]));
    found.push({ labels, value: Number(match[2]) });
  }
  return found;
}

export function startMonitor({ stack, metricsToken, namespace, everySeconds, startedAt, counters = () => ({}) }) {
  const database = new URL(stack.databaseUrl).pathname.slice(1);
  const timeline = [];
  const ownStart = process.cpuUsage();
  const cpu = {};
  const lastTicks = new Map();
  // Group and queue names without the run's namespace; every gateway's cache group is one column.
  const strip = (name) => name.replace(`${namespace}.`, '').replace(`${namespace}-`, '').replace(namespace, '').replace(/^gateway-cache-[0-9a-f-]+$/, 'gateway-cache');

  const sampleCpu = () => {
    const processes = [...stack.services.map(({ name, pid }) => [name, pid]), ...Object.entries(serverProcesses(database)).flatMap(([name, pids]) => pids.map((pid) => [name, pid]))];
    for (const [name, pid] of processes) {
      const ticks = cpuTicks(pid);
      const key = `${name}:${pid}`;
      // A pid seen for the first time counts from its start when it is a restarted service.
      const before = lastTicks.has(key) ? lastTicks.get(key) : timeline.length === 0 ? ticks : 0;
      cpu[name] = (cpu[name] ?? 0) + Math.max(0, ticks - before) / TICKS_PER_SECOND;
      lastTicks.set(key, ticks);
    }
    // The load generator itself (this process: requests, sinks, receiver), beside what it measures.
    const { user, system } = process.cpuUsage(ownStart);
    cpu['bench (load, sinks)'] = (user + system) / 1e6;
  };

  const scrape = async () => {
    const row = { seconds: Math.round((performance.now() - startedAt) / 1000), lag: {}, outbox: {}, queues: {}, down: [], ...counters() };
    await Promise.all(Object.entries(stack.ports).map(async ([service, port]) => {
      let text = '';
      try {
        const response = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` }, signal: AbortSignal.timeout(4_000) });
        text = await response.text();
      } catch {
        row.down.push(service);
        return;
      }
      for (const { labels, value } of metricLines(text, 'event_consumer_lag')) {
        const group = strip(labels.group);
        row.lag[group] = (row.lag[group] ?? 0) + value;
      }
      for (const { labels, value } of metricLines(text, 'outbox_unpublished_events')) row.outbox[labels.service ?? service] = Math.max(row.outbox[labels.service ?? service] ?? 0, value);
      const queued = {};
      for (const { labels, value } of metricLines(text, 'job_queue_jobs')) {
        if (labels.state === 'waiting' || labels.state === 'delayed') queued[strip(labels.queue)] = (queued[strip(labels.queue)] ?? 0) + value;
      }
      // Every process of a queue reports the same Redis figures (decision 0050): keep one.
      for (const [queue, value] of Object.entries(queued)) row.queues[queue] = Math.max(row.queues[queue] ?? 0, value);
    }));
    sampleCpu();
    timeline.push(row);
  };

  let running = true;
  let pending = Promise.resolve();
  const loop = async () => {
    while (running) {
      pending = scrape();
      await pending;
      await new Promise((resolve) => setTimeout(resolve, everySeconds * 1000));
    }
  };
  sampleCpu();
  const looping = loop();
  return {
    timeline,
    cpu,
    /** Scrapes once more now (e.g. right after a restart, to see the new pid from its start). */
    sampleCpu,
    async stop() {
      running = false;
      await looping;
      await pending;
    },
  };
}
