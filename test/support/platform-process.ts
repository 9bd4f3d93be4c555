import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RUNNER = join(__dirname, '../../dist/apps/runner/src/main.js');

export interface PlatformProcess {
  url: string;
  adminToken: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the compiled all-in-one runner (what `npm start` runs) and waits until it is ready. */
export async function startPlatformProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<PlatformProcess> {
  const inherited = { ...process.env };
  // The embedded default runs on nothing external; a test opts into Postgres, Kafka or Redis
  // explicitly through `env`.
  for (const name of ['DATABASE_URL', 'KAFKA_BROKERS', 'REDIS_URL', 'SMTP_URL']) delete inherited[name];
  const child: ChildProcess = spawn(process.execPath, [RUNNER], {
    env: { ...inherited, LOG_LEVEL: 'warn', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (data) => (output += data));
  child.stderr?.on('data', (data) => (output += data));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`platform not ready in ${timeoutMs} ms:\n${output}`)), timeoutMs);
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
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
