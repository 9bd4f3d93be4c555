// The run's report as markdown: requests per kind, bulk awards, consumer lag over time, CPU per
// process, the exactly-once table and what went wrong.
const ms = (value) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 1 : 0) : '–');
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

/** At most `limit` rows of the timeline, evenly spaced, always keeping the first, the last and the busiest. */
function sampleTimeline(timeline, limit) {
  if (timeline.length <= limit) return timeline;
  const total = (row) => Object.values(row.lag).reduce((a, b) => a + b, 0);
  const busiest = timeline.reduce((best, row) => (total(row) > total(best) ? row : best), timeline[0]);
  const picked = new Set(Array.from({ length: limit - 1 }, (_, i) => timeline[Math.round((i * (timeline.length - 1)) / (limit - 2))]));
  picked.add(busiest);
  return timeline.filter((row) => picked.has(row));
}

export function provinceReport({ machine, options, mode, runSeconds, requests, workload, ledger, monitor, events, drained, check }) {
  const lines = [];
  lines.push(`# Province bench (${mode})`, '');
  lines.push(`${machine}. ${options.institutions} institutions, ${runSeconds.toFixed(0)} s of load (${options.minutes} min asked), bulk awards of ${options.bulkRows.join(', ')} rows, ${options.readers} readers, up to ${options.singlesPerSecond} single awards/s gated at ${options.readsPerAward} reads per award, ${options.learners} learners.`, '');

  const awards = [...ledger.awards.values()];
  const bulkRows = awards.filter((entry) => entry.source === 'bulk').length;
  const singles = awards.length - bulkRows;
  lines.push('## Requests', '');
  lines.push(table(['kind', 'count', 'per second', 'p50 ms', 'p99 ms', 'errors'], requests.map((r) => [r.kind, r.count, r.perSecond.toFixed(1), ms(r.p50), ms(r.p99), r.errors ? `${r.errors} (${Object.entries(r.statuses).map(([status, n]) => `${status}: ${n}`).join(', ')})` : '0'])));
  lines.push('', `Awards: ${singles} single (steady stream and learners), ${bulkRows} bulk rows; public reads and verifications: ${workload.reads} (${(workload.reads / Math.max(1, singles)).toFixed(0)} per single award, ${(workload.reads / Math.max(1, awards.length)).toFixed(1)} per award of any kind).`, '');

  lines.push('## Bulk awards', '');
  lines.push(table(['job', 'rows', 'status', 'done', 'failed', 'upload to completed (s)', 'rows/s'], ledger.bulkJobs.map((job) => {
    const seconds = job.finishedAt ? (job.finishedAt - job.startedAt) / 1000 : NaN;
    return [job.job, job.rows, job.final?.status ?? 'not finished', job.final?.done ?? '–', job.final?.failed ?? '–', ms(seconds), ms(job.rows / seconds)];
  })));
  lines.push('', 'Completion is seen by polling the job every 2 s: the time is an upper bound within 2 s.', '');

  lines.push('## Consumer lag over time', '');
  const groups = [...new Set(monitor.timeline.flatMap((row) => Object.keys(row.lag)))].sort();
  // Queues that never held a job (Badgr imports in this scenario) say nothing.
  const queues = [...new Set(monitor.timeline.flatMap((row) => Object.keys(row.queues).filter((queue) => row.queues[queue] > 0)))].sort();
  lines.push(table(['t (s)', ...groups.map((g) => `lag ${g}`), 'outbox (events)', ...queues.map((q) => `queue ${q}`), 'emails received', 'webhooks received', 'not answering'], sampleTimeline(monitor.timeline, 24).map((row) => [
    row.seconds,
    ...groups.map((g) => row.lag[g] ?? '–'),
    Object.values(row.outbox).reduce((a, b) => a + b, 0),
    ...queues.map((q) => row.queues[q] ?? '–'),
    row.emails,
    row.webhooks,
    row.down.join(', ') || '',
  ])));
  lines.push('', 'Lag: events not yet handled, per consumer group, summed over partitions, as of each consumer\'s last batch (decision 0050). Queues: jobs waiting or delayed.', '');

  lines.push('## CPU per process', '');
  const wall = monitor.wallSeconds;
  lines.push(table(['process', 'CPU s', 'cores (avg over the run and drain)', 'CPU ms per award (any kind)'], Object.entries(monitor.cpu).sort(([, a], [, b]) => b - a).map(([name, seconds]) => [name, seconds.toFixed(1), (seconds / wall).toFixed(2), ms((seconds * 1000) / Math.max(1, awards.length))])));
  lines.push('', `Over ${wall.toFixed(0)} s from the first request to the end of the drain. PostgreSQL is the backends serving this run's database (not the server's shared background processes); Kafka and Redis are the machine's shared servers, whose figures include anything else running on them.`, '');

  lines.push('## Events', '');
  for (const event of events) lines.push(`- ${event}`);
  lines.push(`- drain: ${drained.seconds.toFixed(0)} s; bulk jobs finished: ${drained.jobsDone ? 'yes' : 'NO'}; every award reached every place: ${drained.reached ? 'yes' : drained.stalled ? 'NO (nothing new arrived for the stall time)' : 'NO (timed out)'}`, '');

  lines.push('## Exactly once', '');
  lines.push(table(['place', 'expected', 'found', 'lost', 'doubled'], check.rows.map((r) => [r.place, r.expected, r.found, r.lost, r.doubled])));
  lines.push('', check.failures.length === 0 ? '**Nothing lost, nothing doubled.**' : `**FAILED**:\n${check.failures.slice(0, 30).map((f) => `- ${f}`).join('\n')}${check.failures.length > 30 ? `\n- … ${check.failures.length - 30} more` : ''}`, '');
  return lines.join('\n');
}
