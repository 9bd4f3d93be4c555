import { createScratchPostgres, type ScratchDatabase } from '@badges/persistence';

export interface StorageTarget {
  name: string;
  /** The environment that points a platform process at this storage, and how to drop it after. */
  env: () => Promise<{ env: Record<string, string>; dispose(): Promise<void> }>;
}

/**
 * Where an e2e suite runs the compiled platform: always on the embedded PGlite default, and also
 * on a scratch database of the real PostgreSQL when DATABASE_URL is set.
 */
export function embeddedStorageTargets(): StorageTarget[] {
  const targets: StorageTarget[] = [{ name: 'pglite', env: async () => ({ env: {}, dispose: async () => undefined }) }];
  const baseUrl = process.env.DATABASE_URL;
  if (baseUrl) {
    targets.push({
      name: 'postgres',
      env: async () => {
        const scratch: ScratchDatabase = await createScratchPostgres(baseUrl);
        return { env: { DATABASE_URL: (scratch.config as { url: string }).url }, dispose: scratch.dispose };
      },
    });
  }
  return targets;
}
