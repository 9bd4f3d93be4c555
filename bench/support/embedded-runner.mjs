// The embedded default as `npm start` runs it (dist/apps/runner), in a process of its own on a
// data folder the caller keeps, so it can be stopped, its database changed, and started again on
// the same port (PUBLIC_URL, which every document's ids carry, stays the same).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const RUNNER = join(new URL('../..', import.meta.url).pathname, 'dist/apps/runner/src/main.js');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The environment the runner gets: no distributed variables, so it runs the embedded default. */
export function embeddedEnv({ dataDir, port, extraEnv = {} }) {
  return {
    ...process.env,
    DATABASE_URL: '',
    KAFKA_BROKERS: '',
    REDIS_URL: '',
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'error',
    NODE_ENV: 'production',
    ...extraEnv,
  };
}

/** Starts the runner and waits until /health answers; `stop()` ends it and waits for the exit. */
export async function startEmbeddedRunner(env) {
  const child = spawn(process.execPath, [RUNNER], { env, stdio: 'ignore' });
  let exited = false;
  const exit = new Promise((resolve) => child.once('exit', (code) => { exited = true; resolve(code); }));
  const base = env.PUBLIC_URL;
  for (let attempt = 0; !(await fetch(`${base}/health`).then((r) => r.ok, () => false)); attempt++) {
    if (exited) throw new Error(`the embedded runner exited with ${await exit} before it was ready`);
    if (attempt > 1200) {
      child.kill('SIGTERM');
      throw new Error('the embedded runner was not ready after 120 s');
    }
    await sleep(100);
  }
  return {
    base,
    pid: child.pid,
    adminToken: readFileSync(join(env.DATA_DIR, 'admin-token'), 'utf8').trim(),
    async stop() {
      if (!exited) child.kill('SIGTERM');
      await exit;
    },
  };
}
