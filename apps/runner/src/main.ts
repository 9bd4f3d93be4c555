import { startEmbedded } from './start-embedded';

/** `npm start`: the whole platform in one process, on PGlite and in-process adapters. */
export async function main(): Promise<void> {
  const startedAt = Date.now();
  const port = Number(process.env.PORT ?? 3000);
  if (!process.env.PUBLIC_URL) process.env.PUBLIC_URL = `http://localhost:${port}`;
  const platform = await startEmbedded(process.env);
  const shutdown = async (signal: string) => {
    process.stdout.write(`\n${signal}: shutting down...\n`);
    await platform.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  // One line, and never the token itself: it would land in terminal scrollback and CI logs.
  process.stdout.write(
    `Open Badges platform ready at ${platform.url} in ${Date.now() - startedAt} ms (API docs at /docs; admin token in ${platform.adminTokenFile})\n`,
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
