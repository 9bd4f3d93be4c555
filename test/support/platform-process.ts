import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RUNNER = join(__dirname, '../../dist/apps/runner/src/main.js');

const EVENT_LOOP_PROBE = join(__dirname, 'event-loop-probe.js');

export interface PlatformProcess {
  url: string;
  adminToken: string;
  output: () => string;
  /** With `eventLoopProbe`: runs `action` and returns the longest time the platform's event loop was held meanwhile. */
  measureEventLoop<T>(action: () => Promise<T>): Promise<{ result: T; maxDelayMs: number }>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface PlatformProcessOptions {
  timeoutMs?: number;
  /** Preloads test/support/event-loop-probe.js, so measureEventLoop can read the platform's own loop delay. */
  eventLoopProbe?: boolean;
}

/** Starts the compiled all-in-one runner (what `npm start` runs) and waits until it is ready. */
export async function startPlatformProcess(env: Record<string, string>, options: PlatformProcessOptions = {}): Promise<PlatformProcess> {
  const { timeoutMs = 60_000, eventLoopProbe = false } = options;
  const inherited = { ...process.env };
  // The embedded default runs on nothing external; a test opts into Postgres, Kafka or Redis
  // explicitly through `env`.
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL', 'SMTP_URL']) delete inherited[name];
  const child: ChildProcess = spawn(process.execPath, [...(eventLoopProbe ? ['--require', EVENT_LOOP_PROBE] : []), RUNNER], {
    // PGlite unless a test asks for the embedded PostgreSQL: it starts in milliseconds, not seconds.
    env: { ...inherited, LOG_LEVEL: 'warn', NODE_ENV: 'test', EMBEDDED_DATABASE: 'pglite', ...env },
    stdio: ['ignore', 'pipe', 'pipe', ...(eventLoopProbe ? (['ipc'] as const) : [])],
  });
  let output = '';
  child.stdout?.on('data', (data) => (output += data));
  child.stderr?.on('data', (data) => (output += data));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // Stopped, not left running: an orphan platform would hold the cores every later suite needs.
      child.kill('SIGKILL');
      reject(new Error(`platform not ready in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = () => {
      const match = /ready at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`platform exited with ${code}:\n${output}`));
    });
  });
  const adminToken = readFileSync(join(env.DATA_DIR, 'admin-token'), 'utf8').trim();
  return {
    url,
    adminToken,
    output: () => output,
    measureEventLoop: async (action) => {
      if (!eventLoopProbe) throw new Error('start the platform with { eventLoopProbe: true } to measure its event loop');
      await askProbe(child, 'reset');
      const result = await action();
      const { maxMs } = await askProbe(child, 'read');
      return { result, maxDelayMs: maxMs };
    },
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

/** A loop held longer than this is reported as held for good (Infinity), instead of hanging the test. */
const PROBE_TIMEOUT_MS = 30_000;

function askProbe(child: ChildProcess, probe: 'reset' | 'read'): Promise<{ maxMs: number }> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      resolve({ maxMs: Infinity });
    }, PROBE_TIMEOUT_MS);
    const onMessage = (message: { probe?: string; maxMs?: number }) => {
      if (message?.probe !== probe) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve({ maxMs: message.maxMs ?? 0 });
    };
    child.on('message', onMessage);
    child.send({ probe });
  });
}
