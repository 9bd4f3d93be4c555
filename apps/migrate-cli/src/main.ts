/**
 * `npm run migrate:badgr`: migrates one institution from a Badgr server into this platform (issue
 * #18, decision 0045). The driver runs here, reading Badgr, and posts batches to the gateway's
 * operator API. Exit codes: 0 done (even with per-item problems), 1 could not run, 2 bad arguments.
 */
import { HttpMigrationSink, migrateFromBadgr } from '@badges/badgr-migration';

import { parseMigrateArgs, USAGE, UsageError, type MigrateArgs } from './cli-args';
import { progressLine, summaryLines } from './cli-output';
import { badgrPassword, operatorToken } from './cli-secrets';

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv, out: (line: string) => void = console.log): Promise<number> {
  let args: MigrateArgs;
  let token: string;
  try {
    args = parseMigrateArgs(argv, env);
    token = operatorToken(args.operatorTokenFile, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`migrate:badgr: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  try {
    const sink = new HttpMigrationSink(args.platform, args.institution, token);
    const since = args.since === 'last' ? await lastNextSince(sink) : args.since;
    if (args.since === 'last') out(since ? `since the last finished run's read: ${since}` : 'no finished run to continue from: reading everything');
    out(`migrating ${args.url} (${args.username}) into institution ${args.institution} at ${args.platform}${args.dryRun ? ', dry run' : ''}${args.overwrite ? ', overwriting' : ''}`);
    const password = await badgrPassword(args.passwordEnv, env, args.username);
    const report = await migrateFromBadgr(
      {
        connection: { baseUrl: args.url, allowPrivateNetwork: args.allowPrivateNetwork },
        credentials: { username: args.username, password },
        dryRun: args.dryRun,
        overwrite: args.overwrite,
        since,
        onProgress: (progress) => out(progressLine(progress)),
      },
      sink,
    );
    for (const line of summaryLines(report, sink.problemsUrl(report.run.id))) out(line);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`migrate:badgr: ${error.message}`);
      return 2;
    }
    console.error(`migrate:badgr: could not run: ${(error as Error).message}`);
    return 1;
  }
}

/** `--since last`: the `nextSince` of the institution's latest finished, real run. */
async function lastNextSince(sink: HttpMigrationSink): Promise<string | null> {
  const { runs } = await sink.runs();
  return runs.find((run) => run.status === 'finished' && !run.dryRun && run.nextSince !== null)?.nextSince ?? null;
}

if (require.main === module) {
  main(process.argv.slice(2), process.env).then((code) => process.exit(code));
}
