// CPU seconds spent by each process of the stack between two readings (Linux /proc), so a
// benchmark can say where the time went: which service, PostgreSQL, the Kafka broker, Redis.
import { readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

export const cpuTicks = (pid) => {
  try {
    // Fields after the command name (which may hold spaces); utime and stime are fields 14 and 15.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
};

const commandOf = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
};

/**
 * Every process on the machine that belongs to one of the shared servers, grouped by server. With
 * `database`, PostgreSQL is only the backends serving that database (their title names it), so
 * other work on the same server is left out; its shared background processes are left out too.
 */
export const serverProcesses = (database) => {
  const groups = { postgres: [], kafka: [], redis: [] };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const command = commandOf(entry);
    if (command.startsWith('postgres')) {
      if (!database || command.includes(` ${database} `)) groups.postgres.push(entry);
    }
    else if (command.includes('kafka.Kafka')) groups.kafka.push(entry);
    else if (command.startsWith('redis-server')) groups.redis.push(entry);
  }
  return groups;
};

/** Snapshot now; `since()` returns CPU seconds per process group since the snapshot. */
export function cpuSnapshot(services) {
  const read = () => {
    const totals = {};
    for (const { name, pid } of services) totals[name] = cpuTicks(pid);
    for (const [name, pids] of Object.entries(serverProcesses())) totals[name] = pids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
    return totals;
  };
  const before = read();
  return {
    since() {
      const after = read();
      return Object.fromEntries(Object.keys(after).map((name) => [name, Math.max(0, after[name] - (before[name] ?? 0)) / TICKS_PER_SECOND]));
    },
  };
}

/** One line: "issuer 41.2 s, postgres 30.1 s, ..." busiest first. */
export const formatCpu = (seconds) =>
  Object.entries(seconds)
    .sort(([, a], [, b]) => b - a)
    .map(([name, value]) => `${name} ${value.toFixed(1)} s`)
    .join(', ');
