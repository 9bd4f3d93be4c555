import { ALL_QUEUES, isQueueName, type QueueName } from '../catalogue/queue-name';
import { JobsConfigError } from './jobs-config.error';

/**
 * Which queues this process works on (WORKERS=all|none|<queue,...>). The same build then runs
 * as API-only (none), worker-only for some queues, or both (all, the embedded default).
 */
export interface WorkerRole {
  readonly queues: ReadonlySet<QueueName>;
}

export function parseWorkerRole(raw: string | undefined): WorkerRole {
  const value = (raw ?? 'all').trim();
  if (value === '' || value === 'all') return { queues: new Set(ALL_QUEUES) };
  if (value === 'none') return { queues: new Set() };
  const names = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !isQueueName(name));
  // A typo here would silently leave a queue without workers: refuse it at boot.
  if (unknown.length) throw new JobsConfigError(`WORKERS names unknown queue(s) ${unknown.join(', ')}; use all, none or some of ${ALL_QUEUES.join(', ')}`);
  return { queues: new Set(names as QueueName[]) };
}

export function runsWorkersFor(role: WorkerRole, queue: QueueName): boolean {
  return role.queues.has(queue);
}
