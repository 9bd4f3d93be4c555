import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface ServiceProcess {
  readonly name: string;
  readonly port: number;
  readonly url: string;
  readonly pid: number | undefined;
  output(): string;
  /** Graceful stop (SIGTERM), or any signal, e.g. SIGKILL to simulate a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export interface ServiceProcessOptions {
  name: string;
  port: number;
  env: NodeJS.ProcessEnv;
  /** Compiled tree (scripts/build.mjs output). */
  distRoot: string;
  /** Echo the service's output, each line prefixed with its name. */
  echo?: boolean;
  readyTimeoutMs?: number;
}

/**
 * Starts one service as its own process (distributed mode) and waits until its /health answers
 * 200. The launcher and the integration tests share this, so both start services the same way.
 */
export async function startServiceProcess(options: ServiceProcessOptions): Promise<ServiceProcess> {
  const entry = join(options.distRoot, 'apps', options.name, 'src', 'main.js');
  const child: ChildProcess = spawn(process.execPath, [entry], {
    env: { ...options.env, PORT: String(options.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (options.echo) for (const line of text.split('\n').filter(Boolean)) process.stdout.write(`[${options.name}] ${line}\n`);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited with ${child.exitCode} before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${options.name} was not ready within ${options.readyTimeoutMs ?? 60_000} ms:\n${output}`);
    }
    ready = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    name: options.name,
    port: options.port,
    url,
    pid: child.pid,
    output: () => output,
    stop: async (signal: NodeJS.Signals = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
