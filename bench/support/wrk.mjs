// wrk over loopback: one URL (optionally a POST body and extra headers), or a list of paths of
// which each request picks one at random (reads spread over many rows, so the database path shows
// and not only a cache). Returns req/s, p99, how many answers were not 2xx/3xx and how many timed out.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const wrkInstalled = () => !spawnSync('wrk', ['--version']).error;

const UNIT_MS = { us: 0.001, ms: 1, s: 1000 };

/**
 * `settings` = { seconds, connections }; `paths`, when given, replaces the URL's path per request.
 * wrk runs synchronously: whatever it measures must live in another process.
 */
export function wrk(url, { seconds, connections }, { method = 'GET', body, headers = {}, paths } = {}) {
  const script = join(tmpdir(), `bench-wrk-${process.pid}.lua`);
  const lines = [`wrk.method = ${JSON.stringify(method)}`];
  if (body !== undefined) lines.push(`wrk.body = ${JSON.stringify(body)}`);
  for (const [name, value] of Object.entries(headers)) lines.push(`wrk.headers[${JSON.stringify(name)}] = ${JSON.stringify(value)}`);
  if (paths) {
    // JSON string literals are valid Lua string literals for the characters ids and paths use.
    lines.push(`local paths = { ${paths.map((path) => JSON.stringify(path)).join(',\n')} }`);
    // Each wrk thread has its own Lua state; seed each differently so they don't walk in step.
    lines.push('local threads = 0');
    lines.push('function setup(thread) threads = threads + 1; thread:set("id", threads) end');
    lines.push('function init(args) math.randomseed(os.time() + id * 7919) end');
    lines.push('request = function() return wrk.format(nil, paths[math.random(#paths)]) end');
  }
  writeFileSync(script, lines.join('\n'));
  const run = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  rmSync(script, { force: true });
  const perSecond = Number(/Requests\/sec:\s+([\d.]+)/.exec(run.stdout)?.[1] ?? NaN);
  const p99 = /\s99%\s+([\d.]+)(us|ms|s)\b/.exec(run.stdout);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(run.stdout)?.[1] ?? 0);
  // wrk gives up on a request after 2 s and leaves it out of the latencies: count them apart.
  const timeouts = Number(/Socket errors:.*timeout (\d+)/.exec(run.stdout)?.[1] ?? 0);
  if (run.status !== 0 && !Number.isFinite(perSecond)) throw new Error(`wrk failed on ${url}: ${run.stderr || run.stdout}`);
  return { perSecond: Math.round(perSecond), p99Ms: p99 ? Number(p99[1]) * UNIT_MS[p99[2]] : NaN, non2xx, timeouts };
}
