import { parseArgs } from 'node:util';

/** What `npm run migrate:badgr` was asked to do, checked; a bad argument is a `UsageError` (exit 2). */
export interface MigrateArgs {
  readonly url: string;
  readonly username: string;
  readonly institution: string;
  /** The variable holding Badgr's password; without one the CLI asks for it. */
  readonly passwordEnv: string | null;
  readonly platform: string;
  readonly operatorTokenFile: string | null;
  readonly dryRun: boolean;
  readonly overwrite: boolean;
  /** An instant, `last` (the institution's last finished run's `nextSince`), or null: everything. */
  readonly since: string | 'last' | null;
  /** Badgr on a private or loopback address (a closed deployment, a test's stand-in). */
  readonly allowPrivateNetwork: boolean;
}

export class UsageError extends Error {}

export const USAGE = `usage: npm run migrate:badgr -- --url <badgr api origin> --username <badgr user> --institution <id>
       [--password-env VAR] [--platform <gateway url>] [--operator-token-file <path>]
       [--dry-run] [--overwrite] [--since <iso date-time>|last] [--allow-private-network]

  --password-env   the environment variable that holds the Badgr password (else it is asked for)
  --platform       this platform's gateway; default PUBLIC_URL, else http://localhost:3000
  --operator-token-file  the operator token's file; default ADMIN_TOKEN, else <DATA_DIR>/admin-token
  --since          only what Badgr changed after this instant; "last": after the previous run's read
exit codes: 0 done (even with per-item problems), 1 could not run, 2 bad arguments`;

export function parseMigrateArgs(argv: readonly string[], env: NodeJS.ProcessEnv): MigrateArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        username: { type: 'string' },
        institution: { type: 'string' },
        'password-env': { type: 'string' },
        platform: { type: 'string' },
        'operator-token-file': { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        overwrite: { type: 'boolean', default: false },
        since: { type: 'string' },
        'allow-private-network': { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const missing = (['url', 'username', 'institution'] as const).filter((name) => !values[name]);
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((name) => `--${name}`).join(', ')}`);
  const url = httpUrl('--url', values.url as string);
  const platform = httpUrl('--platform', values.platform ?? env.PUBLIC_URL ?? 'http://localhost:3000');
  const passwordEnv = values['password-env'] ?? null;
  if (passwordEnv !== null && env[passwordEnv] === undefined) throw new UsageError(`--password-env ${passwordEnv}: that variable is not set`);
  const since = values.since ?? null;
  if (since !== null && since !== 'last' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(since)) {
    throw new UsageError(`--since must be an ISO 8601 date and time with a zone (2024-05-01T00:00:00Z) or "last", not "${since}"`);
  }
  return {
    url,
    username: values.username as string,
    institution: values.institution as string,
    passwordEnv,
    platform,
    operatorTokenFile: values['operator-token-file'] ?? null,
    dryRun: values['dry-run'] as boolean,
    overwrite: values.overwrite as boolean,
    since,
    allowPrivateNetwork: values['allow-private-network'] as boolean,
  };
}

function httpUrl(flag: string, value: string): string {
  try {
    const parsed = new URL(value);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  } catch {
    // answered below
  }
  throw new UsageError(`${flag} must be an http(s) URL, not "${value}"`);
}
