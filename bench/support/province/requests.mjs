// Every request the bench makes goes through `timed`: its latency lands in its kind's sample (a
// bounded reservoir, so a long run's memory stays flat), and its failures are counted by status.
const RESERVOIR = 50_000;

export class RequestLog {
  kinds = new Map();

  /** Records one request of `kind` that took `ms`; `ok` false counts it as an error with `status`. */
  record(kind, ms, ok, status) {
    let entry = this.kinds.get(kind);
    if (!entry) this.kinds.set(kind, (entry = { count: 0, errors: 0, statuses: {}, sample: [] }));
    entry.count++;
    if (!ok) {
      entry.errors++;
      entry.statuses[status] = (entry.statuses[status] ?? 0) + 1;
    }
    if (entry.sample.length < RESERVOIR) entry.sample.push(ms);
    else {
      const slot = Math.floor(Math.random() * entry.count);
      if (slot < RESERVOIR) entry.sample[slot] = ms;
    }
  }

  count(kind) {
    return this.kinds.get(kind)?.count ?? 0;
  }

  /** [{kind, count, perSecond, p50, p99, errors, statuses}] over `seconds`. */
  summary(seconds) {
    return [...this.kinds].map(([kind, { count, errors, statuses, sample }]) => {
      const sorted = [...sample].sort((a, b) => a - b);
      const at = (p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
      return { kind, count, perSecond: count / seconds, p50: at(0.5), p99: at(0.99), errors, statuses };
    });
  }
}

/**
 * A client for the gateway at `base`: `call(kind, path, options)` answers `{status, body, ok}` and
 * never throws (a refused connection is status 0), so a worker carries on through an outage and the
 * log says what failed. `expect` lists the statuses that count as success (default 2xx and 3xx).
 */
export function gatewayClient(base, log) {
  return async function call(kind, path, { method, token, body, headers = {}, expect, raw = false } = {}) {
    const isJson = body !== undefined && typeof body === 'object';
    const started = performance.now();
    let status = 0;
    let text = '';
    let responseHeaders;
    try {
      const response = await fetch(`${base}${path}`, {
        method: method ?? (body === undefined ? 'GET' : 'POST'),
        headers: { ...(isJson ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        body: body === undefined ? undefined : isJson ? JSON.stringify(body) : body,
        redirect: 'manual',
        signal: AbortSignal.timeout(30_000),
      });
      status = response.status;
      responseHeaders = response.headers;
      text = raw ? '' : await response.text();
      if (raw) await response.arrayBuffer();
    } catch {
      status = 0;
    }
    const ok = expect ? expect.includes(status) : status >= 200 && status < 400;
    log?.record(kind, performance.now() - started, ok, status);
    let parsed;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status, ok, body: parsed, headers: responseHeaders };
  };
}
